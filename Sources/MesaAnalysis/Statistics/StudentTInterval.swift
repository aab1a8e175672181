import MesaResults

/// The Student-t confidence interval for a mean.
///
/// For n values with mean x̄ and sample standard deviation s (n − 1 in the denominator), the
/// 95% interval is x̄ ± t_0.975(n − 1) · s/√n. With n = 1 there is no spread to estimate and the
/// interval is the point itself (lo = hi = mean). O(n).
public enum StudentTInterval {
    /// Mean and 95% interval of `values`; `nil` when there are none.
    public static func estimate(_ values: [Double], level: Double = 0.95) -> Estimate? {
        guard !values.isEmpty else { return nil }
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        guard values.count > 1 else { return Estimate(mean: mean, lo: mean, hi: mean) }
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        let half = StudentT.quantile(1 - (1 - level) / 2, degreesOfFreedom: n - 1) * (variance / n).squareRoot()
        return Estimate(mean: mean, lo: mean - half, hi: mean + half)
    }
}
