import MesaResults
/// A two-sided confidence interval [lower, upper] at a confidence level such as 0.95.
///
/// Either end may be infinite (an open end, e.g. a bootstrap percentile that falls outside the
/// swept range); `lower ≤ upper` always holds for intervals built by this library.
package struct ConfidenceInterval: Sendable, Hashable {
    /// The lower end (may be −∞).
    package var lower: Double
    /// The upper end (may be +∞).
    package var upper: Double
    /// The nominal coverage, 0 < level < 1.
    package var level: Double

    package init(lower: Double, upper: Double, level: Double) {
        self.lower = lower
        self.upper = upper
        self.level = level
    }

    /// upper − lower (∞ for an open interval).
    package var width: Double { upper - lower }

    /// Whether lower ≤ value ≤ upper.
    package func contains(_ value: Double) -> Bool { lower <= value && value <= upper }

    /// The symmetric interval estimate ± quantile · standardError.
    package static func symmetric(
        estimate: Double, standardError: Double, quantile: Double, level: Double
    ) -> ConfidenceInterval {
        ConfidenceInterval(
            lower: estimate - quantile * standardError,
            upper: estimate + quantile * standardError,
            level: level)
    }

    /// The two-sided standard-normal quantile z = Φ⁻¹(1 − (1 − level)/2); NaN outside (0, 1).
    package static func normalQuantile(level: Double) -> Double {
        guard level > 0, level < 1 else { return .nan }
        return StandardNormal.quantile(0.5 + level / 2)
    }

    /// The two-sided Student-t quantile t_{1 − (1 − level)/2}(ν); NaN outside (0, 1) or ν < 1.
    package static func studentQuantile(level: Double, degreesOfFreedom nu: Double) -> Double {
        guard level > 0, level < 1 else { return .nan }
        return StudentT.quantile(0.5 + level / 2, degreesOfFreedom: nu)
    }
}
