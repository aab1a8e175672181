import MesaResults
import Foundation

/// The result of ``LeastSquares/fit(design:outcomes:)``.
package struct LinearFit: Sendable, Equatable {
    /// β̂ = (XᵀX)⁻¹Xᵀy, in design-column order.
    package var coefficients: [Double]
    /// σ̂²(XᵀX)⁻¹, k × k (what statsmodels' `OLS(...).fit().cov_params()` reports).
    package var covariance: [[Double]]
    /// n − k.
    package var residualDegreesOfFreedom: Int
    /// σ̂² = ‖y − Xβ̂‖² / (n − k).
    package var residualVariance: Double

    package init(
        coefficients: [Double], covariance: [[Double]], residualDegreesOfFreedom: Int,
        residualVariance: Double
    ) {
        self.coefficients = coefficients
        self.covariance = covariance
        self.residualDegreesOfFreedom = residualDegreesOfFreedom
        self.residualVariance = residualVariance
    }

    /// Standard errors √(σ̂²(XᵀX)⁻¹)ⱼⱼ.
    package var standardErrors: [Double] {
        covariance.indices.map { covariance[$0][$0].squareRoot() }
    }

    /// The t interval β̂ⱼ ± t_{1−α/2}(n − k)·SEⱼ, α = 1 − level.
    package func interval(coefficient j: Int, level: Double) -> ConfidenceInterval {
        .symmetric(
            estimate: coefficients[j], standardError: covariance[j][j].squareRoot(),
            quantile: ConfidenceInterval.studentQuantile(
                level: level, degreesOfFreedom: Double(residualDegreesOfFreedom)),
            level: level)
    }
}

/// Ordinary least squares y = Xβ + ε, ε ~ N(0, σ²I), via the normal equations XᵀXβ = Xᵀy
/// solved by Cholesky. O(n·k² + k³).
///
/// Meant for small, reasonably scaled designs (an intercept, a trend variable and dummy
/// columns): forming XᵀX squares the condition number, which is harmless there.
package enum LeastSquares {
    /// Fits y on X.
    ///
    /// - Returns: nil for malformed input (ragged or non-finite data, mismatched lengths), for
    ///   a rank-deficient design (XᵀX not numerically positive definite, see
    ///   ``CholeskyFactorization``), and when n ≤ k: without a residual degree of freedom σ̂²
    ///   and hence every interval are undefined.
    package static func fit(design: [[Double]], outcomes: [Double]) -> LinearFit? {
        guard let k = LinearAlgebra.columnCount(of: design), outcomes.count == design.count,
              outcomes.allSatisfy(\.isFinite), design.count > k else { return nil }
        let ones = [Double](repeating: 1, count: design.count)
        let gram = LinearAlgebra.weightedGram(design, weights: ones)
        guard let factor = CholeskyFactorization(gram) else { return nil }
        let beta = factor.solve(LinearAlgebra.transposeTimes(design, outcomes))
        var residualSumOfSquares = 0.0
        for (row, y) in zip(design, outcomes) {
            let r = y - LinearAlgebra.dot(row, beta)
            residualSumOfSquares += r * r
        }
        let df = design.count - k
        let variance = residualSumOfSquares / Double(df)
        let covariance = factor.inverse().map { $0.map { $0 * variance } }
        return LinearFit(
            coefficients: beta, covariance: covariance, residualDegreesOfFreedom: df,
            residualVariance: variance)
    }
}
