package org.iptkit.json;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import org.iptkit.core.Attendance;
import org.iptkit.core.ContactFrequency;
import org.iptkit.core.Contract;
import org.iptkit.core.ContractKind;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.DisputeStage;
import org.iptkit.core.FidelityRating;
import org.iptkit.core.Formulation;
import org.iptkit.core.Frequency;
import org.iptkit.core.Grief;
import org.iptkit.core.ImmutableContract;
import org.iptkit.core.ImmutableFidelityRating;
import org.iptkit.core.ImmutableFormulation;
import org.iptkit.core.ImmutableInterpersonalInventory;
import org.iptkit.core.ImmutableMeasure;
import org.iptkit.core.ImmutablePerson;
import org.iptkit.core.ImmutableSession;
import org.iptkit.core.ImmutableTreatmentCourse;
import org.iptkit.core.Instrument;
import org.iptkit.core.InterpersonalDeficits;
import org.iptkit.core.InterpersonalInventory;
import org.iptkit.core.Measure;
import org.iptkit.core.Modality;
import org.iptkit.core.Person;
import org.iptkit.core.Phase;
import org.iptkit.core.ProblemArea;
import org.iptkit.core.ProblemAreaType;
import org.iptkit.core.Relationship;
import org.iptkit.core.RoleDispute;
import org.iptkit.core.RoleTransition;
import org.iptkit.core.Session;
import org.iptkit.core.SessionTask;
import org.iptkit.core.Setting;
import org.iptkit.core.Technique;
import org.iptkit.core.TransitionKind;
import org.iptkit.core.TreatmentCourse;

/**
 * Stand-in jqwik generators of valid treatment courses for the JSON tests, until the shared
 * {@code org.iptkit.core.fixtures.CourseArbitraries} of the ipt-core test-jar is merged: every
 * generator the JSON tests use lives in this one file so it can be swapped for the shared one.
 *
 * <p>Courses cover every field and every kind of problem area, cancelled and no-show sessions,
 * measures with items, totals or both, and free text with quotes, backslashes, control characters
 * and non-Latin letters (to exercise escaping).
 */
public final class JsonTestCourses {
  private JsonTestCourses() {}

  /** Valid courses of any shape, up to a dozen sessions. */
  public static Arbitrary<TreatmentCourse> courses() {
    return Builders.withBuilder(TreatmentCourse::builder)
        .use(ids()).in(ImmutableTreatmentCourse.Builder::courseId)
        .use(ids()).withProbability(0.8).in(ImmutableTreatmentCourse.Builder::patientRef)
        .use(ids()).withProbability(0.5).in(ImmutableTreatmentCourse.Builder::therapistRef)
        .use(Arbitraries.of("ipt-acute-16", "ipt-a", "ipt-pp", "my-trial-2026"))
        .in(ImmutableTreatmentCourse.Builder::protocol)
        .use(Arbitraries.of(CourseStatus.class)).in(ImmutableTreatmentCourse.Builder::status)
        .use(contracts().list().ofMaxSize(2)).in(ImmutableTreatmentCourse.Builder::addAllContracts)
        .use(inventories().list().ofMaxSize(2))
        .in(ImmutableTreatmentCourse.Builder::addAllInventories)
        .use(problemAreas().list().ofMaxSize(2))
        .in(ImmutableTreatmentCourse.Builder::addAllProblemAreas)
        .use(formulations()).withProbability(0.6).in(ImmutableTreatmentCourse.Builder::formulation)
        .use(numberedSessions()).in(ImmutableTreatmentCourse.Builder::addAllSessions)
        .use(measures().list().ofMaxSize(2)).in(ImmutableTreatmentCourse.Builder::addAllMeasures)
        .use(ratings().list().ofMaxSize(2))
        .in(ImmutableTreatmentCourse.Builder::addAllFidelityRatings)
        .use(dates()).withProbability(0.4).in(ImmutableTreatmentCourse.Builder::endedOn)
        .build(ImmutableTreatmentCourse.Builder::build);
  }

  /** Pseudonymous identifiers: non-blank, letters, digits and dashes. */
  public static Arbitrary<String> ids() {
    return Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('-')
        .ofMinLength(1).ofMaxLength(12);
  }

  /** Free text with the characters that need escaping and some beyond Latin-1. */
  public static Arbitrary<String> freeText() {
    return Arbitraries.strings()
        .withCharRange('\u0000', '\u00ff')
        .withCharRange('\u0100', '\u017f')
        .withCharRange('\u4e00', '\u4e20')
        .withChars('"', '\\', '/', '\u2028', '\u20ac')
        .ofMaxLength(24);
  }

  /** Dates from 2000 to about 2030. */
  public static Arbitrary<LocalDate> dates() {
    LocalDate start = LocalDate.of(2000, 1, 1);
    return Arbitraries.integers().between(0, 365 * 30).map(start::plusDays);
  }

  static Arbitrary<Contract> contracts() {
    return Builders.withBuilder(Contract::builder)
        .use(Arbitraries.of(ContractKind.class)).in(ImmutableContract.Builder::kind)
        .use(dates()).in(ImmutableContract.Builder::agreedOn)
        .use(Arbitraries.integers().between(1, 40)).withProbability(0.8)
        .in(ImmutableContract.Builder::plannedSessions)
        .use(Arbitraries.of(Frequency.class)).withProbability(0.7)
        .in(ImmutableContract.Builder::frequency)
        .use(Arbitraries.integers().between(1, 600)).withProbability(0.7)
        .in(ImmutableContract.Builder::sessionMinutes)
        .use(freeText().list().ofMaxSize(3)).in(ImmutableContract.Builder::addAllGoals)
        .build(ImmutableContract.Builder::build);
  }

  static Arbitrary<InterpersonalInventory> inventories() {
    return Builders.withBuilder(InterpersonalInventory::builder)
        .use(dates()).in(ImmutableInterpersonalInventory.Builder::takenOn)
        .use(people().list().ofMaxSize(5).uniqueElements(Person::id))
        .in(ImmutableInterpersonalInventory.Builder::addAllPeople)
        .build(ImmutableInterpersonalInventory.Builder::build);
  }

  static Arbitrary<Person> people() {
    Arbitrary<Person> living = person(false);
    Arbitrary<Person> deceased = person(true);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, living), net.jqwik.api.Tuple.of(1, deceased));
  }

  private static Arbitrary<Person> person(boolean deceased) {
    Builders.BuilderCombinator<ImmutablePerson.Builder> person =
        Builders.withBuilder(() -> Person.builder().deceased(deceased))
            .use(ids()).in(ImmutablePerson.Builder::id)
            .use(Arbitraries.of(Relationship.class)).withProbability(0.8)
            .in(ImmutablePerson.Builder::relationship)
            .use(Arbitraries.integers().between(1, 5)).withProbability(0.8)
            .in(ImmutablePerson.Builder::circle)
            .use(Arbitraries.of(ContactFrequency.class)).withProbability(0.7)
            .in(ImmutablePerson.Builder::contact)
            .use(Arbitraries.of(true, false)).in(ImmutablePerson.Builder::confidant)
            .use(Arbitraries.of(true, false)).in(ImmutablePerson.Builder::conflict)
            .use(Arbitraries.of(true, false)).in(ImmutablePerson.Builder::changedNearOnset)
            .use(freeText().list().ofMaxSize(2)).in(ImmutablePerson.Builder::addAllSatisfying)
            .use(freeText().list().ofMaxSize(2)).in(ImmutablePerson.Builder::addAllUnsatisfying)
            .use(Arbitraries.of(true, false)).withProbability(0.5)
            .in(ImmutablePerson.Builder::expectationsMet)
            .use(freeText()).withProbability(0.5).in(ImmutablePerson.Builder::desiredChange);
    if (deceased) {
      person = person.use(dates()).withProbability(0.7).in(ImmutablePerson.Builder::diedOn);
    }
    return person.build(ImmutablePerson.Builder::build);
  }

  static Arbitrary<ProblemArea> problemAreas() {
    Arbitrary<Boolean> primary = Arbitraries.of(true, false);
    Arbitrary<ProblemArea> grief = Combinators.combine(primary, ids().optional())
        .as((p, id) -> Grief.builder().primary(p).personId(id).build());
    Arbitrary<ProblemArea> dispute = Combinators.combine(primary, ids().optional(),
            Arbitraries.of(DisputeStage.class).optional())
        .as((p, id, stage) -> RoleDispute.builder().primary(p).personId(id).stage(stage).build());
    Arbitrary<ProblemArea> transition = Combinators.combine(primary, freeText().optional(),
            freeText().optional(), Arbitraries.of(TransitionKind.class).optional())
        .as((p, from, to, kind) -> RoleTransition.builder().primary(p).fromRole(from).toRole(to)
            .transition(kind).build());
    Arbitrary<ProblemArea> deficits =
        primary.map(p -> InterpersonalDeficits.builder().primary(p).build());
    return Arbitraries.oneOf(grief, dispute, transition, deficits);
  }

  static Arbitrary<Formulation> formulations() {
    return Builders.withBuilder(Formulation::builder)
        .use(dates()).in(ImmutableFormulation.Builder::sharedOn)
        .use(Arbitraries.of(ProblemAreaType.class).set().ofMaxSize(2))
        .in(ImmutableFormulation.Builder::addAllAreas)
        .use(Arbitraries.of(true, false)).in(ImmutableFormulation.Builder::patientAgreed)
        .build(ImmutableFormulation.Builder::build);
  }

  /** Sessions numbered 1..n, in ascending or descending recorded order. */
  static Arbitrary<List<Session>> numberedSessions() {
    return Combinators.combine(sessions().list().ofMaxSize(12), Arbitraries.of(true, false))
        .as((list, ascending) -> {
          List<Session> numbered = new ArrayList<>();
          for (int i = 0; i < list.size(); i++) {
            int number = ascending ? i + 1 : list.size() - i;
            numbered.add(ImmutableSession.copyOf(list.get(i)).withNumber(number));
          }
          return numbered;
        });
  }

  static Arbitrary<Session> sessions() {
    Arbitrary<Session> attended = Builders.withBuilder(
            () -> Session.builder().number(1).attendance(Attendance.ATTENDED))
        .use(dates()).in(ImmutableSession.Builder::date)
        .use(Arbitraries.integers().between(1, 600)).withProbability(0.8)
        .in(ImmutableSession.Builder::minutes)
        .use(Arbitraries.of(Phase.class)).in(ImmutableSession.Builder::phase)
        .use(Arbitraries.of(Setting.class)).withProbability(0.5).in(ImmutableSession.Builder::setting)
        .use(Arbitraries.of(Modality.class)).withProbability(0.5)
        .in(ImmutableSession.Builder::modality)
        .use(Arbitraries.of("90832", "90834", "90837")).withProbability(0.3)
        .in(ImmutableSession.Builder::cpt)
        .use(Arbitraries.of(SessionTask.class).set().ofMaxSize(5))
        .in(ImmutableSession.Builder::addAllTasks)
        .use(Arbitraries.of(Technique.class).set().ofMaxSize(4))
        .in(ImmutableSession.Builder::addAllTechniques)
        .use(Arbitraries.of(ProblemAreaType.class).set().ofMaxSize(2))
        .in(ImmutableSession.Builder::addAllFocus)
        .use(measures().list().ofMaxSize(2)).in(ImmutableSession.Builder::addAllMeasures)
        .build(ImmutableSession.Builder::build);
    Arbitrary<Session> missed = Builders.withBuilder(() -> Session.builder().number(1))
        .use(Arbitraries.of(Attendance.CANCELLED, Attendance.NO_SHOW))
        .in(ImmutableSession.Builder::attendance)
        .use(dates()).in(ImmutableSession.Builder::date)
        .use(Arbitraries.of(Phase.class)).withProbability(0.3).in(ImmutableSession.Builder::phase)
        .use(Arbitraries.integers().between(1, 600)).withProbability(0.2)
        .in(ImmutableSession.Builder::minutes)
        .use(Arbitraries.of(ProblemAreaType.class).set().ofMaxSize(1))
        .in(ImmutableSession.Builder::addAllFocus)
        .build(ImmutableSession.Builder::build);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, attended), net.jqwik.api.Tuple.of(1, missed));
  }

  /** Measures of every instrument: items only, total only, or both (agreeing). */
  static Arbitrary<Measure> measures() {
    return Arbitraries.of(Instrument.class).flatMap(instrument -> Combinators.combine(
            items(instrument), Arbitraries.integers().between(0, 2),
            Arbitraries.integers().between(0, instrument.maxTotal()), dates().optional())
        .as((items, mode, total, date) -> {
          ImmutableMeasure.Builder b = Measure.builder().instrument(instrument).date(date);
          if (mode == 0) {
            b.addAllItems(items);
          } else if (mode == 1) {
            b.total(total);
          } else {
            b.addAllItems(items).total(items.stream().mapToInt(Integer::intValue).sum());
          }
          return b.build();
        }));
  }

  /** A valid list of scored items for the instrument. */
  static Arbitrary<List<Integer>> items(Instrument instrument) {
    List<Arbitrary<Integer>> each = IntStream.rangeClosed(1, instrument.itemCount())
        .<Arbitrary<Integer>>mapToObj(i -> Arbitraries.integers().between(0, instrument.itemMax(i)))
        .toList();
    return Combinators.combine(each).as(list -> list);
  }

  static Arbitrary<FidelityRating> ratings() {
    return Builders.withBuilder(FidelityRating::builder)
        .use(Arbitraries.integers().between(1, 20)).in(ImmutableFidelityRating.Builder::session)
        .use(Arbitraries.of("IPT-QAS", "CSPRS-IPT")).in(ImmutableFidelityRating.Builder::scale)
        .use(ids()).withProbability(0.7).in(ImmutableFidelityRating.Builder::rater)
        .use(Arbitraries.integers().between(0, 7).list().ofMinSize(1).ofMaxSize(8))
        .in(ImmutableFidelityRating.Builder::addAllItems)
        .build(ImmutableFidelityRating.Builder::build);
  }
}
