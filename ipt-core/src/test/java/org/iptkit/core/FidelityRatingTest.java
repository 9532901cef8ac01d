package org.iptkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.iptkit.core.Rejections.assertRejected;

import org.junit.jupiter.api.Test;

class FidelityRatingTest {

  private static FidelityRating.Builder qas(int session) {
    return FidelityRating.builder().session(session).scale("IPT-QAS");
  }

  @Test
  void ratingWithoutItemsIsRejected() {
    assertRejected(() -> qas(5).build(), "items", "items must not be empty");
  }

  @Test
  void ratingWithANegativeItemIsRejected() {
    assertRejected(() -> qas(5).addItems(4, -1, 3).build(), "items/1", "rating item 2",
        "was -1");
  }

  @Test
  void ratingItemOfZeroIsAccepted() {
    assertThat(qas(5).addItems(0).build().mean()).isZero();
  }

  @Test
  void ratingOfSessionZeroIsRejected() {
    assertRejected(() -> qas(0).addItems(4).build(), "session", "session", "was 0");
  }

  @Test
  void ratingOfSessionOneIsAccepted() {
    assertThat(qas(1).addItems(4).build().session()).isEqualTo(1);
  }

  @Test
  void ratingOnABlankScaleIsRejected() {
    assertRejected(() -> FidelityRating.builder().session(5).scale("").addItems(4).build(),
        "scale", "scale must not be blank");
  }

  @Test
  void meanIsTheAverageItemScore() {
    FidelityRating rating = qas(5).rater("sup-1").addItems(4, 3, 5, 4).build();

    assertThat(rating.mean()).isCloseTo(4.0, within(1e-9));
    assertThat(qas(5).addItems(3, 2).build().mean()).isCloseTo(2.5, within(1e-9));
  }
}
