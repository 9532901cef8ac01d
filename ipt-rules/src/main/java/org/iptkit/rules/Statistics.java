package org.iptkit.rules;

/**
 * The arithmetic behind the intervals of a cohort report: the 95 % Wilson score interval of a
 * proportion, Student's t interval of a mean, and the F distribution that the intraclass
 * correlation's interval (McGraw &amp; Wong 1996) and the t quantile rest on. Everything here is
 * a pure function of its arguments, so a report is the same whatever the order of its courses.
 */
final class Statistics {
  private Statistics() {}

  /** The standard normal quantile of 0.975: a 95 % two-sided interval. */
  static final double Z_95 = 1.959963984540054;

  private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851,
      -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
      -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};

  /**
   * The 95 % Wilson score interval of {@code count} out of {@code n} (Wilson 1927; Newcombe
   * 1998, method 3): {@code {lower, upper}}, exactly 0 and 1 at the ends; {@code null} for n 0.
   */
  static double[] wilson(long count, long n) {
    if (n == 0) {
      return null;
    }
    double p = (double) count / n;
    double z2 = Z_95 * Z_95;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denominator;
    double half = Z_95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
    double lower = count == 0 ? 0 : Math.max(0, centre - half);
    double upper = count == n ? 1 : Math.min(1, centre + half);
    return new double[] {lower, upper};
  }

  /** The natural logarithm of the gamma function (Lanczos approximation, g = 7). */
  static double logGamma(double x) {
    if (x < 0.5) {
      return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
    }
    double shifted = x - 1;
    double sum = LANCZOS[0];
    double t = shifted + 7.5;
    for (int i = 1; i < LANCZOS.length; i++) {
      sum += LANCZOS[i] / (shifted + i);
    }
    return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(sum);
  }

  /** The regularized incomplete beta function I_x(a, b). */
  static double regularizedBeta(double x, double a, double b) {
    if (x <= 0) {
      return 0;
    }
    if (x >= 1) {
      return 1;
    }
    double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b)
        + a * Math.log(x) + b * Math.log1p(-x));
    if (x < (a + 1) / (a + b + 2)) {
      return front * betaFraction(x, a, b) / a;
    }
    return 1 - front * betaFraction(1 - x, b, a) / b;
  }

  /** The continued fraction of the incomplete beta function (modified Lentz). */
  private static double betaFraction(double x, double a, double b) {
    final double tiny = 1e-300;
    double qab = a + b;
    double qap = a + 1;
    double qam = a - 1;
    double c = 1;
    double d = 1 - qab * x / qap;
    d = Math.abs(d) < tiny ? tiny : d;
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= 10_000; m++) {
      int m2 = 2 * m;
      double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
      d = 1 + aa * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = 1 + aa / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      h *= d * c;
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
      d = 1 + aa * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = 1 + aa / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      double step = d * c;
      h *= step;
      if (Math.abs(step - 1) < 1e-15) {
        break;
      }
    }
    return h;
  }

  /** P(F ≤ f) for an F distribution with the given (possibly fractional) degrees of freedom. */
  static double fCdf(double f, double df1, double df2) {
    if (f <= 0) {
      return 0;
    }
    return regularizedBeta(df1 * f / (df1 * f + df2), df1 / 2, df2 / 2);
  }

  /**
   * The {@code p} quantile of an F distribution with the given (possibly fractional) degrees of
   * freedom, by bisection to the precision of a double.
   */
  static double fQuantile(double p, double df1, double df2) {
    double low = 0;
    double high = 1;
    while (fCdf(high, df1, df2) < p && high < 1e300) {
      low = high;
      high *= 2;
    }
    for (int i = 0; i < 2_000 && high - low > 1e-15 * high; i++) {
      double mid = (low + high) / 2;
      if (fCdf(mid, df1, df2) < p) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return (low + high) / 2;
  }

  /** The 0.975 quantile of Student's t with {@code df} degrees of freedom (a 95 % interval). */
  static double t975(double df) {
    return Math.sqrt(fQuantile(0.95, 1, df));
  }
}
