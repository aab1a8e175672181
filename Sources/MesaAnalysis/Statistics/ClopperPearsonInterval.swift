import Foundation
import MesaResults

/// The Clopper–Pearson ("exact") interval for a binomial share: k successes in n trials
/// (Clopper and Pearson 1934).
///
/// With α = 1 − level, the ends are quantiles of beta distributions,
///
///     lower = B⁻¹(α/2; k, n − k + 1)      (0 when k = 0)
///     upper = B⁻¹(1 − α/2; k + 1, n − k)  (1 when k = n)
///
/// the inversion of two one-sided binomial tests, so each end misses the true share with
/// probability at most α/2 for every share and every n (conservative, unlike Wilson's interval,
/// which falsely holds 4–5% at a nominal 2.5% for a share on a bound near 0 or 1). 0 of n gives the
/// closed form upper = 1 − (α/2)^(1/n). Matches scipy's
/// `binomtest(k, n).proportion_ci(confidence_level, method="exact")` (fixtures). O(log(1/ε)) beta
/// evaluations per end.
package enum ClopperPearsonInterval {
    /// The interval at `level`; nil when n ≤ 0, k ∉ [0, n], or the level is not in (0, 1).
    package static func interval(successes k: Int, trials n: Int, level: Double) -> ConfidenceInterval? {
        guard n > 0, k >= 0, k <= n, level > 0, level < 1 else { return nil }
        let alpha = 1 - level
        let (kd, nd) = (Double(k), Double(n))
        let lower = k == 0 ? 0 : BetaQuantile.quantile(alpha / 2, a: kd, b: nd - kd + 1)
        let upper = k == n ? 1 : BetaQuantile.quantile(1 - alpha / 2, a: kd + 1, b: nd - kd)
        return ConfidenceInterval(lower: lower, upper: upper, level: level)
    }

    /// The interval of the 0/1 values of a flag metric (a value ≥ ½ counts as 1).
    package static func interval(flags values: [Double], level: Double) -> ConfidenceInterval? {
        interval(successes: values.filter { $0 >= 0.5 }.count, trials: values.count, level: level)
    }

    /// The upper end from 0 successes in n trials, 1 − (α/2)^(1/n): the smallest share bound that
    /// `at_most` can show with n runs (its mirror, 1 minus it, for `at_least`).
    package static func smallestUpperBound(trials n: Int, level: Double) -> Double {
        1 - pow((1 - level) / 2, 1 / Double(n))
    }
}

/// The quantile of the beta distribution: the x with I_x(a, b) = p.
enum BetaQuantile {
    /// x in [0, 1] with I_x(a, b) = p, by bisection on the regularized incomplete beta function
    /// (monotone in x) to the last bit: at most about 1,100 halvings, usually ~60. a, b > 0.
    static func quantile(_ p: Double, a: Double, b: Double) -> Double {
        if p <= 0 { return 0 }
        if p >= 1 { return 1 }
        var (lo, hi) = (0.0, 1.0)
        while true {
            let mid = lo + (hi - lo) / 2
            if mid <= lo || mid >= hi { return mid }
            if IncompleteBeta.regularized(x: mid, a: a, b: b) < p { lo = mid } else { hi = mid }
        }
    }
}
