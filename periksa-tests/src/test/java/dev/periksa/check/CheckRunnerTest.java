package dev.periksa.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.evidence.Severity;
import dev.periksa.target.Scope;
import dev.periksa.target.TargetProfile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckRunnerTest {
  private final TargetContext ctx =
      TargetContext.of(
          new TargetProfile(
              "t",
              "",
              new Scope(List.of("127.0.0.9")),
              10,
              1,
              List.of(),
              List.of(),
              List.of(),
              null,
              null));

  private static Check check(java.util.function.Function<TargetContext, CheckResult> body) {
    return new Check() {
      @Override
      public CheckMetadata metadata() {
        return CheckResultTest.META;
      }

      @Override
      public CheckResult run(TargetContext c) {
        return body.apply(c);
      }
    };
  }

  @Test
  void anExceptionIsInconclusiveWithTheReason() {
    CheckResult r =
        new CheckRunner(Duration.ofSeconds(5))
            .run(
                check(
                    c -> {
                      throw new IllegalStateException("boom");
                    }),
                ctx);
    assertEquals(Outcome.INCONCLUSIVE, r.outcome());
    assertTrue(r.reason().contains("an internal error: boom"), r.reason());
    assertFalse(r.reason().contains("Exception"), "no class names in a reason: " + r.reason());
  }

  @Test
  void personalDataQuotedByAnExceptionIsMasked() {
    CheckResult r =
        new CheckRunner(Duration.ofSeconds(5))
            .run(
                check(
                    c -> {
                      throw new IllegalArgumentException(
                          "unexpected token near {\"nik\":\"3174054508900001\"}");
                    }),
                ctx);
    assertTrue(r.reason().contains("3174••••••••0001"), r.reason());
    assertTrue(!r.reason().contains("3174054508900001"), r.reason());
  }

  @Test
  void aCheckPastItsDeadlineIsInconclusive() {
    CheckResult r =
        new CheckRunner(Duration.ofMillis(200))
            .run(
                check(
                    c -> {
                      try {
                        Thread.sleep(10_000);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      return CheckResult.of(CheckResultTest.META, Outcome.PASS, "too late");
                    }),
                ctx);
    assertEquals(Outcome.INCONCLUSIVE, r.outcome());
    assertTrue(r.reason().contains("did not finish"), r.reason());
  }

  @Test
  void aCheckPastItsDeadlineKeepsItsFindingsAndItsRealTime() throws Exception {
    java.util.concurrent.atomic.AtomicReference<Thread> worker =
        new java.util.concurrent.atomic.AtomicReference<>();
    ProbingCheck<String> slow =
        new ProbingCheck<>() {
          @Override
          public CheckMetadata metadata() {
            return CheckResultTest.META;
          }

          @Override
          protected List<String> targets(TargetContext c) {
            return List.of("first", "second");
          }

          @Override
          protected String name(String t) {
            return t;
          }

          @Override
          protected java.net.URI address(String t) {
            return java.net.URI.create("http://127.0.0.9:1");
          }

          @Override
          protected void probe(TargetContext c, String t, CheckResult.Builder result) {
            if (t.equals("first")) {
              result.fail(
                  new Finding("found before the deadline", "x", Severity.HIGH, List.of(), "fix"),
                  "first: open");
              return;
            }
            worker.set(Thread.currentThread());
            try {
              Thread.sleep(30_000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    CheckResult r = new CheckRunner(Duration.ofMillis(300)).run(slow, ctx);
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    assertEquals(1, r.findings().size());
    assertTrue(r.reason().contains("did not finish within 0.3 s"), r.reason());
    assertEquals(Outcome.INCONCLUSIVE, r.others());
    assertTrue(r.elapsed().toMillis() >= 300, "elapsed " + r.elapsed());
    Thread t = worker.get();
    t.join(3000);
    assertFalse(t.isAlive(), "the check's thread outlived it");
  }

  @Test
  void noResultIsInconclusive() {
    assertEquals(
        Outcome.INCONCLUSIVE,
        new CheckRunner(Duration.ofSeconds(5)).run(check(c -> null), ctx).outcome());
  }

  @Test
  void aResultPassesThrough() {
    assertEquals(
        Outcome.PASS,
        new CheckRunner(Duration.ofSeconds(5))
            .run(check(c -> CheckResult.of(CheckResultTest.META, Outcome.PASS, "")), ctx)
            .outcome());
  }
}
