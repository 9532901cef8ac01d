package org.iptkit.examples.generator;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.rules.ProtocolProfile;

/**
 * One synthetic course with its ground truth: the course, the protocol profile it was generated
 * for (its {@code protocol} field names that profile) and the protocol deviations injected into
 * it. A course without injected deviations is <em>clean</em>: it keeps every fidelity rule of its
 * profile.
 *
 * @param index the index the course was generated for
 * @param course the course
 * @param profile the profile the course follows (or deviates from)
 * @param deviations the injected deviations, in the order injected; empty for a clean course
 */
public record GeneratedCourse(long index, TreatmentCourse course, ProtocolProfile profile,
    Set<InjectedDeviation> deviations) {

  /** Checks that the fields are present and freezes the deviations. */
  public GeneratedCourse {
    Objects.requireNonNull(course, "course");
    Objects.requireNonNull(profile, "profile");
    deviations = Collections.unmodifiableSet(new LinkedHashSet<>(deviations));
  }

  /** Whether no deviation was injected: the course should keep every rule of its profile. */
  public boolean isClean() {
    return deviations.isEmpty();
  }

  /** The codes of the rules the injected deviations must trigger, sorted. */
  public Set<String> expectedRules() {
    Set<String> rules = new TreeSet<>();
    for (InjectedDeviation deviation : deviations) {
      rules.add(deviation.rule());
    }
    return Collections.unmodifiableSet(rules);
  }

  /**
   * The codes of the rules that may also report the injected deviations without being required
   * to (documented per kind in {@link DeviationKind#toleratedRules()}), sorted; rules already
   * expected are left out.
   */
  public Set<String> toleratedRules() {
    Set<String> rules = new TreeSet<>();
    for (InjectedDeviation deviation : deviations) {
      rules.addAll(deviation.kind().toleratedRules());
    }
    rules.removeAll(expectedRules());
    return Collections.unmodifiableSet(rules);
  }
}
