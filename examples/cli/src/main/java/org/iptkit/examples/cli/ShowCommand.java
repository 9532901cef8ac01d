package org.iptkit.examples.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.iptkit.examples.cli.html.CoursePage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ipt show FILE}: one course for a supervisor — its summary, outcome, sessions and
 * findings as text, or as one self-contained HTML page with the session timeline coloured by
 * phase, the score trajectory over its severity bands and the closeness circles.
 */
@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Show one course and its fidelity report, as text or an HTML page.")
final class ShowCommand implements Callable<Integer> {
  @ParentCommand
  Ipt ipt;

  @Spec
  CommandSpec spec;

  @Mixin
  ProfileOptions profile;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text or html; default: ${DEFAULT-VALUE}.")
  String format;

  @Mixin
  OutputOption out;

  @Parameters(paramLabel = "FILE", arity = "1",
      description = "One course document (.json), or - for standard input.")
  String file;

  @Override
  public Integer call() {
    String chosenFormat = Choices.of(spec, "--format", format, "text", "html");
    Optional<Checked> checked = SingleCourse.read(ipt, profile.checks(), file);
    if (checked.isEmpty()) {
      return ExitCodes.UNREADABLE;
    }
    Checked course = checked.get();
    try (Output output = out.open(ipt.io())) {
      if (chosenFormat.equals("html")) {
        output.print(CoursePage.render(course.course(), course.report(),
            course.checker().profile()));
      } else {
        TextReports.course(course.course(), course.report(), course.checker().profile(),
            output);
      }
    }
    return ExitCodes.OK;
  }
}
