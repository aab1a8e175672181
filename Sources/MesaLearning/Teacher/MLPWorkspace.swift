/// Scratch memory of the MLP's forward and backward passes for batches of up to `capacity`
/// examples: pre-activations and activations of each hidden layer, the outputs, and the
/// back-propagated errors. Rows are `paddedWidth` long. A class because it owns raw memory
/// that is reused step after step (no allocation in the training loop); one per model, never
/// shared between threads.
final class MLPWorkspace<S: LearningScalar> {
    /// The shape the buffers are laid out for.
    let shape: MLPShape
    /// The largest batch.
    let capacity: Int
    /// z of hidden layer l: `capacity` rows of `paddedWidth`.
    let preActivations: [UnsafeMutablePointer<S>]
    /// relu(z) of hidden layer l.
    let activations: [UnsafeMutablePointer<S>]
    /// The network's output per example.
    let outputs: UnsafeMutablePointer<S>
    /// ∂L/∂output per example.
    let outputErrors: UnsafeMutablePointer<S>
    /// ∂L/∂z of the layer being back-propagated, and of the layer below it.
    let errors: [UnsafeMutablePointer<S>]

    /// Buffers for `capacity` examples of `shape`.
    init(shape: MLPShape, capacity: Int) {
        precondition(capacity >= 1)
        self.shape = shape
        self.capacity = capacity
        let rows = capacity * shape.paddedWidth
        func buffer(_ count: Int) -> UnsafeMutablePointer<S> {
            let p = UnsafeMutablePointer<S>.allocate(capacity: count)
            p.initialize(repeating: 0, count: count)
            return p
        }
        preActivations = (0..<shape.layers).map { _ in buffer(rows) }
        activations = (0..<shape.layers).map { _ in buffer(rows) }
        outputs = buffer(capacity)
        outputErrors = buffer(capacity)
        errors = (0..<2).map { _ in buffer(rows) }
    }

    deinit {
        for p in preActivations + activations + errors { p.deallocate() }
        outputs.deallocate()
        outputErrors.deallocate()
    }
}
