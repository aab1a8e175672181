import MesaResults
import Foundation

/// Binary logistic regression, P(yᵢ = 1) = expit(xᵢᵀβ), by maximum likelihood or by Firth's
/// bias-reduced penalized likelihood.
///
/// **Maximum likelihood** maximizes ℓ(β) = Σ wᵢ[yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ)] by
/// Newton–Raphson (= IRLS for the canonical link): β ← β + I(β)⁻¹U(β) with score
/// U = Xᵀ(w∘(y − p)) and Fisher information I = XᵀWX, W = diag(wᵢpᵢ(1 − pᵢ)).
///
/// **Firth** (1993) maximizes ℓ*(β) = ℓ(β) + ½ log|I(β)| (Jeffreys-prior penalty), whose
/// gradient is the modified score U*(β) = Xᵀ(w∘(y − p) + h∘(½ − p)), hᵢ the diagonal of the
/// hat matrix W^½X(XᵀWX)⁻¹XᵀW^½, i.e. hᵢ = wᵢpᵢ(1 − pᵢ)·xᵢᵀI⁻¹xᵢ. Steps are β ← β + I⁻¹U*.
/// The estimate is finite even under complete or quasi-complete separation.
///
/// Both iterations start at β = 0, cap each step at 5 in every coordinate (as logistf does),
/// and halve a step (up to 30 times) until the (penalized) log-likelihood does not decrease.
/// Convergence: max|U| ≤ 1e-10 **and** max|I⁻¹U| ≤ 1e-6. The second test matters for ML on
/// separated data, where U → 0 while the Newton step stays of order one as β̂ drifts to ±∞:
/// such a fit ends with `converged == false` (step-halving or information-matrix failure, or
/// the iteration cap) instead of reporting huge coefficients as an estimate.
///
/// Cost: O(n·k²) per likelihood evaluation plus O(k³) for the Cholesky factorization.
package enum LogisticRegression {
    /// Convergence tolerance on max|U(β)| (or |U*(β)|).
    package static let scoreTolerance = 1e-10
    /// Convergence tolerance on the last Newton step max|I⁻¹U|.
    package static let stepTolerance = 1e-6
    /// Newton iteration cap.
    package static let maximumIterations = 200
    /// Largest change of any coefficient in one step.
    package static let maximumStep = 5.0
    /// Step-halvings tried per iteration.
    package static let maximumHalvings = 30

    /// Fits the model to 0/1 outcomes, one per design row.
    ///
    /// - Parameters:
    ///   - design: n × k design matrix X (include an intercept column yourself).
    ///   - outcomes: n values yᵢ ∈ [0, 1] (0/1, or proportions when `weights` are counts).
    ///   - weights: optional non-negative frequency weights wᵢ (default 1). A row with weight m
    ///     and outcome s/m stands for m rows with s ones: the fit, covariance and
    ///     log-likelihood equal those of the expanded data, Firth included.
    ///   - firth: whether to apply Firth's penalty.
    /// - Returns: nil for malformed input (ragged/non-finite design, outcomes outside [0, 1],
    ///   negative weights, mismatched lengths) or a rank-deficient design (XᵀWX singular at
    ///   β = 0); otherwise the fit, with `converged` telling whether it may be used.
    package static func fit(
        design: [[Double]], outcomes: [Double], weights: [Double]? = nil, firth: Bool
    ) -> LogisticFit? {
        guard let k = LinearAlgebra.columnCount(of: design), outcomes.count == design.count,
              outcomes.allSatisfy({ $0 >= 0 && $0 <= 1 }) else { return nil }
        let caseWeights = weights ?? [Double](repeating: 1, count: design.count)
        guard caseWeights.count == design.count,
              caseWeights.allSatisfy({ $0.isFinite && $0 >= 0 }) else { return nil }
        let problem = Problem(design: design, outcomes: outcomes, weights: caseWeights, firth: firth)

        var beta = [Double](repeating: 0, count: k)
        guard var current = problem.evaluate(beta) else { return nil }
        var iterations = 0
        var converged = false
        while true {
            let step = current.factor.solve(current.score)
            let maxScore = current.score.reduce(0) { max($0, abs($1)) }
            let maxStep = step.reduce(0) { max($0, abs($1)) }
            if maxScore <= scoreTolerance && maxStep <= stepTolerance { converged = true; break }
            guard iterations < maximumIterations, maxStep.isFinite else { break }
            let scale = maxStep > maximumStep ? maximumStep / maxStep : 1
            var factor = scale
            var accepted: (beta: [Double], evaluation: Evaluation)?
            for _ in 0...maximumHalvings {
                let candidate = zip(beta, step).map { $0 + factor * $1 }
                if let evaluation = problem.evaluate(candidate),
                   evaluation.logLikelihood >= current.logLikelihood
                       - 1e-13 * max(1, abs(current.logLikelihood)) {
                    accepted = (candidate, evaluation)
                    break
                }
                factor /= 2
            }
            guard let (nextBeta, next) = accepted else { break }
            beta = nextBeta
            current = next
            iterations += 1
        }
        return LogisticFit(
            coefficients: beta,
            covariance: current.factor.inverse(),
            logLikelihood: current.logLikelihood,
            iterations: iterations,
            converged: converged,
            maxAbsoluteScore: current.score.reduce(0) { max($0, abs($1)) },
            isFirth: firth)
    }

    /// expit(η) = 1/(1 + e^(−η)), evaluated without overflow. O(1).
    package static func expit(_ eta: Double) -> Double {
        if eta >= 0 { return 1 / (1 + exp(-eta)) }
        let e = exp(eta)
        return e / (1 + e)
    }

    /// softplus(t) = log(1 + eᵗ), evaluated without overflow; log pᵢ = −softplus(−ηᵢ).
    static func softplus(_ t: Double) -> Double {
        max(t, 0) + log1p(exp(-abs(t)))
    }

    /// What one iteration needs at a given β.
    struct Evaluation {
        /// ℓ(β), or ℓ*(β) for Firth.
        var logLikelihood: Double
        /// U(β), or U*(β) for Firth.
        var score: [Double]
        /// Cholesky factor of I(β) = XᵀWX.
        var factor: CholeskyFactorization
    }

    /// The data of one fit.
    struct Problem {
        var design: [[Double]]
        var outcomes: [Double]
        var weights: [Double]
        var firth: Bool

        /// Likelihood, score and information at β; nil when I(β) is numerically singular.
        /// O(n·k² + k³).
        func evaluate(_ beta: [Double]) -> Evaluation? {
            let n = design.count
            var fisherWeights = [Double](repeating: 0, count: n)
            var residuals = [Double](repeating: 0, count: n)
            var probabilities = [Double](repeating: 0, count: n)
            var logLikelihood = 0.0
            for i in 0..<n {
                let eta = LinearAlgebra.dot(design[i], beta)
                guard eta.isFinite else { return nil }
                let p = expit(eta), q = expit(-eta)
                let y = outcomes[i], w = weights[i]
                probabilities[i] = p
                fisherWeights[i] = w * p * q
                residuals[i] = w * (y - p)
                if w != 0 {
                    if y > 0 { logLikelihood -= w * y * softplus(-eta) }
                    if y < 1 { logLikelihood -= w * (1 - y) * softplus(eta) }
                }
            }
            let information = LinearAlgebra.weightedGram(design, weights: fisherWeights)
            guard let factor = CholeskyFactorization(information) else { return nil }
            if firth {
                logLikelihood += 0.5 * factor.logDeterminant
                for i in 0..<n where fisherWeights[i] != 0 {
                    let leverage = fisherWeights[i] * factor.inverseQuadraticForm(design[i])
                    residuals[i] += leverage * (0.5 - probabilities[i])
                }
            }
            let score = LinearAlgebra.transposeTimes(design, residuals)
            guard logLikelihood.isFinite, score.allSatisfy(\.isFinite) else { return nil }
            return Evaluation(logLikelihood: logLikelihood, score: score, factor: factor)
        }
    }
}
