package org.iptkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a host leaves out or gets wrong — a required value missing, a {@code null} value or
 * list element, a number out of range, an impossible combination — building a core value fails
 * with {@link InvalidValueException} and nothing else, naming a field and never quoting free text
 * or a patient reference. Random partial builders, with random and hostile values, probe it.
 */
class OneExceptionFamilyProperties {

  private static final String CANARY = "zz-canary-7f3a";
  private static final LocalDate DAY = LocalDate.of(2026, 1, 5);

  @Property(tries = 400)
  void aSessionBuilderFailsOnlyWithInvalidValueException(
      @ForAll("sessionSteps") List<Consumer<Session.Builder>> steps) {
    assertOnlyInvalidValue(() -> {
      Session.Builder builder = Session.builder();
      steps.forEach(step -> step.accept(builder));
      return builder.build();
    });
  }

  @Property(tries = 400)
  void aMeasureBuilderFailsOnlyWithInvalidValueException(
      @ForAll("measureSteps") List<Consumer<Measure.Builder>> steps) {
    assertOnlyInvalidValue(() -> {
      Measure.Builder builder = Measure.builder();
      steps.forEach(step -> step.accept(builder));
      return builder.build();
    });
  }

  @Property(tries = 400)
  void aCourseBuilderFailsOnlyWithInvalidValueException(
      @ForAll("courseSteps") List<Consumer<TreatmentCourse.Builder>> steps) {
    assertOnlyInvalidValue(() -> {
      TreatmentCourse.Builder builder = TreatmentCourse.builder();
      steps.forEach(step -> step.accept(builder));
      return builder.build();
    });
  }

  @Property(tries = 300)
  void theSmallerBuildersFailOnlyWithInvalidValueException(
      @ForAll("contractSteps") List<Consumer<Contract.Builder>> contract,
      @ForAll("personSteps") List<Consumer<Person.Builder>> person,
      @ForAll("ratingSteps") List<Consumer<FidelityRating.Builder>> rating) {
    assertOnlyInvalidValue(() -> {
      Contract.Builder builder = Contract.builder();
      contract.forEach(step -> step.accept(builder));
      return builder.build();
    });
    assertOnlyInvalidValue(() -> {
      Person.Builder builder = Person.builder();
      person.forEach(step -> step.accept(builder));
      return builder.build();
    });
    assertOnlyInvalidValue(() -> {
      FidelityRating.Builder builder = FidelityRating.builder();
      rating.forEach(step -> step.accept(builder));
      return builder.build();
    });
  }

  private static void assertOnlyInvalidValue(Supplier<Object> build) {
    try {
      assertThat(build.get()).isNotNull();
    } catch (InvalidValueException e) {
      assertThat(e.field()).isNotNull();
      assertThat(e.getMessage()).isNotBlank().doesNotContain(CANARY);
      assertThat(e.field()).doesNotContain(CANARY);
      assertThat(e.expected()).hasValueSatisfying(
          expected -> assertThat(expected).isNotBlank().doesNotContain(CANARY));
    }
  }

  private static Arbitrary<String> text() {
    return Arbitraries.of(CANARY, CANARY + " ", "  ", "", "c-1", "90834", "hello", "0591T");
  }

  private static Arbitrary<LocalDate> dates() {
    return Arbitraries.integers().between(-30, 400).map(DAY::plusDays).injectNull(0.15);
  }

  private static <B, T> Arbitrary<Consumer<B>> step(Arbitrary<T> values,
      java.util.function.BiConsumer<B, T> setter) {
    return values.map(value -> builder -> setter.accept(builder, value));
  }

  @Provide
  Arbitrary<List<Consumer<Session.Builder>>> sessionSteps() {
    return Arbitraries.oneOf(
        step(Arbitraries.integers().between(-2, 45), Session.Builder::number),
        step(dates(), Session.Builder::date),
        step(Arbitraries.integers().between(-5, 700).injectNull(0.3),
            (Session.Builder b, Integer m) -> b.minutes(m)),
        step(Arbitraries.of(Attendance.class).injectNull(0.15), Session.Builder::attendance),
        step(Arbitraries.of(Phase.class).injectNull(0.15),
            (Session.Builder b, Phase p) -> b.phase(p)),
        step(text().injectNull(0.2), (Session.Builder b, String c) -> b.cpt(c)),
        step(Arbitraries.of(SessionTask.class).injectNull(0.1), Session.Builder::addTask),
        step(Arbitraries.of(Technique.class).injectNull(0.1), Session.Builder::addTechnique),
        step(Arbitraries.of(ProblemAreaType.class).injectNull(0.1),
            (Session.Builder b, ProblemAreaType f) -> b.addFocus(f)),
        step(measures(), Session.Builder::addMeasure))
        .list().ofMaxSize(14);
  }

  private static Arbitrary<Measure> measures() {
    return Arbitraries.of(
        Measure.ofItems(Instrument.PHQ9, 2, 3, 2, 2, 1, 2, 2, 1, 0),
        Measure.ofAnswers(Instrument.PHQ9, 2, 3, null, 2, 1, 2, 2, 1, 0),
        Measure.ofTotal(Instrument.GAD7, 12)).injectNull(0.2);
  }

  @Provide
  Arbitrary<List<Consumer<Measure.Builder>>> measureSteps() {
    return Arbitraries.oneOf(
        step(Arbitraries.of(Instrument.class).injectNull(0.1), Measure.Builder::instrument),
        step(Arbitraries.integers().between(-1, 5).injectNull(0.3), Measure.Builder::addItem),
        step(Arbitraries.integers().between(-1, 90).injectNull(0.3),
            (Measure.Builder b, Integer t) -> b.total(t)),
        step(dates(), (Measure.Builder b, LocalDate d) -> b.date(d)))
        .list().ofMaxSize(25);
  }

  @Provide
  Arbitrary<List<Consumer<TreatmentCourse.Builder>>> courseSteps() {
    Session attended = Session.builder().number(1).date(DAY).attendance(Attendance.ATTENDED)
        .phase(Phase.INITIAL).build();
    Session cancelled = Session.builder().number(2).date(DAY.plusWeeks(1))
        .attendance(Attendance.CANCELLED).build();
    return Arbitraries.oneOf(
        step(text().injectNull(0.1), TreatmentCourse.Builder::courseId),
        step(text().injectNull(0.2), (TreatmentCourse.Builder b, String p) -> b.patientRef(p)),
        step(text().injectNull(0.1), TreatmentCourse.Builder::protocol),
        step(Arbitraries.of(CourseStatus.class).injectNull(0.1),
            TreatmentCourse.Builder::status),
        step(Arbitraries.of(attended, cancelled).injectNull(0.15),
            TreatmentCourse.Builder::addSession),
        step(Arbitraries.integers().between(0, 3).map(n -> n == 0 ? null
                : FidelityRating.builder().session(n).scale("IPT-QAS").addItem(3).build()),
            TreatmentCourse.Builder::addFidelityRating),
        step(measures(), TreatmentCourse.Builder::addMeasure),
        step(dates(), (TreatmentCourse.Builder b, LocalDate d) -> b.endedOn(d)))
        .list().ofMaxSize(14);
  }

  @Provide
  Arbitrary<List<Consumer<Contract.Builder>>> contractSteps() {
    return Arbitraries.oneOf(
        step(Arbitraries.of(ContractKind.class).injectNull(0.2), Contract.Builder::kind),
        step(dates(), Contract.Builder::agreedOn),
        step(Arbitraries.integers().between(-1, 40).injectNull(0.3),
            (Contract.Builder b, Integer n) -> b.plannedSessions(n)),
        step(Arbitraries.integers().between(-1, 700).injectNull(0.3),
            (Contract.Builder b, Integer n) -> b.sessionMinutes(n)),
        step(text().injectNull(0.2), Contract.Builder::addGoal))
        .list().ofMaxSize(8);
  }

  @Provide
  Arbitrary<List<Consumer<Person.Builder>>> personSteps() {
    return Arbitraries.oneOf(
        step(text().injectNull(0.2), Person.Builder::id),
        step(Arbitraries.of(Relationship.class).injectNull(0.2),
            (Person.Builder b, Relationship r) -> b.relationship(r)),
        step(Arbitraries.integers().between(-1, 5).injectNull(0.3),
            (Person.Builder b, Integer c) -> b.circle(c)),
        step(text().injectNull(0.2), (Person.Builder b, String d) -> b.desiredChange(d)))
        .list().ofMaxSize(8);
  }

  @Provide
  Arbitrary<List<Consumer<FidelityRating.Builder>>> ratingSteps() {
    return Arbitraries.oneOf(
        step(Arbitraries.integers().between(-1, 20), FidelityRating.Builder::session),
        step(text().injectNull(0.2), FidelityRating.Builder::scale),
        step(text().injectNull(0.2), (FidelityRating.Builder b, String r) -> b.rater(r)),
        step(Arbitraries.integers().between(-2, 7), FidelityRating.Builder::addItem))
        .list().ofMaxSize(8);
  }
}
