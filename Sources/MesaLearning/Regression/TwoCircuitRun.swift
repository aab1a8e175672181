/// One `two_circuit` training run in scalar type S: the parameters, Adam, and the scratch of
/// the data generator and the kernel. Single-threaded; every step's gradient is summed over
/// the minibatch in sequence order, so a run is bit-identical wherever it executes.
struct TwoCircuitRun<S: LearningScalar> {
    let world: RegressionWorldSettings
    let training: AdamTraining
    let runSeed: UInt64
    let layout: TwoCircuitLayout
    /// The pretraining tasks, task-major; empty at `infinite`.
    let pool: [Double]
    /// The parameters (`TwoCircuitLayout`).
    var parameters: [Lanes<S>]
    private let gradient: ScratchBuffer<Lanes<S>>
    private var adam: Adam<S>
    private let kernel: TwoCircuitKernel<S>
    private var builder: SequenceBuilder<S>
    private let sequence: ScratchBuffer<Lanes<S>>
    private let freshTask: ScratchBuffer<Double>

    init(world: RegressionWorldSettings, learner: TwoCircuitSettings, training: AdamTraining, runSeed: UInt64,
         pool: [Double]) {
        self.world = world
        self.training = training
        self.runSeed = runSeed
        self.pool = pool
        let layout = TwoCircuitLayout(dimension: world.dimension, searchSteps: learner.searchSteps, memory: learner.memory)
        self.layout = layout
        parameters = Self.initialParameters(layout, scale: learner.initialScale, seed: runSeed)
        gradient = ScratchBuffer(repeating: .zero, count: layout.laneCount)
        adam = Adam<S>(count: layout.laneCount * laneWidth, weightDecay: training.weightDecay)
        kernel = TwoCircuitKernel<S>(layout: layout, trainingNoise: world.noise)
        builder = SequenceBuilder<S>(layout: layout)
        sequence = ScratchBuffer(repeating: .zero, count: layout.sequenceLanes)
        freshTask = ScratchBuffer(repeating: 0, count: world.dimension)
    }

    /// Γ_t and slot entries ~ N(0, scale²) from the run seed's initialisation stream, in layout
    /// order (Γ₀ column by column, …, then u₀, u₁, …); ρ = 0 (β = 1, the dMMSE rule) and
    /// θ = 0 (gate ½).
    static func initialParameters(_ layout: TwoCircuitLayout, scale: Double, seed: UInt64) -> [Lanes<S>] {
        let d = layout.dimension
        var parameters = [Lanes<S>](repeating: .zero, count: layout.laneCount)
        let vectors = layout.searchSteps * d + layout.memory
        var stream = RegressionStream.initialisation.stream(seed)
        stream.fillGaussian(count: vectors * d) { i, value in
            let vector = i / d, k = i % d
            parameters[vector * layout.chunks + k / laneWidth][k % laneWidth] = S(scale * value)
        }
        return parameters
    }

    /// Trains on step `step`'s minibatch and returns its mean squared error.
    mutating func step(_ step: Int) -> Double {
        let d = world.dimension, batch = training.batch
        var stream = RegressionStream.batch.stream(runSeed, step)
        let adjointScale = S(2) / S(batch)
        var total = 0.0
        let g = gradient.pointer, seq = sequence.pointer, fresh = freshTask.pointer
        for lane in 0..<gradient.count { g[lane] = .zero }
        parameters.withUnsafeBufferPointer { parameterBuffer in
            let p = parameterBuffer.baseAddress!
            pool.withUnsafeBufferPointer { all in
                for _ in 0..<batch {
                    let task: UnsafeBufferPointer<Double>
                    if let n = world.tasks {
                        let index = n == 1 ? 0 : stream.below(n)
                        task = UnsafeBufferPointer(rebasing: all[(index * d)..<(index * d + d)])
                    } else {
                        stream.fillGaussian(count: d) { k, v in fresh[k] = v }
                        task = UnsafeBufferPointer(start: fresh, count: d)
                    }
                    let (yy, target) = builder.build(task: task, context: world.context, noise: world.noise,
                                                     stream: &stream, into: seq)
                    let prediction = kernel.forward(p, sequence: seq, yy: yy, context: world.context)
                    let error = prediction.full - target
                    total += Double(error * error)
                    kernel.backward(p, sequence: seq, context: world.context, prediction: prediction,
                                    outputAdjoint: adjointScale * error, into: g)
                }
            }
        }
        let rate = training.learningRate(atStep: step)
        let grads = UnsafeRawPointer(gradient.pointer).assumingMemoryBound(to: S.self)
        parameters.withUnsafeMutableBufferPointer { p in
            p.withMemoryRebound(to: S.self) { scalars in
                adam.update(scalars, gradient: UnsafeBufferPointer(start: grads, count: scalars.count), learningRate: rate)
            }
        }
        return total / Double(batch)
    }

    /// The model's predictions on `count` packed sequences (search, table, gate per sequence).
    func predict(_ packed: UnsafePointer<Lanes<S>>, stride: Int, yy: [S], context: Int)
        -> (search: [Double], table: [Double], gate: Double) {
        var search = [Double](repeating: 0, count: yy.count), table = search
        var gate = 0.0
        parameters.withUnsafeBufferPointer { p in
            for k in 0..<yy.count {
                let prediction = kernel.forward(p.baseAddress!, sequence: packed + k * stride, yy: yy[k], context: context)
                search[k] = Double(prediction.search)
                table[k] = Double(prediction.table)
                gate = Double(prediction.gate)
            }
        }
        return (search, table, gate)
    }

    /// The mean squared error on a list of packed sequences with targets: loss and gradient
    /// in S, the form the finite-difference checks use. The gradient is returned as scalars in
    /// layout order (padding included).
    func lossAndGradient(_ sequences: [[Lanes<S>]], yy: [S], targets: [S], context: Int) -> (S, [S]) {
        var total = S(0)
        let g = gradient.pointer
        for lane in 0..<gradient.count { g[lane] = .zero }
        let scale = S(2) / S(sequences.count)
        parameters.withUnsafeBufferPointer { p in
            for (k, seq) in sequences.enumerated() {
                seq.withUnsafeBufferPointer { s in
                    let prediction = kernel.forward(p.baseAddress!, sequence: s.baseAddress!, yy: yy[k], context: context)
                    let error = prediction.full - targets[k]
                    total += error * error
                    kernel.backward(p.baseAddress!, sequence: s.baseAddress!, context: context, prediction: prediction,
                                    outputAdjoint: scale * error, into: g)
                }
            }
        }
        return (total / S(sequences.count), gradient.array.flatMap { v in (0..<laneWidth).map { v[$0] } })
    }
}
