package org.iptkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingTest {
  private static int sign(int value) {
    return Integer.signum(value);
  }

  @Test
  void arrayIndexesCompareAsNumbers() {
    assertThat(sign(Finding.comparePointers("/sessions/10", "/sessions/9"))).isEqualTo(1);
    assertThat(sign(Finding.comparePointers("/sessions/9", "/sessions/10"))).isEqualTo(-1);
    assertThat(sign(Finding.comparePointers("/sessions/2/measures/10",
        "/sessions/2/measures/3"))).isEqualTo(1);
    assertThat(sign(Finding.comparePointers("/sessions/100", "/sessions/99"))).isEqualTo(1);
  }

  @Test
  void theCourseRootComesFirstAndAParentBeforeItsChildren() {
    assertThat(sign(Finding.comparePointers("", "/contracts"))).isEqualTo(-1);
    assertThat(sign(Finding.comparePointers("/sessions/2", "/sessions/2/measures/0")))
        .isEqualTo(-1);
    assertThat(sign(Finding.comparePointers("/sessions", "/sessions/0"))).isEqualTo(-1);
    assertThat(Finding.comparePointers("/sessions/4/tasks", "/sessions/4/tasks")).isZero();
    assertThat(Finding.comparePointers("", "")).isZero();
  }

  @Test
  void fieldNamesCompareAlphabetically() {
    assertThat(sign(Finding.comparePointers("/formulation", "/sessions/0"))).isEqualTo(-1);
    assertThat(sign(Finding.comparePointers("/sessions/3/tasks", "/sessions/3/measures/0")))
        .isEqualTo(1);
    assertThat(sign(Finding.comparePointers("/inventories/0/people/2/circle",
        "/inventories/0/people/10/circle"))).isEqualTo(-1);
  }

  @Test
  void segmentsWithLeadingZerosAreNotIndexesAndCompareAsText() {
    assertThat(sign(Finding.comparePointers("/x/01", "/x/1"))).isEqualTo(-1);
    assertThat(sign(Finding.comparePointers("/x/2", "/x/a"))).isEqualTo(-1);
  }

  @Test
  void theReportOrderIsPathThenRuleThenMessage() {
    List<Finding> findings = new ArrayList<>(List.of(
        finding("/sessions/10", "M04", "b"),
        finding("/sessions/9", "T02", "a"),
        finding("/sessions/9", "M04", "z"),
        finding("/sessions/9", "M04", "a"),
        finding("", "S05", "a")));
    findings.sort(Finding.ORDER);
    assertThat(findings).extracting(f -> f.path() + " " + f.rule() + " " + f.message())
        .containsExactly(" S05 a", "/sessions/9 M04 a", "/sessions/9 M04 z",
            "/sessions/9 T02 a", "/sessions/10 M04 b");
  }

  private static Finding finding(String path, String rule, String message) {
    return Finding.builder().rule(rule).name("n").severity(Severity.INFO).path(path)
        .message(message).build();
  }
}
