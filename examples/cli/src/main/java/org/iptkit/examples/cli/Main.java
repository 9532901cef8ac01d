package org.iptkit.examples.cli;

/** Starts the {@code ipt} tool from the command line: {@code java -jar ipt.jar validate …}. */
public final class Main {
  private Main() {}

  /** Runs the tool with the process's own streams and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(Ipt.run(Io.system(), args));
  }
}
