package org.iptkit.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * The inter-rater reliability of ratings by the same k raters of n sessions: ICC(2,1) of Shrout
 * &amp; Fleiss (1979), which McGraw &amp; Wong (1996) call ICC(A,1) — two-way random effects,
 * absolute agreement, single rater — with its 95 % confidence interval by McGraw &amp; Wong's
 * F-based formula (Satterthwaite degrees of freedom), and the band of Koo &amp; Li (2016).
 *
 * <p>With MSR, MSC and MSE the mean squares of sessions (rows), raters (columns) and error of
 * the two-way analysis of variance: {@code ICC = (MSR - MSE) / (MSR + (k-1) MSE + k (MSC - MSE) / n)}.
 */
@Value.Immutable
public abstract class IntraclassCorrelation {
  IntraclassCorrelation() {}

  private static final MathContext PRECISION = MathContext.DECIMAL128;

  /** The number of sessions (targets) rated by every rater. */
  public abstract long sessions();

  /** The number of raters (judges). */
  public abstract int raters();

  /** The mean square between sessions. */
  public abstract double msSessions();

  /** The mean square between raters. */
  public abstract double msRaters();

  /** The residual mean square. */
  public abstract double msError();

  /** ICC(2,1); empty when it is undefined (all ratings equal, or fewer than 2 sessions or raters). */
  public abstract OptionalDouble icc();

  /**
   * The lower end of the 95 % confidence interval; empty when the coefficient is, or when the
   * ratings leave no residual variance (raters agree exactly).
   */
  public abstract OptionalDouble lower();

  /** The upper end of the 95 % confidence interval; empty when the lower end is. */
  public abstract OptionalDouble upper();

  /** The Koo &amp; Li band of the coefficient; empty when the coefficient is. */
  public java.util.Optional<ReliabilityBand> band() {
    return icc().isPresent() ? java.util.Optional.of(ReliabilityBand.of(icc().getAsDouble()))
        : java.util.Optional.empty();
  }

  /**
   * ICC(2,1) of a complete table of ratings: one row per session (target), one column per rater,
   * every cell filled.
   *
   * @throws IllegalArgumentException for fewer than one row or column, rows of unequal length,
   *     or a value that is not a finite number
   */
  public static IntraclassCorrelation of(double[][] ratings) {
    if (ratings.length == 0 || ratings[0].length == 0) {
      throw new IllegalArgumentException("an ICC needs at least one session and one rater");
    }
    Sums sums = new Sums(ratings[0].length);
    for (double[] row : ratings) {
      if (row.length != sums.raters()) {
        throw new IllegalArgumentException("every session needs a rating by each of the "
            + sums.raters() + " raters");
      }
      sums.add(row);
    }
    return sums.correlation();
  }

  /**
   * The running sums of a two-way table of ratings, kept exactly (as decimals) so that the
   * coefficient does not depend on the order in which sessions are added or sums combined.
   */
  static final class Sums {
    private long n;
    private BigDecimal total = BigDecimal.ZERO;
    private BigDecimal squares = BigDecimal.ZERO;
    private BigDecimal rowSquares = BigDecimal.ZERO;
    private final BigDecimal[] columns;

    Sums(int raters) {
      columns = new BigDecimal[raters];
      java.util.Arrays.fill(columns, BigDecimal.ZERO);
    }

    int raters() {
      return columns.length;
    }

    long sessions() {
      return n;
    }

    /** Adds one session's ratings, one per rater in the table's column order. */
    void add(double[] row) {
      BigDecimal rowTotal = BigDecimal.ZERO;
      for (int j = 0; j < row.length; j++) {
        if (!Double.isFinite(row[j])) {
          throw new IllegalArgumentException("a rating must be a finite number");
        }
        BigDecimal value = new BigDecimal(row[j]);
        rowTotal = rowTotal.add(value);
        squares = squares.add(value.multiply(value));
        columns[j] = columns[j].add(value);
      }
      total = total.add(rowTotal);
      rowSquares = rowSquares.add(rowTotal.multiply(rowTotal));
      n++;
    }

    /** Adds everything another table with the same raters collected. */
    void combine(Sums other) {
      n += other.n;
      total = total.add(other.total);
      squares = squares.add(other.squares);
      rowSquares = rowSquares.add(other.rowSquares);
      for (int j = 0; j < columns.length; j++) {
        columns[j] = columns[j].add(other.columns[j]);
      }
    }

    IntraclassCorrelation correlation() {
      int k = columns.length;
      BigDecimal cells = BigDecimal.valueOf(n * k);
      BigDecimal correction = total.multiply(total).divide(cells, PRECISION);
      BigDecimal ssTotal = squares.subtract(correction);
      BigDecimal ssRows = rowSquares.divide(BigDecimal.valueOf(k), PRECISION)
          .subtract(correction);
      BigDecimal columnSquares = BigDecimal.ZERO;
      for (BigDecimal column : columns) {
        columnSquares = columnSquares.add(column.multiply(column));
      }
      BigDecimal ssColumns = columnSquares.divide(BigDecimal.valueOf(n), PRECISION)
          .subtract(correction);
      BigDecimal ssError = ssTotal.subtract(ssRows).subtract(ssColumns);
      double msr = n > 1 ? ssRows.doubleValue() / (n - 1) : 0;
      double msc = k > 1 ? ssColumns.doubleValue() / (k - 1) : 0;
      double mse = n > 1 && k > 1 ? ssError.doubleValue() / ((n - 1) * (double) (k - 1)) : 0;
      ImmutableIntraclassCorrelation.Builder result = ImmutableIntraclassCorrelation.builder()
          .sessions(n).raters(k).msSessions(msr).msRaters(msc).msError(mse);
      double denominator = msr + (k - 1) * mse + k * (msc - mse) / n;
      if (n < 2 || k < 2 || !(denominator > 0)) {
        return result.build();
      }
      double icc = (msr - mse) / denominator;
      result.icc(icc);
      // McGraw & Wong (1996), case 2A, single measure: Satterthwaite's degrees of freedom
      double fc = msc / mse;
      double a = n * (1 + (k - 1) * icc) - k * icc;
      double v = (k - 1) * (n - 1) * Math.pow(k * icc * fc + a, 2)
          / ((n - 1) * k * k * icc * icc * fc * fc + a * a);
      if (mse > 0 && Double.isFinite(v) && v > 0) {
        double fUpper = Statistics.fQuantile(0.975, n - 1, v);
        double fLower = Statistics.fQuantile(0.975, v, n - 1);
        double spread = k * msc + (k * n - k - n) * mse;
        result.lower(n * (msr - fUpper * mse) / (fUpper * spread + n * msr));
        result.upper(n * (fLower * msr - mse) / (spread + n * fLower * msr));
      }
      return result.build();
    }
  }
}
