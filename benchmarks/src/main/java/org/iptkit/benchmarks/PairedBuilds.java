package org.iptkit.benchmarks;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares the rules, or the course reader, of two builds in one JVM by CPU time: each build's
 * benchmarks jar is loaded in a class loader of its own, both check (or read) the same generated
 * courses (from each build's own {@code Inputs}, so with the same seed), and the two take turns,
 * round by round, in alternating order. A change of a few per cent shows up this way on a
 * machine where two JMH runs a minute apart differ by more than that.
 *
 * <p>Run it with the courses to check ({@code clean} or {@code deviations}: the 16-session
 * course of {@link RulesBenchmark}; {@code mixed}: its 1 000 mixed courses; {@code read}: read
 * those 1 000 courses, each from its JSON bytes, with {@code IptJson.readCourse}), the number of
 * measured rounds, and the two jars (for example one built from the commit before a change and
 * copied aside, and the current one):
 * <pre>java -cp benchmarks/target/benchmarks.jar org.iptkit.benchmarks.PairedBuilds mixed 40 \
 *     /tmp/before.jar benchmarks/target/benchmarks.jar</pre>
 * It prints, per build, the median, quartiles and minimum of the CPU time per course, and the
 * median of the rounds' ratios (second build over first). Only the public API and the jar's own
 * {@code Inputs} are used, so any build of the benchmarks module can be compared.
 */
public final class PairedBuilds {
  private static final int WARM_UP_ROUNDS = 10;

  private PairedBuilds() {}

  /**
   * Runs the comparison and prints the figures.
   *
   * @param args {@code clean}, {@code deviations}, {@code mixed} or {@code read}; the number of
   *     measured rounds; the first jar; the second jar
   * @throws Throwable if a jar cannot be loaded or does not hold the benchmarks module
   */
  public static void main(String[] args) throws Throwable {
    if (args.length != 4
        || !List.of("clean", "deviations", "mixed", "read").contains(args[0])) {
      System.err.println(
          "usage: PairedBuilds clean|deviations|mixed|read ROUNDS FIRST.jar SECOND.jar");
      System.exit(2);
      return;
    }
    String courses = args[0];
    int rounds = Integer.parseInt(args[1]);
    Build first = new Build(Path.of(args[2]), courses);
    Build second = new Build(Path.of(args[3]), courses);
    int checks = switch (courses) {
      case "read" -> 2_000;
      case "mixed" -> 5_000;
      default -> 20_000;
    };
    List<Double> firstTimes = new ArrayList<>();
    List<Double> secondTimes = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    for (int round = 0; round < WARM_UP_ROUNDS + rounds; round++) {
      double a;
      double b;
      if (round % 2 == 0) {
        a = first.run(checks);
        b = second.run(checks);
      } else {
        b = second.run(checks);
        a = first.run(checks);
      }
      if (round >= WARM_UP_ROUNDS) {
        firstTimes.add(a);
        secondTimes.add(b);
        ratios.add(b / a);
      }
    }
    System.out.printf("%s courses, CPU time per %s over %d rounds:%n", courses,
        courses.equals("read") ? "course read" : "check", rounds);
    System.out.printf("  %-40s %s%n", args[2], CpuTimes.describe(firstTimes));
    System.out.printf("  %-40s %s%n", args[3], CpuTimes.describe(secondTimes));
    System.out.printf("  second / first: median %.3f, quartiles %.3f-%.3f%n",
        CpuTimes.median(ratios), CpuTimes.quantile(ratios, 0.25),
        CpuTimes.quantile(ratios, 0.75));
  }

  /**
   * One build, from its own class loader: what each operation works on (the courses, or their
   * JSON bytes), what does it (each course's checker, or the reader) and the method that does.
   */
  private static final class Build {
    private final Object[] courses;
    private final Object[] checkers;
    private final MethodHandle check;
    private Object sink;

    Build(Path jar, String which) throws Exception {
      if (!Files.isRegularFile(jar)) {
        throw new IllegalArgumentException("not a file: " + jar);
      }
      ClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
          ClassLoader.getPlatformClassLoader());
      Class<?> inputs = Class.forName("org.iptkit.benchmarks.Inputs", true, loader);
      Class<?> registryType = loader.loadClass("org.iptkit.rules.ProtocolRegistry");
      Class<?> checkerType = loader.loadClass("org.iptkit.rules.FidelityChecker");
      Class<?> courseType = loader.loadClass("org.iptkit.core.TreatmentCourse");
      Class<?> reportType = loader.loadClass("org.iptkit.rules.FidelityReport");
      List<?> generated;
      if (which.equals("mixed") || which.equals("read")) {
        Method mixed = inputs.getDeclaredMethod("mixedCourses", int.class);
        mixed.setAccessible(true);
        generated = (List<?>) mixed.invoke(null, RulesBenchmark.MIXED);
      } else {
        Method sixteen = inputs.getDeclaredMethod("sixteenSessionCourse", boolean.class);
        sixteen.setAccessible(true);
        generated = List.of(sixteen.invoke(null, which.equals("deviations")));
      }
      if (which.equals("read")) {
        Class<?> jsonType = loader.loadClass("org.iptkit.json.IptJson");
        Object json = jsonType.getMethod("strict").invoke(null);
        Method write = jsonType.getMethod("writeCourse", courseType);
        courses = new Object[generated.size()];
        checkers = new Object[courses.length];
        for (int i = 0; i < courses.length; i++) {
          courses[i] = ((String) write.invoke(json, generated.get(i)))
              .getBytes(StandardCharsets.UTF_8);
          checkers[i] = json;
        }
        check = MethodHandles.publicLookup()
            .findVirtual(jsonType, "readCourse", MethodType.methodType(courseType, byte[].class))
            .asType(MethodType.methodType(Object.class, Object.class, Object.class));
        return;
      }
      Object registry = registryType.getMethod("builtIn").invoke(null);
      Method checkerFor = registryType.getMethod("checkerFor", String.class);
      Method protocol = courseType.getMethod("protocol");
      courses = generated.toArray();
      checkers = new Object[courses.length];
      for (int i = 0; i < courses.length; i++) {
        checkers[i] = checkerFor.invoke(registry, protocol.invoke(courses[i]));
      }
      check = MethodHandles.publicLookup()
          .findVirtual(checkerType, "check", MethodType.methodType(reportType, courseType))
          .asType(MethodType.methodType(Object.class, Object.class, Object.class));
    }

    /**
     * Checks (or reads) courses in turn until {@code checks} are done; the CPU time per course
     * in ns.
     */
    double run(int checks) throws Throwable {
      long start = CpuTimes.now();
      int done = 0;
      while (done < checks) {
        for (int i = 0; i < courses.length && done < checks; i++, done++) {
          sink = (Object) check.invokeExact(checkers[i], courses[i]);
        }
      }
      return (CpuTimes.now() - start) / (double) done;
    }
  }
}
