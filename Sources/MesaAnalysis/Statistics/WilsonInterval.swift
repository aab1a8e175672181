import MesaResults

/// The Wilson score interval for a binomial share: k successes in n trials (Wilson 1927).
///
/// With p̂ = k/n and z = Φ⁻¹(1 − α/2) (1.959964 for 95%),
///
///     centre = (p̂ + z²/(2n)) / (1 + z²/n)
///     half   = z / (1 + z²/n) · √(p̂(1 − p̂)/n + z²/(4n²))
///
/// and the interval is [centre − half, centre + half], clipped to [0, 1] (and exactly 0 at k = 0,
/// 1 at k = n). Unlike the Wald interval it is never degenerate at 0/n or n/n (0/10 gives
/// [0, 0.2775]). Matches statsmodels' `proportion_confint(method="wilson")` (fixtures). O(1).
public enum WilsonInterval {
    /// z for a two-sided 95% interval, as the contract fixes it.
    public static let z95 = 1.959964

    /// The estimate of the share: mean p̂ and its Wilson interval. `nil` when n = 0.
    public static func estimate(successes: Int, trials: Int, z: Double = z95) -> Estimate? {
        guard trials > 0, successes >= 0, successes <= trials else { return nil }
        let (lo, hi) = bounds(successes: Double(successes), trials: Double(trials), z: z)
        return Estimate(mean: Double(successes) / Double(trials), lo: lo, hi: hi)
    }

    /// The interval at `level`; nil when n ≤ 0, k ∉ [0, n], or the level is not in (0, 1).
    package static func interval(successes k: Double, trials n: Double, level: Double) -> ConfidenceInterval? {
        guard n > 0, k >= 0, k <= n, level > 0, level < 1 else { return nil }
        let (lo, hi) = bounds(successes: k, trials: n, z: ConfidenceInterval.normalQuantile(level: level))
        return ConfidenceInterval(lower: lo, upper: hi, level: level)
    }

    /// Integer counts.
    package static func interval(successes k: Int, trials n: Int, level: Double) -> ConfidenceInterval? {
        interval(successes: Double(k), trials: Double(n), level: level)
    }

    /// The smallest share bound that `at_most` can show from 0 successes in n trials (the upper
    /// end z²/(n + z²)), and its mirror for `at_least`.
    package static func smallestUpperBound(trials n: Int, level: Double) -> Double {
        let z = ConfidenceInterval.normalQuantile(level: level)
        return z * z / (Double(n) + z * z)
    }

    private static func bounds(successes k: Double, trials n: Double, z: Double) -> (Double, Double) {
        let share = k / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (share + z2 / (2 * n)) / denominator
        let half = z / denominator * (share * (1 - share) / n + z2 / (4 * n * n)).squareRoot()
        // At k = 0 (k = n) the lower (upper) end is exactly 0 (1); say so rather than leave a
        // rounding error of one ulp.
        let lo = k == 0 ? 0 : Swift.max(0, centre - half)
        let hi = k == n ? 1 : Swift.min(1, centre + half)
        return (lo, hi)
    }
}
