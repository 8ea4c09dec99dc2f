// Notebook 03: how the EndpointSlice controller finds a Service's pods.
// Selector, readiness (ready, serving, terminating), named ports per pod, and slices of 100.
//
// Open it from the repository root, after `mvn -B -q package -DskipTests`:
//   examples/notebook 03
// or paste the snippets one by one into `jshell --class-path examples/target/kube-netsim.jar`.
// A statement that goes on to the next line ends the line with a dot, so jshell waits.

import io.kubenetsim.*;
import io.kubenetsim.model.*;
import java.time.Duration;

// Prints a Service's EndpointSlices the way the controller wrote them: each slice's ports,
// then one line per endpoint with its address, node, pod and the three conditions.
void showSlices(ServiceHandle service) {
  for (EndpointSlice slice : service.slices()) {
    System.out.println("slice " + slice.metadata().name() + "  ports " + slice.ports());
    for (Endpoint e : slice.endpoints()) {
      System.out.println("  " + String.join(",", e.addresses()) + "  " + e.nodeName() + "  " +
          e.targetRef().map(TargetRef::name).orElse("-") + "  " + e.conditions());
    }
  }
}

Cluster c = KubeSim.cluster().nodes(3).seed(3).build();
c.createNamespace("shop");
c.createNamespace("lab");
DeploymentHandle web = c.deployment("shop/web").replicas(2).label("app", "web").
    containerPort("http", 8080).create();
c.pod("shop/debug").label("app", "debug").containerPort("http", 8080).create();
c.pod("lab/web").label("app", "web").containerPort("http", 8080).create();
ServiceHandle svc = c.service("shop/web").selector("app", "web").port("http", 80, "http").
    create();
c.settle();

// 1. The selector. The controller lists the pods of the Service's namespace whose labels match
// app=web. shop/debug (app=debug) does not match; lab/web matches, but lives in another
// namespace. So the slice holds the two shop pods, each with its node and a reference to it.
System.out.println("== 1. the selector");
System.out.println(c.kubectl("get pods -A -l app=web -o wide"));
showSlices(svc);

// 2. Readiness. A Service selects by label, not by owner: this bare pod joins too. Its
// readiness gate (a condition another controller would set) keeps it not Ready, so its
// endpoint is ready=false, serving=false, and kube-proxy sends it nothing.
System.out.println("== 2. readiness");
PodHandle canary = c.pod("shop/canary").label("app", "web").containerPort("http", 8080).
    readinessGate("example.com/lb-ready").create();
c.settle();
showSlices(svc);
System.out.println("kube-proxy balances over " + svc.endpoints());
canary.setCondition("example.com/lb-ready", true);
c.settle();
System.out.println("gate set, kube-proxy balances over " + svc.endpoints());

// 3. Terminating. A deleted pod stays in its slice for its grace period: terminating=true,
// ready=false (no new connections), serving=true (it still answers, so kube-proxy may fall
// back to it if no ready endpoint is left). Once the pod is gone, its endpoint goes too.
System.out.println("== 3. terminating");
canary.delete();
c.runFor(Duration.ofSeconds(5));
showSlices(svc);
c.settle();
System.out.println("after the grace period: " + svc.endpoints());

// 4. Named target ports are resolved per pod. The Service sends port 80 to the container port
// named "http"; web-v2 names 9090 "http". Endpoints are grouped by their resolved ports, so
// the Service now has two slices, and port 80 leads to 8080 on some pods, 9090 on another.
System.out.println("== 4. named ports, resolved per pod");
c.deployment("shop/web-v2").replicas(1).label("app", "web").label("version", "v2").
    containerPort("http", 9090).create();
c.settle();
showSlices(svc);
System.out.println("kube-proxy balances over " + svc.endpoints());

// 5. A slice holds at most 100 endpoints (kube-controller-manager's
// --max-endpoints-per-slice), so 250 pods on port 8080 need three slices, plus the 9090 one.
System.out.println("== 5. at most 100 endpoints per slice");
web.scale(250);
c.settle();
System.out.println(c.kubectl("get endpointslices -n shop"));
for (EndpointSlice slice : svc.slices()) {
  System.out.println(slice.metadata().name() + "  port " +
      slice.ports().get(0).port().orElseThrow() + "  endpoints " + slice.endpoints().size());
}
/exit
