package org.iptkit.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.iptkit.core.TreatmentCourse;

/**
 * The protocol profiles a host knows: the nine built-in IPT variants of {@link Protocols} plus
 * the host's or the trial's own profiles, looked up by the id a course names in its
 * {@code protocol} field, with one shared {@link FidelityChecker} per profile.
 *
 * <pre>{@code
 * ProtocolRegistry registry = ProtocolRegistry.builtIn().with(trialProfile);
 * FidelityReport report = registry.checkerFor(course.protocol()).check(course);
 * }</pre>
 *
 * <p>A registry is immutable: {@link #with(ProtocolProfile)} returns a new registry. Adding a
 * profile whose id is already known, or whose {@code basedOn} names an unknown profile, is an
 * error. Filling a custom profile's gaps from its parent (field-by-field merging of a protocol
 * file) is done by the JSON reader before the profile reaches the registry; here a profile is
 * always complete. Checkers are built lazily, at most once per profile and registry, and the
 * registry is safe to share between threads.
 */
public final class ProtocolRegistry {
  private static final ProtocolRegistry BUILT_IN = new ProtocolRegistry(builtInProfiles(),
      new ConcurrentHashMap<>());

  private final Map<String, ProtocolProfile> profiles;
  private final ConcurrentHashMap<String, FidelityChecker> checkers;

  private ProtocolRegistry(Map<String, ProtocolProfile> profiles,
      ConcurrentHashMap<String, FidelityChecker> checkers) {
    this.profiles = profiles;
    this.checkers = checkers;
  }

  private static Map<String, ProtocolProfile> builtInProfiles() {
    Map<String, ProtocolProfile> byId = new LinkedHashMap<>();
    for (ProtocolProfile profile : Protocols.all()) {
      byId.put(profile.id(), profile);
    }
    return Collections.unmodifiableMap(byId);
  }

  /** The registry of the nine built-in profiles, in the order of docs/clinical.md, Built-in
   * profiles. */
  public static ProtocolRegistry builtIn() {
    return BUILT_IN;
  }

  /**
   * A new registry with this one's profiles and {@code profile} added after them. Checkers
   * already built by this registry are reused by the new one.
   *
   * @throws IllegalArgumentException if the id is already known, or {@code basedOn} names a
   *     profile this registry does not know
   */
  public ProtocolRegistry with(ProtocolProfile profile) {
    Objects.requireNonNull(profile, "profile");
    if (profiles.containsKey(profile.id())) {
      throw new IllegalArgumentException("protocol profile '" + profile.id()
          + "' is already registered; known profiles: " + String.join(", ", ids()));
    }
    Optional<String> parent = profile.basedOn();
    if (parent.isPresent() && !profiles.containsKey(parent.get())) {
      throw new IllegalArgumentException("protocol profile '" + profile.id()
          + "' is based on unknown profile '" + parent.get() + "'; known profiles: "
          + String.join(", ", ids()));
    }
    Map<String, ProtocolProfile> added = new LinkedHashMap<>(profiles);
    added.put(profile.id(), profile);
    return new ProtocolRegistry(Collections.unmodifiableMap(added),
        new ConcurrentHashMap<>(checkers));
  }

  /** Whether a profile with this id is registered. */
  public boolean contains(String id) {
    return profiles.containsKey(id);
  }

  /** The profile with this id, if registered. */
  public Optional<ProtocolProfile> find(String id) {
    return Optional.ofNullable(profiles.get(id));
  }

  /**
   * The profile with this id.
   *
   * @throws IllegalArgumentException for an unknown id, listing the known ids
   */
  public ProtocolProfile get(String id) {
    ProtocolProfile profile = profiles.get(id);
    if (profile == null) {
      throw new IllegalArgumentException("unknown protocol profile '" + id
          + "'; known profiles: " + String.join(", ", ids()));
    }
    return profile;
  }

  /** The ids of the registered profiles: the built-in ones first, then in the order added. */
  public List<String> ids() {
    return new ArrayList<>(profiles.keySet());
  }

  /** The registered profiles, in the order of {@link #ids()}. */
  public List<ProtocolProfile> profiles() {
    return new ArrayList<>(profiles.values());
  }

  /**
   * The checker of the profile with this id, with the profile's own rule settings. Built on the
   * first request and then shared: every later call, from any thread, returns the same checker.
   *
   * @throws IllegalArgumentException for an unknown id, listing the known ids
   */
  public FidelityChecker checkerFor(String id) {
    ProtocolProfile profile = get(id);
    return checkers.computeIfAbsent(id, key -> FidelityChecker.of(profile));
  }

  /**
   * Checks a course against the profile its {@code protocol} field names.
   *
   * @throws IllegalArgumentException if the course names an unknown profile; see
   *     {@link #tryCheck(TreatmentCourse)} for the form that never throws for it
   */
  public FidelityReport check(TreatmentCourse course) {
    return checkerFor(course.protocol()).check(course);
  }

  /**
   * Checks a course against the profile its {@code protocol} field names, and never throws for a
   * course naming an unknown profile: the result is then {@link CheckResult.UnknownProtocol} with
   * this registry's ids, so a host can set the record aside and go on with the next one.
   */
  public CheckResult tryCheck(TreatmentCourse course) {
    Objects.requireNonNull(course, "course");
    if (!profiles.containsKey(course.protocol())) {
      return new CheckResult.UnknownProtocol(course.protocol(), ids());
    }
    return new CheckResult.Checked(check(course));
  }
}
