package org.iptkit.examples.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.iptkit.core.ContactFrequency;
import org.iptkit.core.DisputeStage;
import org.iptkit.core.Grief;
import org.iptkit.core.Instrument;
import org.iptkit.core.InterpersonalDeficits;
import org.iptkit.core.Person;
import org.iptkit.core.ProblemArea;
import org.iptkit.core.ProblemAreaType;
import org.iptkit.core.Relationship;
import org.iptkit.core.RoleDispute;
import org.iptkit.core.RoleTransition;
import org.iptkit.core.TransitionKind;
import org.iptkit.rules.ProtocolProfile;

/**
 * The interpersonal inventory and the problem areas of one course: pseudonymous people with
 * relationship, closeness circle, contact, confidants and conflicts, the focus persons the areas
 * name, and a later snapshot for the end of treatment. Ids name the relationship
 * ({@code partner}, {@code friend-2}); roles are neutral placeholders.
 */
final class Network {
  /** Who the patients of a profile are, which shapes their networks and problem areas. */
  enum Population {
    ADULT,
    ADOLESCENT,
    PERINATAL
  }

  final Population population;
  final List<Person> people = new ArrayList<>();
  final List<ProblemArea> areas = new ArrayList<>();
  private final ProtocolProfile profile;
  private final SplittableRandom rng;
  private final Map<Relationship, Integer> counters = new EnumMap<>(Relationship.class);
  private final boolean deficitsOnly;

  private Network(ProtocolProfile profile, List<ProblemAreaType> types, SplittableRandom rng) {
    this.profile = profile;
    this.rng = rng;
    this.population = populationOf(profile);
    this.deficitsOnly = types.size() == 1 && types.get(0) == ProblemAreaType.INTERPERSONAL_DEFICITS;
  }

  /** The population a profile treats. */
  static Population populationOf(ProtocolProfile profile) {
    if (profile.caregiverInvolvement()) {
      return Population.ADOLESCENT;
    }
    if (profile.primaryInstrument() == Instrument.EPDS) {
      return Population.PERINATAL;
    }
    return Population.ADULT;
  }

  /** The network and the areas (first one primary) for the chosen area types. */
  static Network of(ProtocolProfile profile, List<ProblemAreaType> types, LocalDate start,
      SplittableRandom rng) {
    Network network = new Network(profile, types, rng);
    boolean first = true;
    for (ProblemAreaType type : types) {
      network.areas.add(network.area(type, first, start));
      first = false;
    }
    int size = network.deficitsOnly ? Scores.between(rng, 3, 5)
        : rng.nextDouble() < 0.1 ? Scores.between(rng, 10, 12) : Scores.between(rng, 4, 9);
    while (network.people.size() < size) {
      network.people.add(network.person(network.ordinaryRelationship(), false));
    }
    return network;
  }

  private ProblemArea area(ProblemAreaType type, boolean primary, LocalDate start) {
    return switch (type) {
      case GRIEF -> {
        Relationship relationship = pickFree(switch (population) {
          case ADOLESCENT -> new Relationship[] {Relationship.OTHER_RELATIVE,
              Relationship.OTHER_RELATIVE, Relationship.PARENT, Relationship.FRIEND,
              Relationship.SIBLING};
          case PERINATAL -> new Relationship[] {Relationship.PARENT, Relationship.PARENT,
              Relationship.OTHER_RELATIVE, Relationship.SIBLING, Relationship.FRIEND};
          case ADULT -> new Relationship[] {Relationship.PARENT, Relationship.PARENT,
              Relationship.PARTNER, Relationship.SIBLING, Relationship.FRIEND,
              Relationship.OTHER_RELATIVE, Relationship.CHILD};
        });
        Person deceased = Person.copyOf(person(relationship, true))
            .withDeceased(true)
            .withDiedOn(start.minusDays(Scores.between(rng, 30, 540)))
            .withContact(ContactFrequency.NONE)
            .withConfidant(false)
            .withConflict(false)
            .withChangedNearOnset(true);
        people.add(deceased);
        yield Grief.builder().primary(primary).personId(deceased.id()).build();
      }
      case ROLE_DISPUTE -> {
        Relationship relationship = pickFree(switch (population) {
          case ADOLESCENT -> new Relationship[] {Relationship.PARENT, Relationship.PARENT,
              Relationship.PARENT, Relationship.SIBLING, Relationship.FRIEND};
          case PERINATAL -> new Relationship[] {Relationship.PARTNER, Relationship.PARTNER,
              Relationship.PARTNER, Relationship.PARENT};
          case ADULT -> new Relationship[] {Relationship.PARTNER, Relationship.PARTNER,
              Relationship.PARTNER, Relationship.PARENT, Relationship.CHILD,
              Relationship.SIBLING, Relationship.COLLEAGUE};
        });
        Person other = Person.copyOf(person(relationship, true))
            .withConflict(true)
            .withExpectationsMet(false)
            .withChangedNearOnset(rng.nextDouble() < 0.6);
        people.add(other);
        double stage = rng.nextDouble();
        yield RoleDispute.builder().primary(primary).personId(other.id())
            .stage(stage < 0.5 ? DisputeStage.RENEGOTIATION
                : stage < 0.85 ? DisputeStage.IMPASSE : DisputeStage.DISSOLUTION)
            .build();
      }
      case ROLE_TRANSITION -> {
        TransitionKind kind = pick(switch (population) {
          case ADOLESCENT -> new TransitionKind[] {TransitionKind.SCHOOL, TransitionKind.SCHOOL,
              TransitionKind.SCHOOL, TransitionKind.MOVE, TransitionKind.ILLNESS,
              TransitionKind.OTHER};
          case PERINATAL -> new TransitionKind[] {TransitionKind.PARENTHOOD,
              TransitionKind.PARENTHOOD, TransitionKind.PARENTHOOD, TransitionKind.PARENTHOOD,
              TransitionKind.JOB, TransitionKind.MOVE};
          case ADULT -> new TransitionKind[] {TransitionKind.JOB, TransitionKind.JOB,
              TransitionKind.SEPARATION, TransitionKind.MOVE, TransitionKind.RETIREMENT,
              TransitionKind.ILLNESS, TransitionKind.PARENTHOOD,
              TransitionKind.BEREAVEMENT_OF_ROLE, TransitionKind.OTHER};
        });
        if (kind == TransitionKind.SEPARATION && !has(Relationship.EX_PARTNER)) {
          people.add(Person.copyOf(person(Relationship.EX_PARTNER, false))
              .withChangedNearOnset(true));
        }
        String[] roles = roles(kind);
        yield RoleTransition.builder().primary(primary).transition(kind)
            .fromRole(roles[0]).toRole(roles[1]).build();
      }
      case INTERPERSONAL_DEFICITS -> InterpersonalDeficits.builder().primary(primary).build();
    };
  }

  /** Neutral placeholders for the old and the new role of a transition. */
  static String[] roles(TransitionKind kind) {
    return switch (kind) {
      case PARENTHOOD -> new String[] {"without children", "parent"};
      case SEPARATION -> new String[] {"partnered", "separated"};
      case BEREAVEMENT_OF_ROLE -> new String[] {"carer", "former carer"};
      case JOB -> new String[] {"previous job", "new job"};
      case MOVE -> new String[] {"previous home", "new home"};
      case ILLNESS -> new String[] {"in good health", "living with an illness"};
      case RETIREMENT -> new String[] {"working", "retired"};
      case SCHOOL -> new String[] {"previous school", "new school"};
      case OTHER -> new String[] {"previous role", "new role"};
    };
  }

  /** A focus person's relationship, not repeating a partner (there is only one). */
  private Relationship pickFree(Relationship[] options) {
    while (true) {
      Relationship relationship = pick(options);
      if (relationship != Relationship.PARTNER || !has(Relationship.PARTNER)) {
        return relationship;
      }
    }
  }

  private boolean has(Relationship relationship) {
    return counters.containsKey(relationship);
  }

  private Relationship ordinaryRelationship() {
    while (true) {
      Relationship relationship = pick(switch (population) {
        case ADOLESCENT -> new Relationship[] {Relationship.PARENT, Relationship.PARENT,
            Relationship.SIBLING, Relationship.FRIEND, Relationship.FRIEND, Relationship.FRIEND,
            Relationship.OTHER_RELATIVE, Relationship.OTHER, Relationship.CARER};
        case PERINATAL -> new Relationship[] {Relationship.PARTNER, Relationship.PARTNER,
            Relationship.CHILD, Relationship.PARENT, Relationship.PARENT, Relationship.SIBLING,
            Relationship.FRIEND, Relationship.FRIEND, Relationship.OTHER_RELATIVE};
        case ADULT -> new Relationship[] {Relationship.PARTNER, Relationship.PARENT,
            Relationship.CHILD, Relationship.SIBLING, Relationship.SIBLING, Relationship.FRIEND,
            Relationship.FRIEND, Relationship.FRIEND, Relationship.COLLEAGUE,
            Relationship.OTHER_RELATIVE, Relationship.OTHER};
      });
      int count = counters.getOrDefault(relationship, 0);
      int max = switch (relationship) {
        case PARTNER, EX_PARTNER, CARER -> 1;
        case PARENT -> 2;
        case FRIEND -> 5;
        default -> 3;
      };
      if (deficitsOnly && relationship == Relationship.PARTNER) {
        continue;
      }
      if (count < max) {
        return relationship;
      }
    }
  }

  private Person person(Relationship relationship, boolean focus) {
    int count = counters.merge(relationship, 1, Integer::sum);
    String prefix = switch (relationship) {
      case PARTNER -> "partner";
      case EX_PARTNER -> "ex-partner";
      case PARENT -> "parent";
      case CHILD -> "child";
      case SIBLING -> "sibling";
      case OTHER_RELATIVE -> "relative";
      case FRIEND -> "friend";
      case COLLEAGUE -> "colleague";
      case CARER -> "carer";
      case OTHER -> "other";
    };
    String id = relationship == Relationship.PARTNER || relationship == Relationship.EX_PARTNER
        ? prefix : prefix + "-" + count;
    int circle = switch (relationship) {
      case PARTNER, CHILD -> 1;
      case PARENT, CARER -> Scores.between(rng, 1, 2);
      case SIBLING -> Scores.between(rng, 1, 2);
      case FRIEND -> Scores.between(rng, 1, 3);
      case EX_PARTNER, COLLEAGUE, OTHER_RELATIVE -> Scores.between(rng, 2, 3);
      case OTHER -> 3;
    };
    if (deficitsOnly && rng.nextDouble() < 0.6) {
      circle++;
    }
    if (focus) {
      circle = Math.min(circle, 2);
    }
    circle = Math.max(1, Math.min(circle, profile.circles()));
    ContactFrequency contact = switch (circle) {
      case 1 -> rng.nextDouble() < 0.6 ? ContactFrequency.DAILY : ContactFrequency.WEEKLY;
      case 2 -> rng.nextDouble() < 0.6 ? ContactFrequency.WEEKLY : ContactFrequency.MONTHLY;
      default -> rng.nextDouble() < 0.6 ? ContactFrequency.MONTHLY : ContactFrequency.RARELY;
    };
    double confidant = circle == 1 ? 0.5 : circle == 2 ? 0.2 : 0.03;
    if (deficitsOnly) {
      confidant /= 3;
    }
    Person.Builder person = Person.builder()
        .id(id)
        .relationship(relationship)
        .circle(circle)
        .contact(contact)
        .confidant(rng.nextDouble() < confidant)
        .conflict(rng.nextDouble() < 0.12)
        .changedNearOnset(rng.nextDouble() < 0.05);
    if (rng.nextDouble() < 0.5) {
      person.expectationsMet(rng.nextDouble() < 0.6);
    }
    return person.build();
  }

  /**
   * The inventory taken again at the end of a course that went well: people move closer, a
   * conflict eases, an isolated patient has made a new friend.
   */
  List<Person> endSnapshot(List<Person> first) {
    List<Person> later = new ArrayList<>();
    for (Person person : first) {
      Person changed = person;
      if (!person.deceased() && person.circle().isPresent() && person.circle().getAsInt() > 1
          && rng.nextDouble() < 0.3) {
        changed = Person.copyOf(changed).withCircle(person.circle().getAsInt() - 1);
      }
      if (person.conflict() && rng.nextDouble() < 0.5) {
        changed = Person.copyOf(changed).withConflict(false);
      }
      if (!person.deceased() && !person.confidant() && rng.nextDouble() < 0.15) {
        changed = Person.copyOf(changed).withConfidant(true);
      }
      later.add(changed);
    }
    if (deficitsOnly || rng.nextDouble() < 0.3) {
      int n = 1;
      while (containsId(later, "new-friend-" + n)) {
        n++;
      }
      later.add(Person.builder().id("new-friend-" + n).relationship(Relationship.FRIEND)
          .circle(Math.min(2, profile.circles())).contact(ContactFrequency.WEEKLY)
          .confidant(rng.nextDouble() < 0.3).build());
    }
    return later;
  }

  private static boolean containsId(List<Person> people, String id) {
    for (Person person : people) {
      if (person.id().equals(id)) {
        return true;
      }
    }
    return false;
  }

  private <T> T pick(T[] options) {
    return options[rng.nextInt(options.length)];
  }
}
