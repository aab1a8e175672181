import MesaResults
import Foundation

/// The result of ``LogisticRegression/fit(design:outcomes:weights:firth:)``.
///
/// `covariance` is the inverse Fisher information I(β̂)⁻¹ = (XᵀŴX)⁻¹ with Ŵ = diag(wᵢ p̂ᵢ(1 − p̂ᵢ))
/// at the estimate, for both the ML and the Firth fit; this is what statsmodels' `cov_params()`
/// and logistf / firthmodels report and use for Wald intervals.
package struct LogisticFit: Sendable, Equatable {
    /// β̂, one per design column, in design-column order.
    package var coefficients: [Double]
    /// I(β̂)⁻¹, k × k.
    package var covariance: [[Double]]
    /// ℓ(β̂) = Σ wᵢ[yᵢ log p̂ᵢ + (1 − yᵢ) log(1 − p̂ᵢ)]; for a Firth fit the penalized
    /// ℓ(β̂) + ½ log|I(β̂)|.
    package var logLikelihood: Double
    /// Newton steps taken.
    package var iterations: Int
    /// Whether the (modified) score reached the tolerance. An ML fit on (quasi-)separated
    /// data does not converge: its coefficients drift towards ±∞ and must not be used.
    package var converged: Bool
    /// max |U(β̂)| (or |U*(β̂)| for Firth) at the returned estimate.
    package var maxAbsoluteScore: Double
    /// Whether this is Firth's bias-reduced (penalized) fit.
    package var isFirth: Bool

    package init(
        coefficients: [Double], covariance: [[Double]], logLikelihood: Double, iterations: Int,
        converged: Bool, maxAbsoluteScore: Double, isFirth: Bool
    ) {
        self.coefficients = coefficients
        self.covariance = covariance
        self.logLikelihood = logLikelihood
        self.iterations = iterations
        self.converged = converged
        self.maxAbsoluteScore = maxAbsoluteScore
        self.isFirth = isFirth
    }

    /// Wald standard errors √(I⁻¹)ⱼⱼ.
    package var standardErrors: [Double] {
        covariance.indices.map { covariance[$0][$0].squareRoot() }
    }

    /// The Wald interval β̂ⱼ ± z·SEⱼ with z = Φ⁻¹(1 − α/2), α = 1 − level.
    package func waldInterval(coefficient j: Int, level: Double) -> ConfidenceInterval {
        .symmetric(
            estimate: coefficients[j], standardError: covariance[j][j].squareRoot(),
            quantile: ConfidenceInterval.normalQuantile(level: level), level: level)
    }
}
