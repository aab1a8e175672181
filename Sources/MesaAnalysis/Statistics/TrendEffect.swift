import MesaResults
/// The result of ``TrendModel/analyze(_:binary:level:)``.
package struct TrendEffect: Sendable, Hashable {
    /// The fitted change across the swept range with its interval (see
    /// ``TrendFit/effect(level:)``).
    package var effect: EffectEstimate
    /// β̂_x with its Wald interval (t for OLS, normal for Firth).
    package var slope: EffectEstimate
    /// The number of observations n.
    package var observationCount: Int
    /// [x_min, x_max] over all observations.
    package var xRange: ClosedRange<Double>
    /// Whether all y were identical, so that the effect was set to exactly 0.
    package var outcomesAreConstant: Bool
    /// One separate fit per covariate combination, in order of first appearance.
    package var slices: [TrendSlice]
    /// The worlds the least-squares standard errors are clustered by (CR2), or nil.
    package var worldClusters: Int? = nil
}

/// The effect within one covariate combination, from a fit of intercept + x on that slice
/// alone, over the slice's own x range.
package struct TrendSlice: Sendable, Hashable {
    /// The combination's labels.
    package var covariates: [String]
    /// Observations in the slice.
    package var observationCount: Int
    /// The slice's effect; nil when it has fewer than two distinct x values or cannot be
    /// fitted (e.g. OLS with n ≤ 2).
    package var effect: EffectEstimate?
}
