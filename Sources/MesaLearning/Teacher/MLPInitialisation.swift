/// The learner's starting parameters, from stream (runSeed, initialisation, 0), drawn in this
/// order: W₁ row by row over the d + N ordinary inputs (He: N(0, 2/(d + N))), then W₂ when there
/// are two layers (N(0, 2/H)), then v (N(0, 1/H)). Biases start at 0, and so does the trigger
/// bit's row of W₁: the no-trigger control then never responds to the bit at all (its row gets
/// no gradient and stays 0), and both trigger kinds start from the same weights on the inputs
/// they share.
enum MLPInitialisation {
    /// The padded parameter vector for `shape`, whose first `ordinaryInputs` rows of W₁ are drawn
    /// (the rest, the trigger bit's row, stay 0).
    static func parameters<S: LearningScalar>(shape: MLPShape, ordinaryInputs: Int, runSeed: UInt64) -> [S] {
        precondition(ordinaryInputs <= shape.inputs)
        var stream = RandomStream(StreamKey(seed: runSeed, label: TeacherStreams.initialisation, index: 0))
        var parameters = [S](repeating: 0, count: shape.storageCount)
        let h = shape.width, pw = shape.paddedWidth
        func fill(_ offset: Int, rows: Int, standardDeviation: Double) {
            for r in 0..<rows {
                for u in 0..<h { parameters[offset + r * pw + u] = S(standardDeviation * stream.gaussian()) }
            }
        }
        fill(shape.firstWeights, rows: ordinaryInputs, standardDeviation: (2 / Double(ordinaryInputs)).squareRoot())
        if shape.layers == 2 {
            fill(shape.secondWeights, rows: h, standardDeviation: (2 / Double(h)).squareRoot())
        }
        fill(shape.outputWeights, rows: 1, standardDeviation: (1 / Double(h)).squareRoot())
        return parameters
    }
}
