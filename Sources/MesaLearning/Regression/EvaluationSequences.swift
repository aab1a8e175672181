/// A fixed evaluation set: sequences packed for the model (in `Float`) with their targets and
/// the baselines' predictions (computed once, in `Double`).
struct EvaluationSequences: Sendable {
    /// n of every sequence.
    let context: Int
    /// Chunks per packed sequence.
    let stride: Int
    /// The packed sequences (`SequenceBuilder` layout), one after another.
    let packed: [Lanes<Float>]
    /// yᵀy per sequence.
    let yy: [Float]
    /// yᵀy per sequence in `Double`.
    let yyDouble: [Double]
    /// The noisy query targets y_q.
    let targets: [Double]
    /// Ridge's predictions (λ = the evaluation noise).
    let ridge: [Double]
    /// dMMSE's predictions with the pool as prior; nil when there is no pool.
    let dmmse: [Double]?
    /// The packed sequences in `Double`, kept when asked (the unseen set: every pool of the
    /// repetition computes its dMMSE predictions from them).
    let packedDouble: [Lanes<Double>]?

    var count: Int { targets.count }

    /// `count` sequences; sequence k is task `task(k)` (d values, task-major in `tasks`) with its
    /// draws from `label`'s member k under `seed`. `pool`, when given, is the dMMSE prior.
    init(count: Int, dimension d: Int, context n: Int, noise: Double, seed: UInt64, label: RegressionStream,
         tasks: [Double], task: (Int) -> Int, pool: TaskBlocks?, keepDouble: Bool = false) {
        let layout = TwoCircuitLayout(dimension: d, searchSteps: 0, memory: 0)
        let stride = layout.sequenceLanes
        var builder = SequenceBuilder<Double>(layout: layout)
        var packed = [Lanes<Float>](repeating: .zero, count: count * stride)
        var yy = [Float](repeating: 0, count: count), yyDouble = [Double](repeating: 0, count: count), targets = [Double](repeating: 0, count: count)
        var ridge = targets, dmmse: [Double]? = pool == nil ? nil : targets
        var sequence = [Lanes<Double>](repeating: .zero, count: stride)
        var logits: [Double] = []
        var kept: [Lanes<Double>]? = keepDouble ? [Lanes<Double>](repeating: .zero, count: count * stride) : nil
        tasks.withUnsafeBufferPointer { allTasks in
            sequence.withUnsafeMutableBufferPointer { one in
                for k in 0..<count {
                    var stream = label.stream(seed, k)
                    let taskBuffer = UnsafeBufferPointer(rebasing: allTasks[(task(k) * d)..<(task(k) * d + d)])
                    let (c, target) = builder.build(task: taskBuffer, context: n, noise: noise, stream: &stream,
                                                    into: one.baseAddress!)
                    yy[k] = Float(c)
                    yyDouble[k] = c
                    targets[k] = target
                    for lane in 0..<stride { packed[k * stride + lane] = Lanes<Float>(one[lane]) }
                    if kept != nil { for lane in 0..<stride { kept![k * stride + lane] = one[lane] } }
                    ridge[k] = RegressionBaselines.ridge(one.baseAddress!, dimension: d, noise: noise)
                    if let pool {
                        dmmse![k] = RegressionBaselines.dmmse(one.baseAddress!, yy: c, dimension: d, noise: noise,
                                                              pool: pool, logits: &logits)
                    }
                }
            }
        }
        self.context = n
        self.stride = stride
        self.packed = packed
        self.yy = yy
        self.yyDouble = yyDouble
        self.targets = targets
        self.ridge = ridge
        self.dmmse = dmmse
        self.packedDouble = kept
    }

    /// dMMSE's predictions on this set (which must keep its `Double` sequences) with `pool` as
    /// prior and noise variance `noise`.
    func dmmsePredictions(pool: TaskBlocks, dimension d: Int, noise: Double) -> [Double] {
        guard let packedDouble else { preconditionFailure("the set keeps no Double sequences") }
        var result = [Double](repeating: 0, count: count), logits: [Double] = []
        packedDouble.withUnsafeBufferPointer { all in
            for k in 0..<count {
                result[k] = RegressionBaselines.dmmse(all.baseAddress! + k * stride, yy: yyDouble[k],
                                                      dimension: d, noise: noise, pool: pool, logits: &logits)
            }
        }
        return result
    }

    /// Mean squared error of `predictions` against `reference`, summed in order.
    static func meanSquare(_ a: [Double], _ b: [Double]) -> Double {
        var total = 0.0
        for i in a.indices { let e = a[i] - b[i]; total += e * e }
        return total / Double(a.count)
    }
}
