import Foundation
import MesaResults

/// The chi-square distribution's upper tail, P(χ²_ν > x) = Q(ν/2, x/2), the regularized upper
/// incomplete gamma function (Numerical Recipes §6.2: the series for x < a + 1, Lentz's continued
/// fraction otherwise; about 1e-14). Matches `scipy.stats.chi2.sf` (fixtures).
package enum ChiSquare {
    /// P(χ²_ν > x); 1 for x ≤ 0, NaN for ν ≤ 0.
    package static func survival(_ x: Double, degreesOfFreedom nu: Double) -> Double {
        guard nu > 0, !x.isNaN else { return .nan }
        if x <= 0 { return 1 }
        if x.isInfinite { return 0 }
        let a = nu / 2, z = x / 2
        let front = exp(a * log(z) - z - lgamma(a))
        if z < a + 1 {
            // P(a, z) by its series; Q = 1 − P.
            var term = 1 / a, sum = term, n = a
            for _ in 0..<10_000 {
                n += 1
                term *= z / n
                sum += term
                if abs(term) < abs(sum) * 1e-16 { break }
            }
            return max(0, 1 - sum * front)
        }
        let tiny = 1e-300
        var b = z + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1...10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = d * c
            h *= step
            if abs(step - 1) < 1e-16 { break }
        }
        return min(1, front * h)
    }
}

/// The deviance goodness-of-fit test of a binary trend fit on grouped runs: with yⱼ of nⱼ runs at
/// design point j and fitted share p̂ⱼ,
///
///     D = 2 Σⱼ [yⱼ log(yⱼ/(nⱼp̂ⱼ)) + (nⱼ − yⱼ) log((nⱼ − yⱼ)/(nⱼ(1 − p̂ⱼ)))]   (0·log 0 = 0)
///
/// against χ² on (points − coefficients) degrees of freedom. A small p-value says the logistic
/// curve does not describe the shares — e.g. a share that rises and then falls — so a crossing read
/// off it is not a property of the runs.
package struct GoodnessOfFit: Sendable, Hashable {
    package var deviance: Double
    package var degreesOfFreedom: Int
    /// P(χ²_df > D); 1 with no degrees of freedom (a saturated model cannot be tested).
    package var pValue: Double

    /// The level below which the fit is rejected.
    package static let alpha = 0.05

    /// Whether the test passes (p ≥ 0.05, or no degrees of freedom).
    package var passes: Bool { degreesOfFreedom <= 0 || pValue >= Self.alpha }

    /// The test of `fit` on binary `observations`; nil for non-binary data or unknown labels.
    package init?(fit: TrendFit, observations: [TrendObservation]) {
        guard fit.isBinary, let points = TrendPoints(observations, binary: true) else { return nil }
        var deviance = 0.0
        for (j, key) in points.keys.enumerated() {
            guard let eta = fit.linearPredictor(x: key.x, covariates: key.covariates) else { return nil }
            let p = LogisticRegression.expit(eta)
            let n = Double(points.members[j].count), y = points.sums[j]
            if y > 0 { deviance += 2 * y * log(y / (n * p)) }
            if n - y > 0 { deviance += 2 * (n - y) * log((n - y) / (n * (1 - p))) }
        }
        self.deviance = max(0, deviance)
        self.degreesOfFreedom = points.keys.count - fit.coefficients.count
        self.pValue = degreesOfFreedom > 0 ? ChiSquare.survival(self.deviance, degreesOfFreedom: Double(degreesOfFreedom)) : 1
    }
}
