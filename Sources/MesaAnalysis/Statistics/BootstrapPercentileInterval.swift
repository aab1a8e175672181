import MesaResults
import Foundation

/// A bootstrap percentile interval over replicate values on the extended real line.
///
/// Replicates may be −∞ (the statistic fell below the swept range), +∞ (above it) or NaN
/// (undefined: no crossing, or the refit failed). The interval uses the **inverted-CDF
/// percentile** (Hyndman & Fan type 1, numpy's `method="inverted_cdf"`): with the B values
/// sorted as v₍₁₎ ≤ … ≤ v₍B₎, the q-quantile is v₍ⱼ₎ with j = ⌈q·B − 10⁻⁹⌉ clamped to 1…B (the
/// 10⁻⁹ absorbs rounding in q·B, e.g. (1 − 0.95)/2 · 400 = 10.000000000000009 → j = 10).
///
/// - lower end: the α/2 quantile with undefined replicates counted as −∞;
/// - upper end: the 1 − α/2 quantile with undefined replicates counted as +∞.
///
/// Undefined replicates thus widen both ends (conservative). An end is open (±∞) exactly when
/// at least j of the replicates lie beyond that side of the range (or are undefined), i.e.
/// when more than about α/2 of them do. Cost O(B log B).
package struct BootstrapPercentileInterval: Sendable, Hashable {
    /// The percentile interval; its ends may be infinite.
    package var interval: ConfidenceInterval
    /// The replicate values in replicate order (−∞ below, +∞ above, NaN undefined).
    package var replicates: [Double]
    /// Replicates equal to −∞.
    package var belowRangeCount: Int
    /// Replicates equal to +∞.
    package var aboveRangeCount: Int
    /// Replicates that are NaN.
    package var undefinedCount: Int

    /// Builds the interval from replicate values; nil without replicates or with a level
    /// outside (0, 1).
    package init?(replicates: [Double], level: Double) {
        guard !replicates.isEmpty, level > 0, level < 1 else { return nil }
        let alpha = 1 - level
        let lowerValues = replicates.map { $0.isNaN ? -Double.infinity : $0 }.sorted()
        let upperValues = replicates.map { $0.isNaN ? Double.infinity : $0 }.sorted()
        self.interval = ConfidenceInterval(
            lower: Self.invertedCDFQuantile(sorted: lowerValues, probability: alpha / 2),
            upper: Self.invertedCDFQuantile(sorted: upperValues, probability: 1 - alpha / 2),
            level: level)
        self.replicates = replicates
        self.belowRangeCount = replicates.filter { $0 == -.infinity }.count
        self.aboveRangeCount = replicates.filter { $0 == .infinity }.count
        self.undefinedCount = replicates.filter(\.isNaN).count
    }

    /// Whether the lower end is unbounded (−∞).
    package var lowerIsOpen: Bool { interval.lower == -.infinity }
    /// Whether the upper end is unbounded (+∞).
    package var upperIsOpen: Bool { interval.upper == .infinity }

    /// The type-1 (inverted-CDF) q-quantile of ascending values: v₍ⱼ₎, j = ⌈q·B − 10⁻⁹⌉
    /// clamped to 1…B; NaN for no values. O(1).
    package static func invertedCDFQuantile(sorted values: [Double], probability q: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let rank = Int((q * Double(values.count) - 1e-9).rounded(.up))
        return values[min(max(rank, 1), values.count) - 1]
    }
}
