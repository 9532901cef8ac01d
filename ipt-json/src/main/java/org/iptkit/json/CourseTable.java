package org.iptkit.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.iptkit.json.internal.ReportJsonWriter;
import org.iptkit.rules.ClinicalOutcome;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.FidelitySummary;
import org.iptkit.rules.RuleDomain;

/**
 * The per-course table of a cohort, for R and pandas: one row per course, clean courses
 * included, the columns of {@link #columns(boolean)} in that order, each with a documented type
 * so that a loader needs no guessing. {@link #row(FidelityReport, boolean)} gives a course's
 * cells as text (missing values empty, booleans {@code true}/{@code false}, numbers plain), the
 * same cells {@code ipt report --format csv --table courses} writes; {@link ReportWriter} writes
 * them as CSV ({@link ReportFormat#COURSE_TABLE}).
 */
public final class CourseTable {
  private CourseTable() {}

  /** The type of a column's values, as a loader declares it. */
  public enum Type {
    /** Text (pandas {@code string}, R {@code character}). */
    TEXT("string", "character"),
    /** One of a few known values (pandas {@code category}, R {@code factor}). */
    CATEGORY("category", "factor"),
    /** A whole number, possibly missing (pandas {@code Int64}, R {@code integer}). */
    INTEGER("Int64", "integer"),
    /** A decimal with at most four decimals, possibly missing (pandas {@code Float64}, R {@code numeric}). */
    DECIMAL("Float64", "numeric"),
    /** {@code true} or {@code false}, possibly missing (pandas {@code boolean}, R {@code logical}). */
    BOOLEAN("boolean", "logical");

    private final String pandas;
    private final String r;

    Type(String pandas, String r) {
      this.pandas = pandas;
      this.r = r;
    }

    /** The pandas dtype of the column. */
    public String pandas() {
      return pandas;
    }

    /** The R column class of the column ({@code colClasses} of {@code read.csv}). */
    public String r() {
      return r;
    }
  }

  /** A column of the table: its name and the type of its values. */
  public record Column(String name, Type type) {}

  private static final List<Column> BEFORE_THERAPIST = List.of(new Column("courseId", Type.TEXT));
  private static final List<Column> AFTER_THERAPIST;

  static {
    List<Column> columns = new ArrayList<>(List.of(
        new Column("protocol", Type.CATEGORY),
        new Column("status", Type.CATEGORY),
        new Column("sessionsAttended", Type.INTEGER),
        new Column("sessionsPlanned", Type.INTEGER),
        new Column("completer", Type.BOOLEAN),
        new Column("instrument", Type.CATEGORY),
        new Column("baseline", Type.INTEGER),
        new Column("last", Type.INTEGER),
        new Column("change", Type.INTEGER),
        new Column("baselineBand", Type.CATEGORY),
        new Column("lastBand", Type.CATEGORY),
        new Column("caseAtBaseline", Type.BOOLEAN),
        new Column("response", Type.BOOLEAN),
        new Column("remission", Type.BOOLEAN),
        new Column("prorated", Type.BOOLEAN),
        new Column("adherence", Type.DECIMAL)));
    for (RuleDomain domain : RuleDomain.values()) {
      columns.add(new Column("adherence" + domain.name(), Type.DECIMAL));
    }
    columns.addAll(List.of(
        new Column("errors", Type.INTEGER),
        new Column("warnings", Type.INTEGER),
        new Column("infos", Type.INTEGER),
        new Column("ratedSessions", Type.INTEGER),
        new Column("meanRating", Type.DECIMAL)));
    AFTER_THERAPIST = List.copyOf(columns);
  }

  /**
   * The columns in order: {@code courseId}, {@code therapistRef} (only with
   * {@code withTherapist}, as in the cohort report), {@code protocol}, {@code status},
   * {@code sessionsAttended}, {@code sessionsPlanned}, {@code completer}, {@code instrument},
   * {@code baseline}, {@code last}, {@code change}, {@code baselineBand}, {@code lastBand},
   * {@code caseAtBaseline}, {@code response}, {@code remission}, {@code prorated},
   * {@code adherence}, {@code adherenceS} … {@code adherenceN}, {@code errors},
   * {@code warnings}, {@code infos}, {@code ratedSessions}, {@code meanRating}.
   */
  public static List<Column> columns(boolean withTherapist) {
    List<Column> columns = new ArrayList<>(BEFORE_THERAPIST);
    if (withTherapist) {
      columns.add(new Column("therapistRef", Type.TEXT));
    }
    columns.addAll(AFTER_THERAPIST);
    return List.copyOf(columns);
  }

  /** The column names in order, as the CSV header has them. */
  public static List<String> header(boolean withTherapist) {
    return columns(withTherapist).stream().map(Column::name).toList();
  }

  /**
   * The cells of one course, in the order of {@link #columns(boolean)}: missing values empty,
   * booleans {@code true}/{@code false}, whole numbers plain, decimals with at most four
   * decimals ({@code 0.9333}). Text cells are as they are; {@link ReportWriter} quotes them and
   * defuses formula-like ones.
   *
   * <p>{@code prorated} is whether the baseline or the last primary score is a prorated total of
   * a partly answered form (so are the figures computed from it); empty without a primary score.
   */
  public static List<String> row(FidelityReport report, boolean withTherapist) {
    ClinicalOutcome o = report.outcome();
    FidelitySummary summary = report.summary();
    List<String> cells = new ArrayList<>(columns(withTherapist).size());
    cells.add(report.courseId());
    if (withTherapist) {
      cells.add(report.therapistRef().orElse(""));
    }
    cells.add(report.protocol());
    cells.add(report.status().name());
    cells.add(Integer.toString(o.sessionsAttended()));
    cells.add(integer(o.sessionsPlanned()));
    cells.add(bool(o.completer()));
    cells.add(o.instrument().name());
    cells.add(integer(o.baseline()));
    cells.add(integer(o.last()));
    cells.add(integer(o.change()));
    cells.add(o.baselineBand().map(Enum::name).orElse(""));
    cells.add(o.lastBand().map(Enum::name).orElse(""));
    cells.add(bool(o.caseAtBaseline()));
    cells.add(bool(o.response()));
    cells.add(bool(o.remission()));
    cells.add(o.baseline().isPresent() ? Boolean.toString(o.prorated()) : "");
    cells.add(ReportJsonWriter.decimal(summary.adherence()));
    for (RuleDomain domain : RuleDomain.values()) {
      Double adherence = summary.byDomain().get(domain);
      cells.add(adherence == null ? "" : ReportJsonWriter.decimal(adherence));
    }
    cells.add(Integer.toString(summary.errors()));
    cells.add(Integer.toString(summary.warnings()));
    cells.add(Integer.toString(summary.infos()));
    cells.add(Integer.toString(report.ratings().ratedSessions()));
    cells.add(decimal(report.ratings().meanRating()));
    return cells;
  }

  /** Whether a column holds text that a spreadsheet could read as a formula (text columns). */
  static boolean isText(Column column) {
    return column.type() == Type.TEXT || column.type() == Type.CATEGORY;
  }

  private static String integer(OptionalInt value) {
    return value.isPresent() ? Integer.toString(value.getAsInt()) : "";
  }

  private static String decimal(OptionalDouble value) {
    return value.isPresent() ? ReportJsonWriter.decimal(value.getAsDouble()) : "";
  }

  private static String bool(Optional<Boolean> value) {
    return value.map(b -> b ? "true" : "false").orElse("");
  }
}
