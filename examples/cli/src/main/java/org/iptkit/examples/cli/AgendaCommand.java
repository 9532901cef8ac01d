package org.iptkit.examples.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.rules.Agenda;
import org.iptkit.rules.FidelityChecker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ipt agenda FILE}: what is overdue and what is due in the next session of an ONGOING
 * course, from the same rules as the fidelity report, so a clinician can prevent the deviations
 * a report would show later. For a course that is not ONGOING it says why there is no agenda.
 */
@Command(name = "agenda", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Show what is due in the next session of an ONGOING course.")
final class AgendaCommand implements Callable<Integer> {
  @ParentCommand
  Ipt ipt;

  @Mixin
  ProfileOptions profile;

  @Parameters(paramLabel = "FILE", arity = "1",
      description = "One course document (.json), or - for standard input.")
  String file;

  @Override
  public Integer call() {
    Optional<Checked> checked = SingleCourse.read(ipt, profile.checks(), file);
    if (checked.isEmpty()) {
      return ExitCodes.UNREADABLE;
    }
    TreatmentCourse course = checked.get().course();
    FidelityChecker checker = checked.get().checker();
    // The planner checks the course itself: the report read with it is let go first, so a long
    // course's findings are not held twice while the agenda is planned.
    checked = Optional.empty();
    Agenda agenda = checker.agenda(course);
    try (Output output = Output.of(ipt.io(), null)) {
      TextReports.agenda(course, agenda, output);
    }
    return ExitCodes.OK;
  }
}
