package org.iptkit.rules;

import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * One deviation from the protocol found in a course: the rule's code and name, its severity, an
 * RFC 6901 JSON Pointer to the deepest element it is about ({@code "/sessions/6/measures/0"}; the
 * course root {@code ""} for the course as a whole), the session number where there is one, a
 * message that names session numbers and values (never patient identifiers or free text), and
 * optionally the pointer of the profile parameter the rule read.
 */
@Value.Immutable
public abstract class Finding {
  Finding() {}

  /** The order of findings in a report: by path (array indexes as numbers), rule, message. */
  public static final Comparator<Finding> ORDER = Comparator
      .comparing(Finding::path, Finding::comparePointers)
      .thenComparing(Finding::rule)
      .thenComparing(Finding::message);

  /** The rule's stable code, e.g. {@code "M04"}. */
  public abstract String rule();

  /** The rule's kebab-case name, e.g. {@code "safety-item-followed-up"}. */
  public abstract String name();

  /** The severity in force (the rule's default or as configured). */
  public abstract Severity severity();

  /** JSON Pointer into the course document. */
  public abstract String path();

  /** The message for clinicians and researchers. */
  public abstract String message();

  /** The number of the session the finding is about, if it is about one. */
  public abstract OptionalInt session();

  /** JSON Pointer of the profile parameter the rule read, e.g. {@code "/measurement/maxInterval"}. */
  public abstract Optional<String> protocolPath();

  /** A builder of a finding. */
  public static ImmutableFinding.Builder builder() {
    return ImmutableFinding.builder();
  }

  /** Compares two JSON Pointers segment by segment, array indexes as numbers. */
  public static int comparePointers(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    String[] x = a.isEmpty() ? new String[0] : a.substring(1).split("/", -1);
    String[] y = b.isEmpty() ? new String[0] : b.substring(1).split("/", -1);
    int n = Math.min(x.length, y.length);
    for (int i = 0; i < n; i++) {
      int c = compareSegments(x[i], y[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }

  private static int compareSegments(String a, String b) {
    boolean an = isIndex(a);
    boolean bn = isIndex(b);
    if (an && bn) {
      int c = Integer.compare(a.length(), b.length());
      return c != 0 ? c : a.compareTo(b);
    }
    return a.compareTo(b);
  }

  private static boolean isIndex(String s) {
    if (s.isEmpty() || (s.length() > 1 && s.charAt(0) == '0')) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
