import MesaResults
import Foundation

/// A fitted trend model η(x, c) = z(x, c)ᵀβ (see ``TrendDesign``): Firth logistic regression
/// for a binary metric (η on the logit scale), ordinary least squares otherwise.
package struct TrendFit: Sendable, Equatable {
    /// The design the coefficients refer to.
    package let design: TrendDesign
    /// β̂, one per `design.columns`.
    package let coefficients: [Double]
    /// The covariance of β̂: I(β̂)⁻¹ at the Firth estimate (binary) or σ̂²(XᵀX)⁻¹ (OLS).
    package let covariance: [[Double]]
    /// Whether the metric is binary (Firth logistic) or continuous (OLS).
    package let isBinary: Bool
    /// Residual degrees of freedom n − k of the OLS fit; nil for a binary fit (normal
    /// intervals).
    package let residualDegreesOfFreedom: Int?
    /// The number of worlds G when the OLS covariance is clustered by world (CR2, with G − 1
    /// degrees of freedom in `residualDegreesOfFreedom`); nil otherwise.
    package var worldClusters: Int? = nil

    /// β̂_x, the change of η per unit of x.
    package var slopeCoefficient: Double { coefficients[TrendDesign.slopeIndex] }

    /// The linear predictor z(x, c)ᵀβ̂; nil for unknown covariate labels.
    package func linearPredictor(x: Double, covariates: [String]) -> Double? {
        design.row(x: x, covariates: covariates).map { LinearAlgebra.dot($0, coefficients) }
    }

    /// The two-sided quantile of the interval: t(n − k) for OLS, standard normal for Firth.
    func quantile(level: Double) -> Double {
        if let df = residualDegreesOfFreedom {
            return ConfidenceInterval.studentQuantile(level: level, degreesOfFreedom: Double(df))
        }
        return ConfidenceInterval.normalQuantile(level: level)
    }

    /// β̂_x with its Wald interval β̂_x ± q·SE (q from t(n − k) for OLS, normal for Firth).
    package func slope(level: Double) -> EffectEstimate {
        let j = TrendDesign.slopeIndex
        let se = covariance[j][j].squareRoot()
        return EffectEstimate(
            estimate: coefficients[j], standardError: se,
            interval: .symmetric(
                estimate: coefficients[j], standardError: se, quantile: quantile(level: level),
                level: level))
    }

    /// The fitted change across the swept range, Δ = fitted(x_max) − fitted(x_min).
    ///
    /// - Continuous: Δ = β̂_x(x_max − x_min) with SE = (x_max − x_min)·SE(β̂_x) and the
    ///   interval Δ ± t_{1−α/2}(n − k)·SE.
    /// - Binary: Δ = (1/G) Σ_g [expit(z_g(x_max)ᵀβ̂) − expit(z_g(x_min)ᵀβ̂)] over the G distinct
    ///   covariate combinations present (equal weights). Delta method: with
    ///   ∇ = (1/G) Σ_g [p_g1(1 − p_g1)z_g(x_max) − p_g0(1 − p_g0)z_g(x_min)],
    ///   SE = √(∇ᵀ I(β̂)⁻¹ ∇), and the interval Δ ± z_{1−α/2}·SE clipped to [−1, 1].
    ///
    /// O(G·k²).
    package func effect(level: Double) -> EffectEstimate {
        let (xMin, xMax) = (design.xRange.lowerBound, design.xRange.upperBound)
        if !isBinary {
            let slope = slope(level: level)
            let width = xMax - xMin
            let estimate = slope.estimate * width, se = slope.standardError * width
            return EffectEstimate(
                estimate: estimate, standardError: se,
                interval: .symmetric(
                    estimate: estimate, standardError: se, quantile: quantile(level: level),
                    level: level))
        }
        let (estimate, se) = binaryEffectAndStandardError()
        return EffectEstimate(
            estimate: estimate, standardError: se,
            interval: Self.clippedNormalInterval(estimate: estimate, standardError: se, level: level))
    }

    /// Δ and its delta-method SE for a binary fit (see ``effect(level:)``).
    func binaryEffectAndStandardError() -> (effect: Double, standardError: Double) {
        let (xMin, xMax) = (design.xRange.lowerBound, design.xRange.upperBound)
        let k = coefficients.count
        var effect = 0.0
        var gradient = [Double](repeating: 0, count: k)
        for combination in design.combinations {
            // Every present combination has known labels, so the rows exist.
            guard let high = design.row(x: xMax, covariates: combination),
                  let low = design.row(x: xMin, covariates: combination) else { continue }
            let p1 = LogisticRegression.expit(LinearAlgebra.dot(high, coefficients))
            let p0 = LogisticRegression.expit(LinearAlgebra.dot(low, coefficients))
            effect += p1 - p0
            for j in 0..<k { gradient[j] += p1 * (1 - p1) * high[j] - p0 * (1 - p0) * low[j] }
        }
        let g = Double(design.combinations.count)
        effect /= g
        gradient = gradient.map { $0 / g }
        let variance = LinearAlgebra.quadraticForm(covariance, gradient)
        return (effect, max(variance, 0).squareRoot())
    }

    /// estimate ± z_{1−α/2}·SE, clipped to [−1, 1] (a difference of two probabilities).
    static func clippedNormalInterval(
        estimate: Double, standardError: Double, level: Double
    ) -> ConfidenceInterval {
        let z = ConfidenceInterval.normalQuantile(level: level)
        return ConfidenceInterval(
            lower: max(-1, estimate - z * standardError),
            upper: min(1, estimate + z * standardError),
            level: level)
    }

    /// Where the fitted share crosses ½ for covariate combination c, in the predicted direction, as
    /// N* is read ("the N from which search is selected in at least half of the runs": a rising
    /// share): `.inside(x*)` with x* = −η_c(0)/β̂_x when the fitted share is on different sides of ½
    /// at x_min and x_max and crosses the predicted way; `.undefined` when it crosses the other way
    /// (a downward crossing is no N* of a rising share: reading one as N* was wrong). On one side of
    /// ½ throughout the range, whichever the slope, for a rising share `.aboveRange` when below
    /// (search is selected in fewer than half of the runs everywhere swept: N* lies beyond the
    /// sweep, if anywhere) and `.belowRange` when above (mirrored for a falling share). Whether the
    /// full-data slope has the predicted sign is checked by the callers, which then state no N*
    /// (`CrossoverFinder`, `CrossoverShiftCheck`). `.undefined` also when the share is exactly ½ at
    /// an end, or for a fit that is not binary. η_c(0) = z(0, c)ᵀβ̂ (intercept plus c's dummy
    /// coefficients). Nil for unknown labels. O(k).
    package func crossover(covariates: [String], rising: Bool = true) -> CrossoverLocation? {
        guard let low = linearPredictor(x: design.xRange.lowerBound, covariates: covariates),
              let high = linearPredictor(x: design.xRange.upperBound, covariates: covariates),
              let intercept = linearPredictor(x: 0, covariates: covariates) else { return nil }
        guard isBinary, low != 0, high != 0 else { return .undefined }
        if low < 0, high < 0 { return rising ? .aboveRange : .belowRange }
        if low > 0, high > 0 { return rising ? .belowRange : .aboveRange }
        // A crossing inside the range must go the predicted way.
        guard rising ? slopeCoefficient > 0 : slopeCoefficient < 0 else { return .undefined }
        let x = -intercept / slopeCoefficient
        return .inside(min(max(x, design.xRange.lowerBound), design.xRange.upperBound))
    }
}
