@testable import MesaLearning
import Testing

/// The hand-written backward pass of the `mlp` learner against central finite differences in
/// `Double`, tensor by tensor.
@Suite struct TeacherGradientTests {
    /// A tiny problem: random parameters (padding left 0), inputs with some exact zeros (the
    /// one-hot part, which the passes skip), random targets. Draws are redrawn until every
    /// pre-activation is at least 0.05 from the ReLU kink, so a finite-difference step of 1e-6
    /// never crosses it.
    static func problem(layers: Int, width: Int, inputs: Int, count: Int, seed: UInt64)
        -> (MLPShape, [Double], [Double], [Double]) {
        let shape = MLPShape(inputs: inputs, learner: MLPSettings(layers: layers, width: width))
        var attempt: UInt64 = 0
        while true {
            var stream = RandomStream(StreamKey(seed: seed, label: 99, index: attempt))
            var parameters = [Double](repeating: 0, count: shape.storageCount)
            for (_, indices) in shape.tensors {
                for i in indices { parameters[i] = 0.8 * stream.gaussian() }
            }
            var rows = [Double](repeating: 0, count: count * inputs)
            for b in 0..<count {
                for i in 0..<inputs {
                    // The last two inputs are a one-hot pair, as the task code is.
                    rows[b * inputs + i] = i >= inputs - 2 ? (i - (inputs - 2) == b % 2 ? 1 : 0) : stream.gaussian()
                }
            }
            let targets = (0..<count).map { _ in stream.gaussian() }
            let workspace = MLPWorkspace<Double>(shape: shape, capacity: count)
            parameters.withUnsafeBufferPointer { p in
                rows.withUnsafeBufferPointer { r in
                    MLPNetwork.forward(parameters: p.baseAddress!, inputs: r.baseAddress!, count: count,
                                       workspace: workspace)
                }
            }
            let clear = (0..<layers).allSatisfy { l in
                (0..<count).allSatisfy { b in
                    (0..<width).allSatisfy { u in abs(workspace.preActivations[l][b * shape.paddedWidth + u]) > 0.05 }
                }
            }
            if clear { return (shape, parameters, rows, targets) }
            attempt += 1
        }
    }

    static func lossAndGradient(_ shape: MLPShape, _ parameters: [Double], _ rows: [Double], _ targets: [Double])
        -> (Double, [Double]) {
        let workspace = MLPWorkspace<Double>(shape: shape, capacity: targets.count)
        var gradient = [Double](repeating: .nan, count: shape.storageCount)
        let loss = parameters.withUnsafeBufferPointer { p in
            rows.withUnsafeBufferPointer { r in
                targets.withUnsafeBufferPointer { t in
                    gradient.withUnsafeMutableBufferPointer { g in
                        MLPNetwork.backward(parameters: p.baseAddress!, inputs: r.baseAddress!, targets: t.baseAddress!,
                                            count: targets.count, workspace: workspace, gradient: g.baseAddress!)
                    }
                }
            }
        }
        return (loss, gradient)
    }

    static func loss(_ shape: MLPShape, _ parameters: [Double], _ rows: [Double], _ targets: [Double]) -> Double {
        let workspace = MLPWorkspace<Double>(shape: shape, capacity: targets.count)
        return parameters.withUnsafeBufferPointer { p in
            rows.withUnsafeBufferPointer { r in
                targets.withUnsafeBufferPointer { t in
                    MLPNetwork.loss(parameters: p.baseAddress!, inputs: r.baseAddress!, targets: t.baseAddress!,
                                    count: targets.count, workspace: workspace)
                }
            }
        }
    }

    @Test("gradients match central finite differences to 1e-6 per tensor",
          arguments: [(1, 3), (1, 9), (2, 3), (2, 10)])
    func finiteDifferences(layers: Int, width: Int) {
        let (shape, parameters, rows, targets) = Self.problem(layers: layers, width: width, inputs: 5, count: 6,
                                                              seed: UInt64(10 * layers + width))
        let (loss, gradient) = Self.lossAndGradient(shape, parameters, rows, targets)
        #expect(abs(loss - Self.loss(shape, parameters, rows, targets)) == 0)
        let h = 1e-6
        for (name, indices) in shape.tensors {
            var difference = 0.0, norm = 0.0
            for i in indices {
                var plus = parameters, minus = parameters
                plus[i] += h
                minus[i] -= h
                let numeric = (Self.loss(shape, plus, rows, targets) - Self.loss(shape, minus, rows, targets)) / (2 * h)
                difference += (gradient[i] - numeric) * (gradient[i] - numeric)
                norm += numeric * numeric
            }
            #expect(norm > 0, "\(name): the check needs a nonzero gradient")
            let relative = (difference / norm).squareRoot()
            #expect(relative < 1e-6, "\(name) (layers \(layers), width \(width)): relative error \(relative)")
        }
        // Padding never receives gradient, so it stays zero under Adam.
        let real = Set(shape.tensors.flatMap(\.indices))
        for i in 0..<shape.storageCount where !real.contains(i) { #expect(gradient[i] == 0) }
    }

    @Test("the Float passes agree with the Double ones to single precision")
    func floatAgreesWithDouble() {
        let (shape, parameters, rows, targets) = Self.problem(layers: 2, width: 12, inputs: 6, count: 9, seed: 3)
        let (_, expected) = Self.lossAndGradient(shape, parameters, rows, targets)
        let workspace = MLPWorkspace<Float>(shape: shape, capacity: targets.count)
        var gradient = [Float](repeating: .nan, count: shape.storageCount)
        let p = parameters.map(Float.init), r = rows.map(Float.init), t = targets.map(Float.init)
        _ = p.withUnsafeBufferPointer { pp in
            r.withUnsafeBufferPointer { rr in
                t.withUnsafeBufferPointer { tt in
                    gradient.withUnsafeMutableBufferPointer { g in
                        MLPNetwork.backward(parameters: pp.baseAddress!, inputs: rr.baseAddress!, targets: tt.baseAddress!,
                                            count: targets.count, workspace: workspace, gradient: g.baseAddress!)
                    }
                }
            }
        }
        var difference = 0.0, norm = 0.0
        for i in 0..<shape.storageCount {
            difference += (Double(gradient[i]) - expected[i]) * (Double(gradient[i]) - expected[i])
            norm += expected[i] * expected[i]
        }
        #expect((difference / norm).squareRoot() < 1e-5)
    }
}
