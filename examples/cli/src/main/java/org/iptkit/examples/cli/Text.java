package org.iptkit.examples.cli;

import java.util.Locale;
import java.util.OptionalDouble;
import org.iptkit.rules.Proportion;

/** Small helpers for the plain-text output of the tool: numbers, shares and padded columns. */
final class Text {
  private Text() {}

  /**
   * A share in [0, 1] as a whole percentage, independent of the default locale; a share below
   * 1 never shows as 100% and one above 0 never as 0%, so "100%" always means all.
   */
  static String percent(double share) {
    long rounded = Math.round(share * 100);
    if (rounded == 100 && share < 1) {
      rounded = 99;
    } else if (rounded == 0 && share > 0) {
      rounded = 1;
    }
    return rounded + "%";
  }

  /** A share as a percentage, or {@code "-"} when there is none. */
  static String percent(OptionalDouble share) {
    return share.isPresent() ? percent(share.getAsDouble()) : "-";
  }

  /** A number with one decimal, or {@code "-"} when there is none. */
  static String decimal(OptionalDouble value) {
    return value.isPresent() ? String.format(Locale.ROOT, "%.1f", value.getAsDouble()) : "-";
  }

  /** {@code "12 of 20 (60%)"}, or {@code "0 of 0"} when n is 0. */
  static String proportion(Proportion proportion) {
    return proportion.count() + " of " + proportion.n()
        + (proportion.n() == 0 ? "" : " (" + percent(proportion.rate()) + "), 95% CI "
            + percent(proportion.lower()) + " to " + percent(proportion.upper()));
  }

  /** The text padded on the right with spaces to {@code width}. */
  static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }

  /** The text padded on the left with spaces to {@code width}. */
  static String padLeft(String text, int width) {
    return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
  }

  /** {@code count} followed by the noun, plural unless the count is one. */
  static String count(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
