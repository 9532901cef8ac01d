package org.iptkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.iptkit.core.Instrument;
import org.iptkit.core.SeverityBand;
import org.iptkit.json.IptJson;
import org.iptkit.rules.IntRange;
import org.iptkit.rules.ProtocolProfile;
import org.iptkit.rules.Protocols;
import org.iptkit.rules.RuleCatalog;
import org.iptkit.rules.RuleInfo;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference under docs/ is what the code says: the rule catalog of docs/rules.md is
 * {@code ipt rules --format markdown}, docs/cli.md holds picocli's own usage help of every
 * command, the field tables of docs/format.md are rendered from the published JSON Schemas, and
 * the tables of built-in profiles and measures in docs/clinical.md from {@link Protocols} and
 * {@link Instrument}. Each test fails when the committed text is stale;
 * {@code -Ddocs.update=true} rewrites it instead ({@link GeneratedDocs#UPDATE_COMMAND}).
 */
class ReferenceDocsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void ruleCatalogIsTheOutputOfIptRulesMarkdown() {
    Cli.Result result = Cli.run("rules", "--format", "markdown");
    assertThat(result.code()).isZero();

    assertCurrent(GeneratedDocs.check("docs/rules.md", "rules", result.out()));
  }

  @Test
  void ruleCatalogMarkdownHasOneRowPerRuleWithItsSeverityAndSource() {
    String markdown = Cli.run("rules", "--format", "markdown").out();

    for (RuleInfo rule : RuleCatalog.all()) {
      assertThat(markdown).contains("| " + rule.code() + " | `" + rule.name() + "` | "
          + rule.defaultSeverity().name());
      assertThat(markdown).contains(rule.source().replace("|", "\\|"));
    }
    assertThat(markdown).contains("| M04 | `safety-item-followed-up` | ERROR (mandatory) |");
    assertThat(markdown.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| code"))
        .count()).isEqualTo(RuleCatalog.all().size());
  }

  @Test
  void cliReferenceIsTheUsageHelpOfEveryCommand() {
    String usage = usageOfEveryCommand();
    assertThat(usage).contains("### ipt validate").contains("### ipt fhir export")
        .contains("Usage: ipt validate");

    assertCurrent(GeneratedDocs.check("docs/cli.md", "usage", usage));
  }

  @Test
  void formatFieldTablesAreRenderedFromThePublishedSchemas() {
    for (String schema : List.of("course", "protocol", "report")) {
      String tables = SchemaTables.render(read(IptJson.schema(schema)));
      assertThat(tables).contains("| field | required | type | meaning |");

      assertCurrent(GeneratedDocs.check("docs/format.md", "schema-" + schema, tables));
    }
  }

  @Test
  void formatExamplesAreTheDocumentsTheTestsRead() {
    String resources = "ipt-json/src/test/resources/org/iptkit/json/";
    for (String example : List.of("course", "report", "profile")) {
      String json = GeneratedDocs.repositoryFile(resources + "format-example-" + example + ".json");
      assertThat(json).startsWith("{");

      assertCurrent(GeneratedDocs.check("docs/format.md", "example-" + example,
          "```json\n" + json.strip() + "\n```\n"));
    }
  }

  @Test
  void clinicalTablesAreRenderedFromTheBuiltInProfilesAndInstruments() {
    assertCurrent(GeneratedDocs.check("docs/clinical.md", "profile-list", profileList()));
    assertCurrent(GeneratedDocs.check("docs/clinical.md", "profile-parameters",
        profileParameters()));
    assertCurrent(GeneratedDocs.check("docs/clinical.md", "instruments", instruments()));
  }

  @Test
  void profileParameterTableHasAColumnPerBuiltInProfile() {
    String table = profileParameters();

    String header = table.lines().findFirst().orElseThrow();
    for (ProtocolProfile profile : Protocols.all()) {
      assertThat(header).contains("`" + profile.id() + "`");
    }
    assertThat(table).contains("| `sessions` | 12–16 |");
  }

  private static void assertCurrent(GeneratedDocs.Part part) {
    assertThat(part.committed()).as(GeneratedDocs.staleMessage(part))
        .isEqualTo(part.generated());
  }

  // ------------------------------------------------------------------ docs/cli.md

  /** Every command's usage help, depth first in the order of {@code ipt --help}. */
  static String usageOfEveryCommand() {
    Io io = new Io(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
        new PrintWriter(new StringWriter(), true), false);
    CommandLine root = Ipt.commandLine(io);
    root.setUsageHelpWidth(80);
    StringBuilder out = new StringBuilder();
    appendUsage(root, out);
    return out.toString();
  }

  private static void appendUsage(CommandLine command, StringBuilder out) {
    out.append("### ").append(command.getCommandSpec().qualifiedName()).append("\n\n```text\n")
        .append(command.getUsageMessage(Help.Ansi.OFF).stripTrailing()).append("\n```\n\n");
    for (CommandLine sub : command.getSubcommands().values()) {
      appendUsage(sub, out);
    }
  }

  // ------------------------------------------------------------------ docs/clinical.md

  /** The built-in profiles: id, title and source. */
  static String profileList() {
    StringBuilder out = new StringBuilder("| id | title | source |\n|---|---|---|\n");
    for (ProtocolProfile profile : Protocols.all()) {
      out.append("| `").append(profile.id()).append("` | ").append(profile.title()).append(" | ")
          .append(profile.source().orElse("—")).append(" |\n");
    }
    return out.toString();
  }

  /** Every parameter of every built-in profile, one row per parameter (its name in the JSON). */
  static String profileParameters() {
    List<ProtocolProfile> profiles = Protocols.all();
    StringBuilder out = new StringBuilder("| parameter |");
    profiles.forEach(profile -> out.append(" `").append(profile.id()).append("` |"));
    out.append("\n|---|").append("---|".repeat(profiles.size())).append("\n");
    row(out, "sessions", profiles, p -> range(p.sessions()));
    row(out, "preGroupSessions", profiles,
        p -> p.preGroupSessions().max() == 0 ? "—" : range(p.preGroupSessions()));
    row(out, "sessionMinutes", profiles, p -> range(p.sessionMinutes()));
    row(out, "maxGapDays", profiles, p -> Integer.toString(p.maxGapDays()));
    row(out, "maxSpanWeeks", profiles, p -> Integer.toString(p.maxSpanWeeks()));
    row(out, "minAttendance", profiles, p -> decimal(p.minAttendance()));
    row(out, "phases.initial", profiles, p -> p.initialPhase().map(r -> range(r)).orElse("—"));
    row(out, "phases.termination", profiles,
        p -> p.terminationPhase().map(r -> range(r)).orElse("—"));
    row(out, "phases.endingLeadSessions", profiles,
        p -> Integer.toString(p.endingLeadSessions()));
    row(out, "focus.maxAreas", profiles, p -> Integer.toString(p.maxAreas()));
    row(out, "focus.middleOnFocusShare", profiles, p -> decimal(p.middleOnFocusShare()));
    row(out, "circles", profiles, p -> Integer.toString(p.circles()));
    row(out, "measurement.primary", profiles, p -> p.primaryInstrument().displayName());
    row(out, "measurement.maxInterval", profiles,
        p -> Integer.toString(p.maxMeasureInterval()));
    row(out, "measurement.deteriorationPoints", profiles,
        p -> p.deteriorationPoints().isPresent() ? Integer.toString(p.deteriorationThreshold())
            : p.deteriorationThreshold() + " (instrument)");
    row(out, "sickRole", profiles, p -> p.sickRole().name());
    row(out, "caregiverInvolvement", profiles, p -> p.caregiverInvolvement() ? "yes" : "no");
    row(out, "allowedTechniques", profiles, p -> p.allowedTechniques().isEmpty() ? "—"
        : p.allowedTechniques().stream().map(Enum::name).sorted()
            .collect(Collectors.joining(", ")));
    row(out, "completer.minSessions", profiles,
        p -> p.completerMinSessions().isPresent()
            ? Integer.toString(p.completerMinSessions().getAsInt()) : "—");
    row(out, "completer.minWeeks", profiles, p -> Integer.toString(p.completerMinWeeks()));
    row(out, "rules", profiles, p -> p.rules().isEmpty() ? "—"
        : p.rules().entrySet().stream().sorted(Map.Entry.comparingByKey())
            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
    return out.toString();
  }

  private static void row(StringBuilder out, String parameter, List<ProtocolProfile> profiles,
      java.util.function.Function<ProtocolProfile, String> value) {
    out.append("| `").append(parameter).append("` |");
    profiles.forEach(profile -> out.append(' ').append(value.apply(profile)).append(" |"));
    out.append('\n');
  }

  private static String range(IntRange range) {
    return range.min() == range.max() ? Integer.toString(range.min())
        : range.min() + "–" + range.max();
  }

  private static String decimal(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** The scoring of every instrument as ipt-core implements it. */
  static String instruments() {
    StringBuilder out = new StringBuilder("| instrument | in JSON | items | total | bands (lowest"
        + " total) | safety item | cut-off | remission | deterioration |\n"
        + "|---|---|---|---|---|---|---|---|---|\n");
    for (Instrument instrument : Instrument.values()) {
      out.append("| ").append(instrument.displayName()).append(" | `").append(instrument.name())
          .append("` | ").append(items(instrument)).append(" | 0–").append(instrument.maxTotal())
          .append(" | ").append(bands(instrument)).append(" | ")
          .append(instrument.safetyItem().isPresent()
              ? "item " + instrument.safetyItem().getAsInt() + " ≥ 1" : "—")
          .append(" | ").append(instrument.cutOff()).append(" | ").append(remission(instrument))
          .append(" | +").append(instrument.deteriorationPoints()).append(" |\n");
    }
    return out.toString();
  }

  private static String items(Instrument instrument) {
    Set<Integer> maxima = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
    for (int item = 1; item <= instrument.itemCount(); item++) {
      maxima.add(instrument.itemMax(item));
    }
    return instrument.itemCount() + " × " + maxima.stream().map(max -> "0–" + max)
        .collect(Collectors.joining(" or "));
  }

  private static String bands(Instrument instrument) {
    List<String> bands = new ArrayList<>();
    for (SeverityBand band : instrument.bands()) {
      bands.add(band.name() + " " + instrument.bandStart(band));
    }
    return String.join(", ", bands);
  }

  private static String remission(Instrument instrument) {
    int highest = -1;
    for (int total = 0; total <= instrument.maxTotal(); total++) {
      if (instrument.isRemission(total)) {
        highest = total;
      }
    }
    return highest < 0 ? "—" : "≤ " + highest;
  }

  private static JsonNode read(String json) {
    return JSON.readTree(json);
  }
}
