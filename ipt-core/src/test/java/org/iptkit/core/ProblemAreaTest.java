package org.iptkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemAreaTest {

  @Test
  void eachKindReportsItsType() {
    assertThat(Grief.builder().build().type()).isEqualTo(ProblemAreaType.GRIEF);
    assertThat(RoleDispute.builder().build().type()).isEqualTo(ProblemAreaType.ROLE_DISPUTE);
    assertThat(RoleTransition.builder().build().type())
        .isEqualTo(ProblemAreaType.ROLE_TRANSITION);
    assertThat(InterpersonalDeficits.builder().build().type())
        .isEqualTo(ProblemAreaType.INTERPERSONAL_DEFICITS);
  }

  @Test
  void areasAreNotPrimaryUnlessFlagged() {
    assertThat(Grief.builder().build().primary()).isFalse();
    assertThat(RoleDispute.builder().primary(true).build().primary()).isTrue();
  }

  @Test
  void onlyGriefAndDisputeNameAPerson() {
    ProblemArea grief = Grief.builder().personId("father").build();
    ProblemArea dispute = RoleDispute.builder().personId("partner").build();
    ProblemArea transition = RoleTransition.builder().fromRole("employee").toRole("retired")
        .build();
    ProblemArea deficits = InterpersonalDeficits.builder().build();

    assertThat(grief.personId()).contains("father");
    assertThat(dispute.personId()).contains("partner");
    assertThat(transition.personId()).isEmpty();
    assertThat(deficits.personId()).isEmpty();
  }

  @Test
  void missingDetailsAreAcceptedForTheRulesToReport() {
    RoleDispute dispute = RoleDispute.builder().primary(true).build();

    assertThat(dispute.personId()).isEmpty();
    assertThat(dispute.stage()).isEmpty();
  }

  @Test
  void coreTasksAreThoseOfTheAreasMiddlePhaseStrategy() {
    assertThat(Grief.builder().build().coreTasks()).containsExactlyInAnyOrder(
        SessionTask.MOURNING_FACILITATED, SessionTask.RELATIONSHIP_RECONSTRUCTED);
    assertThat(RoleDispute.builder().build().coreTasks())
        .containsExactly(SessionTask.DISPUTE_STAGE_ASSESSED);
    assertThat(ProblemAreaType.ROLE_DISPUTE.coreTechniques())
        .containsExactly(Technique.COMMUNICATION_ANALYSIS);
    assertThat(RoleTransition.builder().build().coreTasks())
        .containsExactly(SessionTask.OLD_NEW_ROLES_EVALUATED);
    assertThat(InterpersonalDeficits.builder().build().coreTasks())
        .containsExactly(SessionTask.PAST_RELATIONSHIPS_REVIEWED);
  }
}
