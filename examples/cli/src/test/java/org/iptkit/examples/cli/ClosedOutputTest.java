package org.iptkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Standard output closed by its reader ({@code ipt generate … | head -1}) ends the run quietly,
 * with exit code 0; a failure to write a file of {@code --out} is still an error.
 */
class ClosedOutputTest {
  @TempDir
  Path dir;

  /** Takes {@code limit} bytes, then fails like a pipe whose reader has exited. */
  private static final class HeadPipe extends OutputStream {
    private final int limit;
    private final String message;
    private int written;
    private boolean failed;

    HeadPipe(int limit) {
      this(limit, "Broken pipe");
    }

    HeadPipe(int limit, String message) {
      this.limit = limit;
      this.message = message;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (written + len > limit) {
        failed = true;
        throw new IOException(message);
      }
      written += len;
    }
  }

  private record Run(int code, String err, HeadPipe pipe) {}

  private static Run runInto(HeadPipe pipe, String... args) {
    StringWriter err = new StringWriter();
    Io io = new Io(new ByteArrayInputStream(new byte[0]), pipe, new PrintWriter(err, true), false);
    int code = Ipt.run(io, args);
    return new Run(code, err.toString(), pipe);
  }

  @Test
  void generateIntoAPipeClosedAfterTheFirstBytesStopsQuietlyWithExitCodeZero() {
    Run run = runInto(new HeadPipe(100), "generate", "--courses", "1000");

    assertThat(run.pipe().failed).as("the pipe was closed during the run").isTrue();
    assertThat(run.err()).isEmpty();
    assertThat(run.code()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void validateIntoAClosedPipeStopsQuietly() {
    Path file = Fixtures.write(dir.resolve("t.ndjson"), Fixtures.ndjson(2, 40, 1.0));

    Run run = runInto(new HeadPipe(0), "validate", "--format", "ndjson", file.toString());

    assertThat(run.pipe().failed).isTrue();
    assertThat(run.err()).isEmpty();
    assertThat(run.code()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void protocolListIntoAClosedPipeStopsQuietly() {
    Run run = runInto(new HeadPipe(0), "protocols");

    assertThat(run.pipe().failed).isTrue();
    assertThat(run.err()).isEmpty();
    assertThat(run.code()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void anotherFailureOfStandardOutputIsStillReportedWithExitCodeTwo() {
    Run run = runInto(new HeadPipe(100, "No space left on device"), "generate", "--courses",
        "1000");

    assertThat(run.pipe().failed).isTrue();
    assertThat(run.err()).isEqualTo("ipt: cannot read or write: No space left on device\n");
    assertThat(run.code()).isEqualTo(ExitCodes.UNREADABLE);
  }

  @Test
  void aFileOfOutThatCannotBeWrittenIsStillAnError() {
    Cli.Result result = Cli.run("generate", "--courses", "1", "--out",
        dir.resolve("missing-dir/x.ndjson").toString());

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).startsWith("ipt: cannot write ");
  }
}
