/// The shape of the learner `mlp` and where each tensor lives in its flat parameter vector.
///
/// Inputs, in this order: the d coordinates of x, the N-way one-hot task code (present for every
/// N, so K is one formula; at N = 1 it is a constant 1 beside the bias), and — only where the
/// trigger kind is `input` — the trigger bit: D = d + N (+ 1).
///
/// Parameters, counted in K (`parameterCount`):
///
///     W₁ (D × H) + b₁ (H)                 first hidden layer
///     W₂ (H × H) + b₂ (H)                 second hidden layer, when `layers` = 2
///     v  (H)     + c  (1)                 linear output
///
///     K = D·H + H + [H·H + H] + H + 1
///
/// In memory each row of H values is padded with zeros to a multiple of the SIMD width
/// (`paddedWidth`); the padding starts at zero and its gradient is always zero, so it stays zero
/// under Adam and weight decay and is never counted. Weight matrices are stored input-major —
/// row i of W₁ holds the weights from input i to all H units — so a forward pass is a sum of
/// contiguous axpys over the units, lane-parallel across units and sequential over inputs.
struct MLPShape: Sendable, Hashable {
    /// D, the number of inputs.
    let inputs: Int
    /// 1 or 2 hidden layers.
    let layers: Int
    /// H.
    let width: Int
    /// H rounded up to a multiple of `laneWidth`.
    let paddedWidth: Int

    /// The shape for `inputs` inputs and the learner's settings.
    init(inputs: Int, learner: MLPSettings) {
        precondition(inputs >= 1 && (learner.layers == 1 || learner.layers == 2) && learner.width >= 1)
        self.inputs = inputs
        layers = learner.layers
        width = learner.width
        paddedWidth = laneChunks(learner.width) * laneWidth
    }

    /// K, the number of parameters (padding excluded).
    var parameterCount: Int {
        inputs * width + width + (layers == 2 ? width * width + width : 0) + width + 1
    }

    /// Offset of W₁ (D rows of `paddedWidth`).
    var firstWeights: Int { 0 }
    /// Offset of b₁.
    var firstBias: Int { inputs * paddedWidth }
    /// Offset of W₂ (H rows of `paddedWidth`); meaningful when `layers` = 2.
    var secondWeights: Int { firstBias + paddedWidth }
    /// Offset of b₂; meaningful when `layers` = 2.
    var secondBias: Int { secondWeights + width * paddedWidth }
    /// Offset of v.
    var outputWeights: Int { layers == 2 ? secondBias + paddedWidth : secondWeights }
    /// Offset of c.
    var outputBias: Int { outputWeights + paddedWidth }
    /// The length of the flat (padded) parameter vector.
    var storageCount: Int { outputBias + 1 }

    /// The named tensors with the storage indices of their real (unpadded) entries, for the
    /// gradient check and for counting.
    var tensors: [(name: String, indices: [Int])] {
        func matrix(_ offset: Int, rows: Int) -> [Int] {
            (0..<rows).flatMap { r in (0..<width).map { offset + r * paddedWidth + $0 } }
        }
        func vector(_ offset: Int) -> [Int] { (0..<width).map { offset + $0 } }
        var result: [(String, [Int])] = [("W1", matrix(firstWeights, rows: inputs)), ("b1", vector(firstBias))]
        if layers == 2 { result += [("W2", matrix(secondWeights, rows: width)), ("b2", vector(secondBias))] }
        result += [("v", vector(outputWeights)), ("c", [outputBias])]
        return result
    }

    /// Offset of hidden layer `layer` (0-based) weights.
    func weights(ofLayer layer: Int) -> Int { layer == 0 ? firstWeights : secondWeights }
    /// Offset of hidden layer `layer` (0-based) bias.
    func bias(ofLayer layer: Int) -> Int { layer == 0 ? firstBias : secondBias }
    /// The fan-in of hidden layer `layer`.
    func fanIn(ofLayer layer: Int) -> Int { layer == 0 ? inputs : width }
}
