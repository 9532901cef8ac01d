package org.iptkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.iptkit.core.CourseStatus;
import org.iptkit.examples.cli.html.CohortPage;
import org.iptkit.json.IptJson;
import org.iptkit.rules.CohortReport;
import org.iptkit.rules.FidelityChecker;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.Protocols;
import org.junit.jupiter.api.Test;

/**
 * The cohort JSON and the cohort page of many therapists reach their output in pieces as they
 * are made, never as one string: no single write carries more than a small part of the whole.
 */
class CohortStreamingTest {
  private static CohortReport manyTherapists(int therapists) {
    FidelityReport template = FidelityChecker.of(Protocols.IPT_ACUTE_16)
        .check(Fixtures.generator(1, 0).generate(0).course());
    List<FidelityReport> reports = new ArrayList<>(therapists);
    for (int i = 0; i < therapists; i++) {
      reports.add(FidelityReport.builder().from(template).courseId("c-" + i)
          .therapistRef("t-" + i).status(CourseStatus.ONGOING).build());
    }
    return CohortReport.of(reports);
  }

  @Test
  void theCohortJsonIsWrittenInPieces() {
    long[] largest = {0};
    long[] total = {0};
    OutputStream out = new OutputStream() {
      @Override
      public void write(int b) {
        total[0]++;
        largest[0] = Math.max(largest[0], 1);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        total[0] += len;
        largest[0] = Math.max(largest[0], len);
      }
    };

    IptJson.builder().prettyPrint(true).build().writeCohortReport(manyTherapists(3000), out);

    assertThat(total[0]).isGreaterThan(10_000_000L);
    assertThat(largest[0]).isLessThan(total[0] / 50);
  }

  @Test
  void theCohortPageIsWrittenInPieces() {
    long[] largest = {0};
    long[] total = {0};
    Writer out = new Writer() {
      @Override
      public void write(char[] chars, int off, int len) {
        total[0] += len;
        largest[0] = Math.max(largest[0], len);
      }

      @Override
      public void write(String text) {
        write(text.toCharArray(), 0, text.length());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };

    CohortPage.render(manyTherapists(3000), new Trajectories(), true, 0, out);

    assertThat(total[0]).isGreaterThan(3_000_000L);
    assertThat(largest[0]).isLessThan(total[0] / 20);
  }
}
