package org.iptkit.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.iptkit.examples.cli.Io;
import org.iptkit.examples.cli.Ipt;
import org.iptkit.core.CourseStatus;
import org.iptkit.examples.generator.LimitCourses;
import org.iptkit.json.IptJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The commands of the {@code ipt} tool on one course at the document limit (just under 10 MB),
 * run in-process as {@code java -Xmx256m -jar ipt.jar …} runs them, from reading the file to the
 * last byte of output (written to a stream that discards it): {@code validate} and {@code show}
 * (text and HTML) of a COMPLETED course of 100,000 sessions, {@code agenda} of the same course
 * ONGOING, and {@code show --format html} of a course whose two inventories list 100,000 people
 * each. One score is one whole command.
 *
 * <p>Targets (docs/performance.md): validate at most 2 s; show (text and HTML) and agenda at most
 * 5 s each, under {@code -Xmx256m}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
@State(Scope.Benchmark)
public class CommandLimitsBenchmark {
  /** The sessions of the long courses: one a day, the most that fit under the limit. */
  static final int SESSIONS = 100_000;
  /** The people of each of the two inventories of the crowded course. */
  static final int PEOPLE = 100_000;

  private Path dir;
  private String sessions;
  private String ongoing;
  private String people;

  /** Writes the three courses to files once. */
  @Setup
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("ipt-limits");
    sessions = write("sessions.json", LimitCourses.document(SESSIONS, 3, CourseStatus.COMPLETED));
    ongoing = write("ongoing.json", LimitCourses.document(SESSIONS, 3, CourseStatus.ONGOING));
    people = write("people.json", LimitCourses.document(100, PEOPLE, CourseStatus.COMPLETED));
  }

  /** Removes the files. */
  @TearDown
  public void tearDown() throws IOException {
    for (String file : new String[] {sessions, ongoing, people}) {
      Files.deleteIfExists(Path.of(file));
    }
    Files.deleteIfExists(dir);
  }

  private String write(String name, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length >= IptJson.DEFAULT_MAX_DOCUMENT_LENGTH) {
      throw new IllegalStateException(name + " is over the document limit");
    }
    return Files.write(dir.resolve(name), bytes).toString();
  }

  /** Runs the tool with output and messages discarded; fails unless it exits 0 or 1. */
  private static long run(String... args) {
    long[] bytes = new long[1];
    OutputStream out = new OutputStream() {
      @Override
      public void write(int b) {
        bytes[0]++;
      }

      @Override
      public void write(byte[] b, int off, int len) {
        bytes[0] += len;
      }
    };
    StringBuilder messages = new StringBuilder();
    Writer err = new Writer() {
      @Override
      public void write(char[] chars, int off, int len) {
        if (messages.length() < 10_000) {
          messages.append(chars, off, Math.min(len, 10_000));
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    int code = Ipt.run(new Io(new ByteArrayInputStream(new byte[0]), out,
        new PrintWriter(err, true), false), args);
    if (code > 1) {
      throw new UncheckedIOException(new IOException("ipt " + String.join(" ", args)
          + " exited " + code + ": " + messages));
    }
    return bytes[0];
  }

  /** {@code ipt validate} of the course of 100,000 sessions (text output). */
  @Benchmark
  public long validate() {
    return run("validate", sessions);
  }

  /** {@code ipt show} of the course of 100,000 sessions as text. */
  @Benchmark
  public long showText() {
    return run("show", sessions);
  }

  /** {@code ipt show --format html} of the course of 100,000 sessions. */
  @Benchmark
  public long showHtml() {
    return run("show", "--format", "html", sessions);
  }

  /** {@code ipt show --format html} of the course with two inventories of 100,000 people. */
  @Benchmark
  public long showHtmlPeople() {
    return run("show", "--format", "html", people);
  }

  /** {@code ipt agenda} of the ONGOING course of 100,000 sessions. */
  @Benchmark
  public long agenda() {
    return run("agenda", ongoing);
  }

  /**
   * The same commands timed by the CPU time of the thread that runs them, which on a shared
   * machine varies less than wall-clock time (it leaves out waiting for a core, and the garbage
   * collector's own threads): {@code java -Xmx256m -cp benchmarks.jar
   * org.iptkit.benchmarks.CommandLimitsBenchmark [rounds]}; the first two rounds warm up.
   */
  public static void main(String[] args) throws IOException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    CommandLimitsBenchmark state = new CommandLimitsBenchmark();
    state.setUp();
    try {
      Map<String, LongSupplier> commands = new LinkedHashMap<>();
      commands.put("validate", state::validate);
      commands.put("showText", state::showText);
      commands.put("showHtml", state::showHtml);
      commands.put("showHtmlPeople", state::showHtmlPeople);
      commands.put("agenda", state::agenda);
      for (var command : commands.entrySet()) {
        List<Double> cpu = new ArrayList<>();
        List<Double> wall = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
          long wallStart = System.nanoTime();
          long cpuStart = CpuTimes.now();
          command.getValue().getAsLong();
          if (round >= 2) {
            cpu.add((CpuTimes.now() - cpuStart) / 1e6);
            wall.add((System.nanoTime() - wallStart) / 1e6);
          }
        }
        System.out.printf(Locale.ROOT,
            "%-15s cpu median %7.0f ms (min %7.0f)   wall median %7.0f ms (min %7.0f)%n",
            command.getKey(), CpuTimes.median(cpu), CpuTimes.quantile(cpu, 0),
            CpuTimes.median(wall), CpuTimes.quantile(wall, 0));
      }
    } finally {
      state.tearDown();
    }
  }
}
