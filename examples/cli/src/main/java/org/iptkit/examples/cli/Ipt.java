package org.iptkit.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code ipt} command: checks IPT treatment courses for protocol fidelity and writes reports
 * for researchers, supervisors and data teams (docs/cli.md). This class is the top of the command
 * tree; each subcommand is its own class.
 *
 * <p>Run it in-process with {@link #run(Io, String...)}, which returns the exit code: 0 when every
 * record was read and nothing is at or above {@code --fail-on}, 1 for findings at or above it, 2
 * for a usage error, an unreadable file or any unreadable record (2 wins over 1).
 */
@Command(name = "ipt",
    mixinStandardHelpOptions = true,
    versionProvider = Ipt.Version.class,
    sortOptions = false,
    description = {
        "Checks recorded Interpersonal Psychotherapy (IPT) courses for fidelity to their "
            + "protocol and writes reports.",
        "Exit codes: 0 all read and nothing at or above --fail-on; 1 findings at or above "
            + "--fail-on; 2 usage error or unreadable input."},
    // The order of `ipt --help`. Extension point: further subcommands are added to this list.
    subcommands = {
        ValidateCommand.class,
        ReportCommand.class,
        AgendaCommand.class,
        ShowCommand.class,
        GenerateCommand.class,
        RulesCommand.class,
        ProtocolsCommand.class,
        SchemaCommand.class,
        FhirCommand.class
    })
public final class Ipt implements Callable<Integer> {
  private final Io io;
  private final StandardOutput out;

  @Spec
  CommandSpec spec;

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Show the stack trace of an unexpected error.")
  boolean debug;

  private Ipt(Io io) {
    this.out = new StandardOutput(io.out());
    this.io = new Io(io.in(), out, io.err(), io.terminal());
  }

  /** The streams of this run. */
  Io io() {
    return io;
  }

  /** Whether {@code --debug} was given. */
  boolean debug() {
    return debug;
  }

  /** Without a subcommand: the usage on standard error and exit code 2. */
  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println("ipt: a command is required");
    spec.commandLine().usage(err);
    return ExitCodes.UNREADABLE;
  }

  /** The command line of the tool with its streams and error handling, ready to execute. */
  public static CommandLine commandLine(Io io) {
    Ipt ipt = new Ipt(io);
    CommandLine cli = new CommandLine(ipt);
    cli.setOut(new PrintWriter(new OutputStreamWriter(ipt.io.out(), StandardCharsets.UTF_8),
        true));
    cli.setErr(io.err());
    cli.setParameterExceptionHandler(Ipt::usageError);
    cli.setExecutionExceptionHandler((e, command, parseResult) -> failure(ipt, e));
    return cli;
  }

  /** Runs the tool with these arguments and streams and returns the exit code. */
  public static int run(Io io, String... args) {
    CommandLine cli = commandLine(io);
    int code = cli.execute(args);
    io.err().flush();
    Ipt ipt = cli.getCommand();
    try {
      ipt.io.out().flush();
    } catch (IOException e) {
      // Reported once: a run that already failed has said why.
      if (!ipt.out.closedByReader() && code != ExitCodes.UNREADABLE) {
        io.err().println("ipt: cannot write the results: " + Diagnostics.describe(e));
        io.err().flush();
        return ExitCodes.UNREADABLE;
      }
    }
    return code;
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("ipt: " + e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more "
        + "information.");
    err.flush();
    return ExitCodes.UNREADABLE;
  }

  private static int failure(Ipt ipt, Exception e) {
    PrintWriter err = ipt.io.err();
    if (ipt.out.closedByReader()) {
      // The reader of standard output went away (`ipt generate … | head -1`): a normal end of a
      // pipeline, so no message. Exit code 0 (docs/cli.md knows only 0, 1 and 2; 141, the shell's
      // SIGPIPE status, is not one of them): nothing was wrong with the input, and whatever the
      // reader wanted it has taken.
      if (ipt.debug) {
        e.printStackTrace(err);
        err.flush();
      }
      return ExitCodes.OK;
    }
    if (e instanceof UserException) {
      err.println("ipt: " + e.getMessage());
    } else if (e instanceof UncheckedIOException io) {
      err.println("ipt: cannot read or write: " + Diagnostics.describe(io.getCause()));
      if (ipt.debug) {
        e.printStackTrace(err);
      }
    } else {
      err.println("ipt: internal error (" + e.getClass().getName() + ")"
          + (ipt.debug ? "" : "; run again with --debug to see where"));
      if (ipt.debug) {
        e.printStackTrace(err);
      }
    }
    err.flush();
    return ExitCodes.UNREADABLE;
  }

  /** The version of the tool, from the build. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = Ipt.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      }
      return new String[] {"ipt (iptkit) " + properties.getProperty("version", "unknown")};
    }
  }
}
