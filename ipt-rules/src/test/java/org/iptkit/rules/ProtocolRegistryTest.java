package org.iptkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.iptkit.rules.fixtures.ReferenceCourses;
import org.junit.jupiter.api.Test;

class ProtocolRegistryTest {
  private static final List<String> BUILT_IN_IDS = List.of("ipt-acute-16", "ipt-uk-16",
      "ipt-a-12", "ipt-b-8", "group-ipt-8", "ipc-6", "ipt-ptsd-14", "ipt-ppd-12",
      "ipt-m-monthly");

  private static ProtocolProfile trial(String id, String basedOn) {
    return ProtocolProfile.builder().from(Protocols.IPT_ACUTE_16)
        .id(id).title("Trial " + id).basedOn(basedOn)
        .sessions(IntRange.of(12, 12)).maxMeasureInterval(1)
        .putRule("S01", RuleSetting.WARNING)
        .build();
  }

  @Test
  void theBuiltInRegistryHoldsTheNineProfilesInOrder() {
    assertThat(ProtocolRegistry.builtIn().ids()).containsExactlyElementsOf(BUILT_IN_IDS);
    assertThat(ProtocolRegistry.builtIn().profiles()).containsExactlyElementsOf(Protocols.all());
    assertThat(ProtocolRegistry.builtIn().get("ipc-6")).isSameAs(Protocols.IPC_6);
    assertThat(ProtocolRegistry.builtIn().contains("ipt-m-monthly")).isTrue();
    assertThat(ProtocolRegistry.builtIn().find("nope")).isEmpty();
  }

  @Test
  void anUnknownIdIsAnErrorListingAllKnownIds() {
    assertThatThrownBy(() -> ProtocolRegistry.builtIn().get("ipt-acute-20"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown protocol profile 'ipt-acute-20'")
        .hasMessageContaining(String.join(", ", BUILT_IN_IDS));
    assertThatThrownBy(() -> ProtocolRegistry.builtIn().checkerFor("ipt-acute-20"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("known profiles: ipt-acute-16");
  }

  @Test
  void aCustomProfileIsAddedAfterTheBuiltInOnesInANewRegistry() {
    ProtocolRegistry registry = ProtocolRegistry.builtIn().with(trial("trial-x", "ipt-acute-16"));
    assertThat(registry.ids()).hasSize(10).endsWith("trial-x");
    assertThat(registry.get("trial-x").maxMeasureInterval()).isEqualTo(1);
    assertThat(ProtocolRegistry.builtIn().contains("trial-x")).isFalse();
    assertThatThrownBy(() -> registry.get("trial-y"))
        .hasMessageContaining("ipt-m-monthly, trial-x");
  }

  @Test
  void aProfileMayBeBasedOnAnEarlierCustomProfile() {
    ProtocolRegistry registry = ProtocolRegistry.builtIn()
        .with(trial("trial-x", "ipt-acute-16"))
        .with(trial("trial-x-site-2", "trial-x"));
    assertThat(registry.ids()).endsWith("trial-x", "trial-x-site-2");
  }

  @Test
  void aDuplicateIdIsAnError() {
    ProtocolRegistry registry = ProtocolRegistry.builtIn().with(trial("trial-x", "ipt-acute-16"));
    assertThatThrownBy(() -> registry.with(trial("trial-x", "ipt-acute-16")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'trial-x' is already registered");
    assertThatThrownBy(() -> registry.with(trial("ipt-acute-16", "ipt-uk-16")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'ipt-acute-16' is already registered");
  }

  @Test
  void aBasedOnNamingAnUnknownProfileIsAnError() {
    assertThatThrownBy(() -> ProtocolRegistry.builtIn().with(trial("trial-x", "ipt-acute-99")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'trial-x' is based on unknown profile 'ipt-acute-99'")
        .hasMessageContaining(String.join(", ", BUILT_IN_IDS));
  }

  @Test
  void aProfileWithoutBasedOnNeedsNoParent() {
    ProtocolProfile standalone = ProtocolProfile.builder().from(Protocols.IPT_B_8)
        .id("standalone").basedOn(java.util.Optional.empty()).build();
    assertThat(ProtocolRegistry.builtIn().with(standalone).get("standalone")).isSameAs(standalone);
  }

  @Test
  void theCheckerOfAProfileIsBuiltOnceAndUsesItsSettings() {
    ProtocolRegistry registry = ProtocolRegistry.builtIn().with(trial("trial-x", "ipt-acute-16"));
    FidelityChecker checker = registry.checkerFor("trial-x");
    assertThat(registry.checkerFor("trial-x")).isSameAs(checker);
    assertThat(checker.profile().id()).isEqualTo("trial-x");
    assertThat(checker.severityOf("S01")).isEqualTo(Severity.WARNING);
  }

  @Test
  void checkersBuiltBeforeAddingAProfileAreReused() {
    ProtocolRegistry base = ProtocolRegistry.builtIn();
    FidelityChecker acute = base.checkerFor("ipt-acute-16");
    ProtocolRegistry derived = base.with(trial("trial-x", "ipt-acute-16"));
    assertThat(derived.checkerFor("ipt-acute-16")).isSameAs(acute);
  }

  @Test
  void concurrentRequestsGetTheSameChecker() throws Exception {
    ProtocolRegistry registry = ProtocolRegistry.builtIn().with(trial("trial-c", "ipt-acute-16"));
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<FidelityChecker>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Callable<FidelityChecker> task = () -> {
          start.await();
          return registry.checkerFor("trial-c");
        };
        futures.add(pool.submit(task));
      }
      start.countDown();
      FidelityChecker first = futures.get(0).get();
      for (Future<FidelityChecker> future : futures) {
        assertThat(future.get()).isSameAs(first);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void checkUsesTheProfileTheCourseNames() {
    FidelityReport report = ProtocolRegistry.builtIn().check(ReferenceCourses.acute16());
    assertThat(report.protocol()).isEqualTo("ipt-acute-16");
    assertThat(report.findings()).isEmpty();
  }

  private static org.iptkit.core.TreatmentCourse naming(String protocol) {
    return org.iptkit.core.TreatmentCourse.builder().from(ReferenceCourses.acute16())
        .protocol(protocol).build();
  }

  @Test
  void tryCheckNeverThrowsForAnUnknownProfileAndNamesTheKnownOnes() {
    ProtocolRegistry registry = ProtocolRegistry.builtIn();
    CheckResult result = registry.tryCheck(naming("no-such-protocol"));
    assertThat(result).isInstanceOfSatisfying(CheckResult.UnknownProtocol.class, unknown -> {
      assertThat(unknown.protocol()).isEqualTo("no-such-protocol");
      assertThat(unknown.knownIds()).isEqualTo(registry.ids());
      assertThat(unknown.message()).startsWith("unknown protocol profile 'no-such-protocol';"
          + " known profiles: ipt-acute-16, ");
    });
    // The throwing form stays.
    assertThatThrownBy(() -> registry.check(naming("no-such-protocol")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tryCheckOfAKnownProfileGivesTheSameReportAsCheck() {
    ProtocolRegistry registry = ProtocolRegistry.builtIn();
    CheckResult result = registry.tryCheck(ReferenceCourses.acute16());
    assertThat(result).isInstanceOfSatisfying(CheckResult.Checked.class, checked -> {
      assertThat(checked.report()).isEqualTo(registry.check(ReferenceCourses.acute16()));
      assertThat(checked.report().courseProtocol()).isEmpty();
    });
  }

  @Test
  void aCheckerChecksAnotherProfilesCourseAndTheReportSaysBothIds() {
    FidelityChecker uk = FidelityChecker.of(Protocols.IPT_UK_16);
    FidelityReport report = uk.check(ReferenceCourses.acute16());
    assertThat(report.protocol()).isEqualTo("ipt-uk-16");
    assertThat(report.courseProtocol()).contains("ipt-acute-16");
    assertThat(uk.tryCheck(ReferenceCourses.acute16()))
        .isEqualTo(new CheckResult.Checked(report));
    assertThat(uk.tryCheck(naming("typo-trial")))
        .isInstanceOfSatisfying(CheckResult.UnknownProtocol.class,
            unknown -> assertThat(unknown.knownIds()).isEqualTo(Protocols.ids()));
    ProtocolProfile trial = ProtocolProfile.builder().from(Protocols.IPT_ACUTE_16)
        .id("my-trial").build();
    assertThat(FidelityChecker.of(trial).tryCheck(naming("my-trial")))
        .isInstanceOf(CheckResult.Checked.class);
  }
}
