/// The two reference predictors of SCIENCE.md §7.1, in `Double`, from a sequence packed by
/// `SequenceBuilder<Double>` (A = XᵀX by rows, b = Xᵀy, x_q).
enum RegressionBaselines {
    /// Ridge regression with λ = σ²: ((A + σ²I)⁻¹ b)·x_q — the posterior mean for w ~ N(0, I_d),
    /// the general in-context learner. Cholesky factorisation, O(d³/3).
    static func ridge(_ packed: UnsafePointer<Lanes<Double>>, dimension d: Int, noise: Double) -> Double {
        let chunks = laneChunks(d)
        var l = [Double](repeating: 0, count: d * d)
        var w = [Double](repeating: 0, count: d)
        for i in 0..<d {
            for j in 0...i {
                var sum = packed[i * chunks + j / laneWidth][j % laneWidth] + (i == j ? noise : 0)
                for k in 0..<j { sum -= l[i * d + k] * l[j * d + k] }
                l[i * d + j] = i == j ? sum.squareRoot() : sum / l[j * d + j]
            }
        }
        let moment = packed + d * chunks, query = packed + (d + 1) * chunks
        for i in 0..<d {  // L z = b
            var sum = moment[i / laneWidth][i % laneWidth]
            for k in 0..<i { sum -= l[i * d + k] * w[k] }
            w[i] = sum / l[i * d + i]
        }
        for i in stride(from: d - 1, through: 0, by: -1) {  // Lᵀ w = z
            var sum = w[i]
            for k in (i + 1)..<d { sum -= l[k * d + i] * w[k] }
            w[i] = sum / l[i * d + i]
        }
        var prediction = 0.0
        for i in 0..<d { prediction += w[i] * query[i / laneWidth][i % laneWidth] }
        return prediction
    }

    /// dMMSE, the Bayes predictor whose prior is uniform on the pool: Σ_j a_j w_j·x_q with
    /// a_j ∝ exp(−L_j/(2σ²)), L_j = Σ_i (y_i − w_j·x_i)² = c − 2 w_j·b + w_jᵀ A w_j.
    /// `pool` holds N tasks as `Lanes` vectors (C chunks each, zero-padded). O(N·(d² + d)),
    /// SIMD over the lanes, sums in a fixed order.
    static func dmmse(_ packed: UnsafePointer<Lanes<Double>>, yy: Double, dimension d: Int, noise: Double,
                      pool: UnsafeBufferPointer<Lanes<Double>>, logits: inout [Double]) -> Double {
        let chunks = laneChunks(d), count = pool.count / chunks
        let gram = packed, moment = packed + d * chunks, query = packed + (d + 1) * chunks
        if logits.count < 2 * count { logits = [Double](repeating: 0, count: 2 * count) }
        var largest = -Double.infinity
        for j in 0..<count {
            let w = pool.baseAddress! + j * chunks
            var quadratic = Lanes<Double>.zero, linear = Lanes<Double>.zero, value = Lanes<Double>.zero
            for c in 0..<chunks {
                var row = Lanes<Double>.zero
                for k in 0..<d { row += w[k / laneWidth][k % laneWidth] * gram[k * chunks + c] }
                quadratic += w[c] * row
                linear += w[c] * moment[c]
                value += w[c] * query[c]
            }
            let logit = -(yy - 2 * laneSum(linear) + laneSum(quadratic)) / (2 * noise)
            logits[2 * j] = logit
            logits[2 * j + 1] = laneSum(value)
            if logit > largest { largest = logit }
        }
        var total = 0.0, weighted = 0.0
        for j in 0..<count {
            let a = DeterministicMath.exp(logits[2 * j] - largest)
            total += a
            weighted += a * logits[2 * j + 1]
        }
        return weighted / total
    }
}
