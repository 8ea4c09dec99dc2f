package io.kubenetsim.core.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.proxy.ProxyDecision.Dnat;
import io.kubenetsim.core.proxy.ProxyDecision.Entry;
import io.kubenetsim.core.proxy.ProxyDecision.Text;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import io.kubenetsim.net.RuleOutcome;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A decision whose text is rendered on demand behaves as one given its text ready-made: equal,
 * same hash and same printout; the rendering runs once, and not at all while only the typed
 * fields are read; a rendering that contradicts the fields is a bug, reported as such.
 */
class ProxyDecisionTest {
  private static final ProxyEndpoint BACKEND = ProxyEndpoint.of(IpAddress.parse("10.244.1.5"),
      8080, "node-1", true, true, false);
  private static final Optional<ServicePortName> WEB =
      Optional.of(new ServicePortName("shop", "web", "http", Protocol.TCP));
  private static final String FORWARD = "TCP  10.96.0.10:80 rr -> 10.244.1.5:8080";
  private static final String MASQUERADE = "-A KUBE-LOAD-BALANCER -j KUBE-MARK-MASQ";

  /** Counts how often it is asked. */
  private static final class CountingText implements Supplier<Text> {
    private final Text text;
    int calls;

    CountingText(Text text) {
      this.text = text;
    }

    @Override
    public Text get() {
      calls++;
      return text;
    }
  }

  private static ProxyDecision rendered(Supplier<Text> text, boolean masquerade) {
    return ProxyDecision.rendered(RuleOutcome.DNAT, Optional.of(BACKEND),
        ImmutableList.of(BACKEND), masquerade, WEB, Entry.LOAD_BALANCER, 4, text);
  }

  @Test
  void aRenderedDecisionEqualsTheSameDecisionWithItsTextReadyMade() {
    ProxyDecision ready = new ProxyDecision(RuleOutcome.DNAT,
        Optional.of(new Dnat(BACKEND, FORWARD)), ImmutableList.of(BACKEND),
        Optional.of(MASQUERADE), WEB, Entry.LOAD_BALANCER, ImmutableList.of(FORWARD, MASQUERADE),
        4);
    ProxyDecision later = rendered(() -> new Text(ImmutableList.of(FORWARD, MASQUERADE),
        Optional.of(MASQUERADE), Optional.of(FORWARD)), true);
    assertEquals(ready, later);
    assertEquals(ready.hashCode(), later.hashCode());
    assertEquals(ready.toString(), later.toString());
    assertEquals(Optional.of(new Dnat(BACKEND, FORWARD)), later.dnat());
  }

  @Test
  void theTextIsRenderedOnceAndOnlyWhenRead() {
    CountingText text = new CountingText(new Text(ImmutableList.of(FORWARD), Optional.empty(),
        Optional.of(FORWARD)));
    ProxyDecision decision = rendered(text, false);
    decision.outcome();
    decision.backend();
    decision.candidates();
    decision.masquerade();
    decision.servicePort();
    decision.rulesEvaluated();
    assertEquals(0, text.calls, "typed fields need no text");
    decision.matchedRules();
    decision.masqueradeRule();
    decision.dnat();
    assertEquals(1, text.calls, "rendered once, then kept");
  }

  @Test
  void aRenderingThatContradictsTheDecisionIsABug() {
    ProxyDecision decision = rendered(() -> new Text(ImmutableList.of(FORWARD),
        Optional.empty(), Optional.of(FORWARD)), true);
    IllegalStateException bug = assertThrows(IllegalStateException.class,
        decision::matchedRules);
    assertEquals("the text of a DNAT decision with masquerade names masquerade rule "
        + "Optional.empty and rewrite Optional[" + FORWARD + "]: [" + FORWARD + "]",
        bug.getMessage());
  }
}
