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
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a finding attribute by attribute (each setter is named after the accessor it sets, whose
   * Javadoc says what it means); {@code build()} checks the whole.
   */
  public static final class Builder extends ImmutableFinding.Builder {
    Builder() {}
  }

  /** Compares two JSON Pointers segment by segment, array indexes as numbers. */
  public static int comparePointers(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    // Walks the segments in place (sorting the findings of a report compares many pointers):
    // segment k of "/x/y" runs between the k-th and the next slash, the first character skipped.
    int i = a.isEmpty() ? -1 : 1;
    int j = b.isEmpty() ? -1 : 1;
    while (i >= 0 && j >= 0) {
      int iEnd = segmentEnd(a, i);
      int jEnd = segmentEnd(b, j);
      int c = compareSegments(a, i, iEnd, b, j, jEnd);
      if (c != 0) {
        return c;
      }
      i = iEnd < a.length() ? iEnd + 1 : -1;
      j = jEnd < b.length() ? jEnd + 1 : -1;
    }
    return i < 0 ? (j < 0 ? 0 : -1) : 1;
  }

  private static int segmentEnd(String s, int from) {
    int slash = s.indexOf('/', from);
    return slash < 0 ? s.length() : slash;
  }

  private static int compareSegments(String a, int aFrom, int aTo, String b, int bFrom, int bTo) {
    if (isIndex(a, aFrom, aTo) && isIndex(b, bFrom, bTo)) {
      int c = Integer.compare(aTo - aFrom, bTo - bFrom);
      if (c != 0) {
        return c;
      }
    }
    // As String.compareTo on the two segments.
    int n = Math.min(aTo - aFrom, bTo - bFrom);
    for (int k = 0; k < n; k++) {
      char x = a.charAt(aFrom + k);
      char y = b.charAt(bFrom + k);
      if (x != y) {
        return x - y;
      }
    }
    return (aTo - aFrom) - (bTo - bFrom);
  }

  private static boolean isIndex(String s, int from, int to) {
    if (from == to || (to - from > 1 && s.charAt(from) == '0')) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
