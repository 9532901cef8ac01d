package org.iptkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.iptkit.rules.fixtures.RulesTestArbitraries;

/**
 * The in-place pointer comparison orders findings exactly as the specification's reading does:
 * split into segments, array indexes compared as numbers, other segments as text, a parent
 * before its children.
 */
class FindingOrderProperties {
  @Provide
  Arbitrary<String> pointers() {
    return RulesTestArbitraries.pointers();
  }

  @Property(tries = 3000)
  void pointersCompareAsTheirSplitSegmentsDo(@ForAll("pointers") String a,
      @ForAll("pointers") String b) {
    assertThat(Integer.signum(Finding.comparePointers(a, b)))
        .as("%s vs %s", a, b)
        .isEqualTo(Integer.signum(bySplitSegments(a, b)))
        .isEqualTo(-Integer.signum(Finding.comparePointers(b, a)));
  }

  /** The reference reading: split each pointer at its slashes and compare segment by segment. */
  private static int bySplitSegments(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    String[] x = a.isEmpty() ? new String[0] : a.substring(1).split("/", -1);
    String[] y = b.isEmpty() ? new String[0] : b.substring(1).split("/", -1);
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      boolean xi = x[i].matches("0|[1-9][0-9]*");
      boolean yi = y[i].matches("0|[1-9][0-9]*");
      int c = xi && yi && x[i].length() != y[i].length()
          ? Integer.compare(x[i].length(), y[i].length())
          : x[i].compareTo(y[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }
}
