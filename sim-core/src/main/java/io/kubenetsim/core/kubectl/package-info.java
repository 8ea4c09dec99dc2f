/**
 * kubectl as pure functions: table views, the command dispatcher, help and error lines.
 *
 * <p>Start here:
 *
 * <ul>
 *   <li>{@link io.kubenetsim.core.kubectl.KubectlCommand} — parses a command line and runs a
 *       {@link io.kubenetsim.core.kubectl.Verb} against a {@link io.kubenetsim.Cluster},
 *       returning a {@link io.kubenetsim.KubectlResult}: exit 0 success, 1 a check the command
 *       made failed, 2 bad input (unknown names included); it answers {@code help} and {@code
 *       VERB --help} from each verb's {@link io.kubenetsim.core.kubectl.VerbHelp}.
 *   <li>{@link io.kubenetsim.core.kubectl.CommandException} — a verb's error line and exit
 *       code; {@code fromApi} words the API server's refusals as kubectl does ({@code Error
 *       from server (NotFound): pods "x" not found}, {@code error: the path "x" does not
 *       exist}).
 *   <li>{@link io.kubenetsim.core.kubectl.GetVerb} — {@code get} with {@code -n}, {@code -A},
 *       {@code -l}, {@code -o wide|yaml|json|name}.
 *   <li>{@link io.kubenetsim.core.kubectl.DescribeVerb} — {@code describe svc|netpol} ({@code
 *       ServiceDescriber}, {@code NetworkPolicyDescriber}), laid out by {@code DescribeWriter}
 *       as kubectl's tabwriter does; {@code ExposeVerb} — {@code expose}; {@code ApplyVerb} —
 *       {@code apply -f} with {@code -o json|yaml|name}.
 *   <li>{@link io.kubenetsim.core.kubectl.ResourceType} — the kinds kubectl can name, their
 *       spellings and printers.
 *   <li>{@link io.kubenetsim.core.kubectl.PodPrinter}, {@link
 *       io.kubenetsim.core.kubectl.NodePrinter}, {@link
 *       io.kubenetsim.core.kubectl.DeploymentPrinter}, {@link
 *       io.kubenetsim.core.kubectl.ReplicaSetPrinter}, {@link
 *       io.kubenetsim.core.kubectl.StatefulSetPrinter}, {@link
 *       io.kubenetsim.core.kubectl.ConfigMapPrinter}, {@link
 *       io.kubenetsim.core.kubectl.NamespacePrinter}, {@link
 *       io.kubenetsim.core.kubectl.ServicePrinter}, {@link
 *       io.kubenetsim.core.kubectl.EndpointsPrinter}, {@link
 *       io.kubenetsim.core.kubectl.EndpointSlicePrinter}, {@link
 *       io.kubenetsim.core.kubectl.NetworkPolicyPrinter}, {@code ServiceCidrPrinter} — rows as
 *       upstream {@code printers.go}.
 *   <li>{@link io.kubenetsim.core.kubectl.ProbeVerb} — {@code probe} and {@code trace}, one
 *       body with two renderings: {@link io.kubenetsim.core.kubectl.Probe} reads the flags once
 *       into a {@link io.kubenetsim.core.kubectl.ProbeSource} and a {@link
 *       io.kubenetsim.core.kubectl.ProbeTarget} and sends the packet through the public API;
 *       {@code RulesVerb} and {@code PortForwardVerb} are the other traffic verbs.
 *   <li>{@link io.kubenetsim.core.kubectl.TableWriter} and {@link
 *       io.kubenetsim.core.kubectl.HumanDuration} — kubectl's column layout and AGE text.
 *   <li>{@link io.kubenetsim.core.kubectl.ObjectFormatter} — the seam for {@code -o json|yaml}
 *       (the List shapes of {@code get} and {@code apply}); {@code OutputFormats} checks
 *       {@code -o} values with kubectl's message.
 * </ul>
 *
 * <p>Everything here reads time only as a parameter or from {@link
 * io.kubenetsim.Cluster#now()}, and sorts at every output boundary, so the same cluster state
 * prints the same bytes.
 */
package io.kubenetsim.core.kubectl;
