package org.iptkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.json.BatchRecord;
import org.iptkit.json.IptJson;
import org.iptkit.rules.Agenda;
import org.iptkit.rules.CohortReport;
import org.iptkit.rules.FidelityChecker;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.ProtocolRegistry;
import org.iptkit.rules.Protocols;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checker, the registry and the JSON layer are immutable and thread-safe, as their Javadoc
 * promises: one instance shared by 8 threads, which start together and go through the same
 * generated courses each in its own shuffled order, gives every thread exactly the results of a
 * sequential run.
 */
class ConcurrencyTest {
  private static final int THREADS = 8;
  private static final List<TreatmentCourse> COURSES = Documents.generated(7, 0.3, 300);
  private static ExecutorService pool;

  @BeforeAll
  static void startThreads() {
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterAll
  static void stopThreads() throws InterruptedException {
    pool.shutdownNow();
    // A hang guard, not a speed check: generous even on a busy machine.
    assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
  }

  @Test
  void oneCheckerSharedByEightThreadsGivesTheReportsAndAgendasOfASequentialRun()
      throws Exception {
    FidelityChecker checker = FidelityChecker.of(Protocols.IPT_ACUTE_16);
    List<FidelityReport> reports = COURSES.stream().map(checker::check).toList();
    List<Agenda> agendas = COURSES.stream().map(checker::agenda).toList();

    List<List<FidelityReport>> concurrentReports = forEachCourse(checker::check);
    List<List<Agenda>> concurrentAgendas = forEachCourse(checker::agenda);

    concurrentReports.forEach(run -> assertThat(run).isEqualTo(reports));
    concurrentAgendas.forEach(run -> assertThat(run).isEqualTo(agendas));
  }

  @Test
  void registrySharedByEightThreadsChecksEachCourseAgainstItsOwnProfileAsSequentially()
      throws Exception {
    ProtocolRegistry registry = ProtocolRegistry.builtIn();
    List<FidelityReport> reports = COURSES.stream().map(registry::check).toList();

    List<List<FidelityReport>> concurrent = forEachCourse(registry::check);

    concurrent.forEach(run -> assertThat(run).isEqualTo(reports));
    CohortReport sequentialCohort = CohortReport.of(reports);
    CohortReport.Accumulator combined = CohortReport.accumulator();
    for (List<FidelityReport> run : concurrent) {
      CohortReport.Accumulator part = CohortReport.accumulator();
      run.forEach(part::add);
      combined.combine(part);
    }
    assertThat(combined.build().courses()).isEqualTo((long) THREADS * COURSES.size());
    assertThat(CohortReport.of(concurrent.get(THREADS - 1))).isEqualTo(sequentialCohort);
  }

  @Test
  void oneIptJsonSharedByEightThreadsWritesAndReadsAsSequentially() throws Exception {
    // a fresh instance, so its Jackson mapper is first built while the threads race for it
    IptJson json = IptJson.builder().prettyPrint(true).build();
    List<String> written = COURSES.stream().map(json::writeCourse).toList();

    List<List<String>> concurrentWritten = forEachCourse(json::writeCourse);
    List<List<TreatmentCourse>> readBack = forEachIndex(i -> json.readCourse(written.get(i)));
    List<List<String>> viaMapper = forEachCourse(c -> json.mapper().writeValueAsString(c));
    List<List<TreatmentCourse>> readViaMapper = forEachIndex(
        i -> json.mapper().readValue(written.get(i), TreatmentCourse.class));

    concurrentWritten.forEach(run -> assertThat(run).isEqualTo(written));
    readBack.forEach(run -> assertThat(run).isEqualTo(COURSES));
    readViaMapper.forEach(run -> assertThat(run).isEqualTo(COURSES));
    JsonMapper plain = JsonMapper.builder().build();
    for (List<String> run : viaMapper) {
      for (int i = 0; i < run.size(); i++) {
        assertThat(plain.readTree(run.get(i))).isEqualTo(plain.readTree(written.get(i)));
      }
    }
  }

  @Test
  void oneBatchReaderSharedByEightThreadsReadsTheSameRecords() throws Exception {
    IptJson json = IptJson.strict();
    ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
    json.writeNdjson(COURSES, ndjson);
    byte[] export = ndjson.toByteArray();

    List<Callable<List<TreatmentCourse>>> readers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      readers.add(() -> {
        try (Stream<BatchRecord> records = json.batchReader()
            .read(new ByteArrayInputStream(export), "export.ndjson")) {
          return records.map(BatchRecord::courseOrThrow).toList();
        }
      });
    }
    for (Future<List<TreatmentCourse>> run : pool.invokeAll(readers, 2, TimeUnit.MINUTES)) {
      assertThat(run.get()).isEqualTo(COURSES);
    }
  }

  /**
   * Runs {@code work} over every course in each of the threads, which start together and take the
   * courses in their own shuffled order; returns each thread's results in course order.
   */
  private static <T> List<List<T>> forEachCourse(ThrowingFunction<TreatmentCourse, T> work)
      throws Exception {
    return inEveryThread(i -> () -> work.apply(COURSES.get(i)));
  }

  /** Like {@link #forEachCourse}, given the course's index. */
  private static <T> List<List<T>> forEachIndex(ThrowingIntFunction<T> work) throws Exception {
    return inEveryThread(i -> () -> work.apply(i));
  }

  private static <T> List<List<T>> inEveryThread(IntFunction<Callable<T>> work)
      throws Exception {
    CyclicBarrier start = new CyclicBarrier(THREADS);
    List<Callable<List<T>>> runs = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      long seed = t;
      runs.add(() -> {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < COURSES.size(); i++) {
          order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        List<T> results = new ArrayList<>(Collections.nCopies(COURSES.size(), null));
        start.await(1, TimeUnit.MINUTES);
        for (int i : order) {
          results.set(i, work.apply(i).call());
        }
        return results;
      });
    }
    List<List<T>> all = new ArrayList<>();
    for (Future<List<T>> run : pool.invokeAll(runs, Duration.ofMinutes(2).toSeconds(),
        TimeUnit.SECONDS)) {
      all.add(run.get());
    }
    return all;
  }

  /** A function that may throw. */
  @FunctionalInterface
  interface ThrowingFunction<A, R> {
    R apply(A argument) throws Exception;
  }

  /** An int function that may throw. */
  @FunctionalInterface
  interface ThrowingIntFunction<R> {
    R apply(int index) throws Exception;
  }
}
