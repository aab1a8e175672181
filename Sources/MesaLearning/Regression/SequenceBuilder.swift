/// Draws regression sequences and packs them into the sufficient statistics the model reads.
///
/// Both circuits see the context only through A = XᵀX, b = Xᵀy and c = yᵀy:
/// the least-squares gradient is (b − A w)/n and a slot's context loss is
/// Σ_i (y_i − u·x_i)² = c − 2u·b + uᵀAu. Packing once per sequence costs n·d² and makes every
/// later use O(d²) instead of O(n·d).
///
/// The draws of one sequence, in order (docs/learned-worlds.md): x₁ … x_n (n·d), ε₁ … ε_n,
/// x_q (d), ε_q — standard normals from `RandomStream.fillGaussian`; y_i = w·x_i + σ ε_i
/// computed in `Double` in index order.
struct SequenceBuilder<S: LearningScalar> {
    /// d and the chunk layout.
    let layout: TwoCircuitLayout
    /// The context length the scratch is sized for.
    private var capacity = 0
    /// Scratch: the draws of one sequence.
    private var draws = ScratchBuffer<Double>(repeating: 0, count: 0)
    /// Scratch: the rows x_i as lanes (padding lanes stay zero).
    private var rows = ScratchBuffer<Lanes<S>>(repeating: .zero, count: 0)
    /// Scratch: the labels y_i.
    private var labels = ScratchBuffer<S>(repeating: 0, count: 0)

    init(layout: TwoCircuitLayout) {
        self.layout = layout
    }

    /// A sequence of `context` pairs of task `task` (d values) with noise variance `noise`,
    /// drawn from `stream`, packed into `packed` (`layout.sequenceLanes` chunks: A by rows, b,
    /// x_q). Returns (c = yᵀy, the query's target y_q).
    mutating func build(task: UnsafeBufferPointer<Double>, context n: Int, noise: Double, stream: inout RandomStream,
                        into packed: UnsafeMutablePointer<Lanes<S>>) -> (yy: S, target: S) {
        let d = layout.dimension, chunks = layout.chunks
        let count = n * d + n + d + 1
        if capacity < n {
            capacity = n
            draws = ScratchBuffer(repeating: 0, count: count)
            rows = ScratchBuffer(repeating: .zero, count: n * chunks)
            labels = ScratchBuffer(repeating: 0, count: n)
        }
        let sd = noise.squareRoot()
        let z = draws.pointer, x = rows.pointer, y = labels.pointer
        stream.fillGaussian(count: count) { i, v in z[i] = v }
        var yy = S(0)
        for i in 0..<n {
            var dot = 0.0
            for k in 0..<d {
                let value = z[i * d + k]
                dot += task[k] * value
                x[i * chunks + k / laneWidth][k % laneWidth] = S(value)
            }
            let label = S(dot + sd * z[n * d + i])
            y[i] = label
            yy += label * label
        }
        // A = Σ_i x_i x_iᵀ by rows, b = Σ_i y_i x_i, both in index order.
        for lane in 0..<((d + 2) * chunks) { packed[lane] = .zero }
        for i in 0..<n {
            let row = x + i * chunks
            for k in 0..<d {
                let xik = row[k / laneWidth][k % laneWidth]
                for c in 0..<chunks { packed[k * chunks + c] += xik * row[c] }
            }
            for c in 0..<chunks { packed[d * chunks + c] += y[i] * row[c] }
        }
        var target = 0.0
        let query = packed + (d + 1) * chunks
        for k in 0..<d {
            let value = z[n * d + n + k]
            target += task[k] * value
            query[k / laneWidth][k % laneWidth] = S(value)
        }
        return (yy, S(target + sd * z[n * d + n + d]))
    }
}
