/// Adam (Kingma & Ba 2015) with optional decoupled weight decay (AdamW, Loshchilov & Hutter
/// 2019), in the form PyTorch uses, so a step can be checked against it:
///
///     p ← p · (1 − lr·λ)                       (only when λ > 0)
///     m ← β₁ m + (1 − β₁) g,   v ← β₂ v + (1 − β₂) g²
///     p ← p − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
///
/// with β₁ = 0.9, β₂ = 0.999, ε = 1e-8. The bias corrections are computed in `Double`; the
/// moments live in the model's scalar type. O(P) per step for P parameters, element by element,
/// so the result does not depend on any summation order.
struct Adam<S: LearningScalar>: Sendable {
    /// Decay of the first moment.
    let beta1: Double
    /// Decay of the second moment.
    let beta2: Double
    /// Added to the denominator.
    let epsilon: Double
    /// Decoupled weight decay λ.
    let weightDecay: Double
    /// First moments, one per parameter.
    private(set) var first: [S]
    /// Second moments, one per parameter.
    private(set) var second: [S]
    /// Updates applied since the start or the last `reset()`.
    private(set) var step = 0
    /// β₁ᵗ and β₂ᵗ, kept as running products (no `pow`, whose C implementation differs by CPU).
    private var beta1Power = 1.0, beta2Power = 1.0

    /// An optimizer for `count` parameters with zero moments.
    init(count: Int, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8, weightDecay: Double = 0) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        first = [S](repeating: 0, count: count)
        second = [S](repeating: 0, count: count)
    }

    /// Forgets the moments and the step count (a new training phase).
    mutating func reset() {
        for i in first.indices { first[i] = 0; second[i] = 0 }
        step = 0
        beta1Power = 1
        beta2Power = 1
    }

    /// One update of `parameters` along `gradient` (same count) at `learningRate`.
    mutating func update(_ parameters: UnsafeMutableBufferPointer<S>, gradient: UnsafeBufferPointer<S>,
                         learningRate: Double) {
        precondition(parameters.count == first.count && gradient.count == first.count, "Adam: size mismatch")
        step += 1
        beta1Power *= beta1
        beta2Power *= beta2
        let correction1 = 1 - beta1Power, correction2 = 1 - beta2Power
        let stepSize = S(learningRate / correction1)
        let rootCorrection2 = S(correction2.squareRoot())
        let decay = S(1 - learningRate * weightDecay)
        let b1 = S(beta1), b2 = S(beta2), c1 = S(1 - beta1), c2 = S(1 - beta2), eps = S(epsilon)
        let useDecay = weightDecay != 0
        for i in 0..<parameters.count {
            let g = gradient[i]
            let m = b1 * first[i] + c1 * g
            let v = b2 * second[i] + c2 * (g * g)
            first[i] = m
            second[i] = v
            var p = parameters[i]
            if useDecay { p = p * decay }
            parameters[i] = p - stepSize * (m / (v.squareRoot() / rootCorrection2 + eps))
        }
    }

    /// `update` on arrays.
    mutating func update(_ parameters: inout [S], gradient: [S], learningRate: Double) {
        parameters.withUnsafeMutableBufferPointer { p in
            gradient.withUnsafeBufferPointer { g in update(p, gradient: g, learningRate: learningRate) }
        }
    }
}
