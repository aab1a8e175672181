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
    /// `pool` is `TaskBlocks`: 8 tasks per SIMD vector, so there is no horizontal sum.
    /// O(N·(d(d+1)/2 + 2d)) multiply-adds, summed in a fixed order.
    static func dmmse(_ packed: UnsafePointer<Lanes<Double>>, yy: Double, dimension d: Int, noise: Double,
                      pool: TaskBlocks, logits: inout [Double]) -> Double {
        let chunks = laneChunks(d)
        let gram = packed, moment = packed + d * chunks, query = packed + (d + 1) * chunks
        @inline(__always) func entry(_ p: UnsafePointer<Lanes<Double>>, _ row: Int, _ k: Int) -> Double {
            p[row * chunks + k / laneWidth][k % laneWidth]
        }
        let blocks = pool.blocks
        if logits.count < 2 * blocks * laneWidth { logits = [Double](repeating: 0, count: 2 * blocks * laneWidth) }
        // The upper triangle of A (off-diagonal doubled), b and x_q as plain scalars, once.
        var coefficients = [Double](), linearCoefficients = [Double](), queryCoefficients = [Double]()
        coefficients.reserveCapacity(d * (d + 1) / 2)
        for k in 0..<d {
            for l in k..<d { coefficients.append((k == l ? 1 : 2) * entry(gram, k, l)) }
            linearCoefficients.append(moment[k / laneWidth][k % laneWidth])
            queryCoefficients.append(query[k / laneWidth][k % laneWidth])
        }
        let scale = -1 / (2 * noise)
        var largest = -Double.infinity
        pool.values.withUnsafeBufferPointer { w in
            coefficients.withUnsafeBufferPointer { a in
                logits.withUnsafeMutableBufferPointer { out in
                    let results = UnsafeMutableRawPointer(out.baseAddress!).assumingMemoryBound(to: Lanes<Double>.self)
                    for block in 0..<blocks {
                        let tasks = w.baseAddress! + block * d  // tasks[k]: coordinate k of the block's 8 tasks
                        var quadratic = Lanes<Double>.zero, linear = Lanes<Double>.zero, value = Lanes<Double>.zero
                        var index = 0
                        for k in 0..<d {
                            let wk = tasks[k]
                            var row = Lanes<Double>.zero
                            for l in k..<d {
                                row += a[index] * tasks[l]
                                index += 1
                            }
                            quadratic += wk * row
                            linear += linearCoefficients[k] * wk
                            value += queryCoefficients[k] * wk
                        }
                        // Logits of the block's 8 tasks, then their values: 16 slots of `logits`.
                        results[2 * block] = (yy - 2 * linear + quadratic) * scale
                        results[2 * block + 1] = value
                    }
                    for j in 0..<pool.count {
                        let logit = out[16 * (j / laneWidth) + j % laneWidth]
                        if logit > largest { largest = logit }
                    }
                }
            }
        }
        var total = 0.0, weighted = 0.0
        for j in 0..<pool.count {
            let slot = 16 * (j / laneWidth) + j % laneWidth
            let a = DeterministicMath.exp(logits[slot] - largest)
            total += a
            weighted += a * logits[slot + laneWidth]
        }
        return weighted / total
    }
}
/// A task pool laid out for `RegressionBaselines.dmmse`: blocks of 8 tasks, each block d vectors
/// whose lane t is task 8·block + t's coordinate (padding tasks are zero and never read).
struct TaskBlocks: Sendable {
    /// N.
    let count: Int
    /// ⌈N/8⌉.
    let blocks: Int
    /// blocks × d vectors.
    let values: [Lanes<Double>]

    /// The layout of `tasks`, task-major with d values each.
    init(_ tasks: [Double], dimension d: Int) {
        count = tasks.count / d
        blocks = laneChunks(count)
        var values = [Lanes<Double>](repeating: .zero, count: blocks * d)
        for j in 0..<count { for k in 0..<d { values[(j / laneWidth) * d + k][j % laneWidth] = tasks[j * d + k] } }
        self.values = values
    }
}
