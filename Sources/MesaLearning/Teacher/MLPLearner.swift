/// One MLP under training: its parameters, Adam's state and its scratch memory.
struct MLPLearner {
    /// The shape.
    let shape: MLPShape
    /// The padded flat parameter vector (``MLPShape``).
    private(set) var parameters: [Float]
    /// The last gradient.
    private var gradient: [Float]
    /// The optimizer of the current phase.
    private var adam: Adam<Float>
    /// Forward/backward scratch for one batch.
    private let workspace: MLPWorkspace<Float>

    /// A learner starting at `parameters` for batches of `batch`, with Adam's weight decay
    /// `weightDecay`.
    init(shape: MLPShape, parameters: [Float], batch: Int, weightDecay: Double) {
        self.shape = shape
        self.parameters = parameters
        gradient = [Float](repeating: 0, count: shape.storageCount)
        adam = Adam(count: shape.storageCount, weightDecay: weightDecay)
        workspace = MLPWorkspace(shape: shape, capacity: batch)
    }

    /// Starts a new phase: fresh Adam moments and step count, and weight decay `weightDecay`.
    mutating func resetOptimizer(weightDecay: Double) {
        adam = Adam(count: shape.storageCount, weightDecay: weightDecay)
    }

    /// One Adam step on the batch's `count` rows and targets; returns the batch loss before it.
    @discardableResult
    mutating func step(inputs: UnsafePointer<Float>, targets: UnsafePointer<Float>, count: Int,
                       learningRate: Double) -> Double {
        let loss = parameters.withUnsafeBufferPointer { p in
            gradient.withUnsafeMutableBufferPointer { g in
                MLPNetwork.backward(parameters: p.baseAddress!, inputs: inputs, targets: targets, count: count,
                                    workspace: workspace, gradient: g.baseAddress!)
            }
        }
        adam.update(&parameters, gradient: gradient, learningRate: learningRate)
        return loss
    }
}
