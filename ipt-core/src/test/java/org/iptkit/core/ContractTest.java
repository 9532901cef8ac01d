package org.iptkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iptkit.core.Rejections.assertRejected;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ContractTest {

  private static Contract.Builder acute() {
    return Contract.builder().kind(ContractKind.ACUTE).agreedOn(LocalDate.of(2026, 1, 19));
  }

  @Test
  void contractOfZeroPlannedSessionsIsRejected() {
    assertRejected(() -> acute().plannedSessions(0).build(), "plannedSessions",
        "plannedSessions", "was 0");
  }

  @Test
  void contractOfOnePlannedSessionIsAccepted() {
    assertThat(acute().plannedSessions(1).build().plannedSessions()).hasValue(1);
  }

  @Test
  void contractOf601MinuteSessionsIsRejected() {
    assertRejected(() -> acute().sessionMinutes(601).build(), "sessionMinutes",
        "sessionMinutes", "was 601");
  }

  @Test
  void contractOfZeroMinuteSessionsIsRejected() {
    assertRejected(() -> acute().sessionMinutes(0).build(), "sessionMinutes", "was 0");
  }

  @Test
  void contractOfOneAndOf600MinuteSessionsIsAccepted() {
    assertThat(acute().sessionMinutes(1).build().sessionMinutes()).hasValue(1);
    assertThat(acute().sessionMinutes(600).build().sessionMinutes()).hasValue(600);
  }

  @Test
  void contractNeedsOnlyKindAndDate() {
    Contract contract = acute().build();

    assertThat(contract.plannedSessions()).isEmpty();
    assertThat(contract.frequency()).isEmpty();
    assertThat(contract.goals()).isEmpty();
  }
}
