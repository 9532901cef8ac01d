package org.iptkit.json;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import org.iptkit.core.Contract;
import org.iptkit.core.FidelityRating;
import org.iptkit.core.Instrument;
import org.iptkit.core.InterpersonalInventory;
import org.iptkit.core.Person;
import org.iptkit.core.ProblemArea;
import org.iptkit.core.RoleTransition;
import org.iptkit.core.Technique;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.core.fixtures.CourseArbitraries;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.IntRange;
import org.iptkit.rules.ProtocolProfile;
import org.iptkit.rules.ProtocolRegistry;
import org.iptkit.rules.Protocols;
import org.iptkit.rules.RuleCatalog;
import org.iptkit.rules.RuleSetting;
import org.iptkit.rules.SickRole;

/**
 * The jqwik generators of the JSON tests, in one place: courses from the shared
 * {@link CourseArbitraries} of the ipt-core test-jar, with free text that exercises escaping
 * (quotes, backslashes, control characters, line separators, letters beyond Latin-1) put into
 * the free-text fields of half of them; fidelity reports of those courses checked against a
 * built-in profile; and valid protocol profiles with every parameter drawn.
 */
public final class JsonArbitraries {
  private static final ProtocolRegistry BUILT_IN = ProtocolRegistry.builtIn();

  private JsonArbitraries() {}

  /** Courses of every shape and status, half of them with awkward free text. */
  public static Arbitrary<TreatmentCourse> courses() {
    return Combinators.combine(CourseArbitraries.courses(),
            awkwardText().list().ofMinSize(1).ofMaxSize(6), Arbitraries.of(true, false))
        .as((course, texts, rewrite) -> rewrite ? withText(course, texts) : course);
  }

  /** Text with the characters that need escaping in JSON and some beyond Latin-1. */
  public static Arbitrary<String> awkwardText() {
    return Arbitraries.strings()
        .withCharRange('\u0000', '\u00ff')
        .withCharRange('\u0100', '\u017f')
        .withCharRange('\u4e00', '\u4e20')
        .withChars('"', '\\', '/', '\u2028', '\u20ac', ',', '\n', '\r')
        .ofMaxLength(24);
  }

  /**
   * The course with {@code texts} (taken in turn) as its patient reference, contract goals,
   * people's satisfying aspects and desired change, transition roles and raters.
   */
  static TreatmentCourse withText(TreatmentCourse course, List<String> texts) {
    Texts next = new Texts(texts);
    List<Contract> contracts = new ArrayList<>();
    for (Contract contract : course.contracts()) {
      contracts.add(Contract.copyOf(contract).withGoals(next.get(), next.get()));
    }
    List<InterpersonalInventory> inventories = new ArrayList<>();
    for (InterpersonalInventory inventory : course.inventories()) {
      List<Person> people = new ArrayList<>();
      for (Person person : inventory.people()) {
        people.add(Person.copyOf(person).withSatisfying(next.get())
            .withUnsatisfying(next.get()).withDesiredChange(next.get()));
      }
      inventories.add(InterpersonalInventory.copyOf(inventory).withPeople(people));
    }
    List<ProblemArea> areas = new ArrayList<>();
    for (ProblemArea area : course.problemAreas()) {
      areas.add(area instanceof RoleTransition transition
          ? RoleTransition.copyOf(transition).withFromRole(next.get())
              .withToRole(next.get())
          : area);
    }
    List<FidelityRating> ratings = new ArrayList<>();
    for (FidelityRating rating : course.fidelityRatings()) {
      ratings.add(FidelityRating.copyOf(rating).withRater(next.get()));
    }
    return TreatmentCourse.copyOf(course)
        .withPatientRef(next.get())
        .withContracts(contracts)
        .withInventories(inventories)
        .withProblemAreas(areas)
        .withFidelityRatings(ratings);
  }

  /** Takes texts in turn, starting again after the last. */
  private static final class Texts {
    private final List<String> texts;
    private int next;

    Texts(List<String> texts) {
      this.texts = texts;
    }

    String get() {
      String text = texts.get(next % texts.size());
      next++;
      return text;
    }
  }

  /**
   * Fidelity reports of generated courses, each checked against its own built-in profile or
   * another built-in one (a course of a trial's own protocol against a random built-in one).
   */
  public static Arbitrary<FidelityReport> reports() {
    return Combinators.combine(courses(), Arbitraries.of(Protocols.ids()), Arbitraries.of(true,
            false))
        .as((course, other, own) -> {
          String id = own && BUILT_IN.contains(course.protocol()) ? course.protocol() : other;
          return BUILT_IN.checkerFor(id).check(course);
        });
  }

  /** Valid protocol profiles with every parameter drawn, a parent named half of the time. */
  public static Arbitrary<ProtocolProfile> profiles() {
    return Builders.withBuilder(ProtocolProfile::builder)
        .use(Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('-')
            .ofMinLength(1).ofMaxLength(16)).in(ProtocolProfile.Builder::id)
        .use(awkwardText()).in(ProtocolProfile.Builder::title)
        .use(Arbitraries.of(Protocols.ids())).withProbability(0.5)
        .in(ProtocolProfile.Builder::basedOn)
        .use(awkwardText()).withProbability(0.5).in(ProtocolProfile.Builder::source)
        .use(ranges(40, 20)).in(ProtocolProfile.Builder::sessions)
        .use(ranges(120, 120)).in(ProtocolProfile.Builder::sessionMinutes)
        .use(ranges(3, 3)).withProbability(0.3)
        .in(ProtocolProfile.Builder::preGroupSessions)
        .use(Arbitraries.integers().between(1, 400)).in(ProtocolProfile.Builder::maxGapDays)
        .use(Arbitraries.integers().between(1, 400))
        .in(ProtocolProfile.Builder::maxSpanWeeks)
        .use(shares()).in(ProtocolProfile.Builder::minAttendance)
        .use(Combinators.combine(ranges(5, 5), ranges(5, 5)).as(List::of)).withProbability(0.8)
        .in((b, phases) -> b.initialPhase(phases.get(0)).terminationPhase(phases.get(1)))
        .use(Arbitraries.integers().between(0, 6))
        .in(ProtocolProfile.Builder::endingLeadSessions)
        .use(Arbitraries.integers().between(1, 4)).withProbability(0.5)
        .in(ProtocolProfile.Builder::maxAreas)
        .use(shares()).withProbability(0.5).in(ProtocolProfile.Builder::middleOnFocusShare)
        .use(Arbitraries.integers().between(1, 6)).withProbability(0.5)
        .in(ProtocolProfile.Builder::circles)
        .use(Arbitraries.of(Instrument.class)).in(ProtocolProfile.Builder::primaryInstrument)
        .use(Arbitraries.integers().between(1, 8))
        .in(ProtocolProfile.Builder::maxMeasureInterval)
        .use(Arbitraries.integers().between(1, 30)).withProbability(0.4)
        .in(ProtocolProfile.Builder::deteriorationPoints)
        .use(Arbitraries.of(SickRole.class)).in(ProtocolProfile.Builder::sickRole)
        .use(Arbitraries.of(true, false)).in(ProtocolProfile.Builder::caregiverInvolvement)
        .use(Arbitraries.subsetOf(Technique.values()).ofMaxSize(4))
        .in((b, techniques) -> b.allowedTechniques(techniques.isEmpty()
            ? EnumSet.noneOf(Technique.class) : EnumSet.copyOf(techniques)))
        .use(Arbitraries.integers().between(0, 40)).withProbability(0.7)
        .in(ProtocolProfile.Builder::completerMinSessions)
        .use(Arbitraries.integers().between(0, 30)).withProbability(0.3)
        .in(ProtocolProfile.Builder::completerMinWeeks)
        .use(ruleSettings()).in(ProtocolProfile.Builder::rules)
        .build(ProtocolProfile.Builder::build);
  }

  private static Arbitrary<IntRange> ranges(int maxMin, int maxExtra) {
    return Combinators.combine(Arbitraries.integers().between(0, maxMin),
        Arbitraries.integers().between(0, maxExtra)).as((min, extra) -> IntRange.of(min, min + extra));
  }

  /** Shares in [0, 1], some with many binary digits (they must round-trip exactly). */
  private static Arbitrary<Double> shares() {
    return Arbitraries.oneOf(Arbitraries.of(0.0, 0.5, 0.75, 0.8, 1.0),
        Arbitraries.doubles().between(0, 1).ofScale(12),
        Arbitraries.integers().between(0, 1000).map(n -> n / 3000.0));
  }

  /** Rule settings of up to six rules; M04 only at ERROR. */
  private static Arbitrary<Map<String, RuleSetting>> ruleSettings() {
    return Arbitraries.maps(Arbitraries.of(RuleCatalog.codes()), Arbitraries.of(RuleSetting.class))
        .ofMaxSize(6)
        .map(settings -> {
          Map<String, RuleSetting> result = new LinkedHashMap<>(settings);
          // A mandatory rule (M04) takes only the settings it allows: ERROR.
          result.replaceAll((code, setting) -> RuleCatalog.get(code).allows(setting)
              ? setting : RuleCatalog.get(code).allowedSettings().get(0));
          return result;
        });
  }
}
