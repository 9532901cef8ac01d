package org.iptkit.examples.cli;

/** Starts the {@code ipt} tool from the command line: {@code java -jar ipt.jar validate …}. */
public final class Main {
  private Main() {}

  /** Runs the tool with the process's own streams and exits with its exit code. */
  public static void main(String[] args) {
    // A failure on a thread of the tool's own that nobody waits for is one line, not a trace;
    // the run's own failures are handled by Ipt.run.
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
      System.err.println("ipt: internal error (" + e.getClass().getSimpleName() + ")");
      System.err.flush();
    });
    System.exit(Ipt.run(Io.system(), args));
  }
}
