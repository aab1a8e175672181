import MesaResults

/// The Wilson score interval for a binomial share: k successes in n trials.
///
/// With p̂ = k/n and z the normal quantile (1.959964 for 95%),
///
///     centre = (p̂ + z²/(2n)) / (1 + z²/n)
///     half   = z / (1 + z²/n) · √(p̂(1 − p̂)/n + z²/(4n²))
///
/// and the interval is [centre − half, centre + half], clipped to [0, 1] (and exactly 0 at k = 0, 1 at k = n). Unlike the Wald
/// interval it is never degenerate at 0/n or n/n (0/10 gives [0, 0.2775]). O(1).
public enum WilsonInterval {
    /// z for a two-sided 95% interval, as the contract fixes it.
    public static let z95 = 1.959964

    /// The estimate of the share: mean p̂ and its Wilson interval. `nil` when n = 0.
    public static func estimate(successes: Int, trials: Int, z: Double = z95) -> Estimate? {
        guard trials > 0 else { return nil }
        let n = Double(trials)
        let share = Double(successes) / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (share + z2 / (2 * n)) / denominator
        let half = z / denominator * (share * (1 - share) / n + z2 / (4 * n * n)).squareRoot()
        // At k = 0 (k = n) the lower (upper) end is exactly 0 (1); say so rather than leave
        // a rounding error of one ulp.
        let lo = successes == 0 ? 0 : Swift.max(0, centre - half)
        let hi = successes == trials ? 1 : Swift.min(1, centre + half)
        return Estimate(mean: share, lo: lo, hi: hi)
    }
}
