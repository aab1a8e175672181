@testable import MesaLearning
import Foundation
import Testing

/// The two-circuit forward pass against a direct computation from the raw context, and the
/// hand-written backward pass against central finite differences, in `Double`.
@Suite struct TwoCircuitKernelTests {
    static func run(d: Int, s: Int, m: Int, noise: Double = 0.25, seed: UInt64 = 3) -> TwoCircuitRun<Double> {
        let world = RegressionWorldSettings(dimension: d, context: 5, noise: noise, tasks: 4)
        var run = TwoCircuitRun<Double>(world: world, learner: TwoCircuitSettings(dimension: d, searchSteps: s, memory: m, initialScale: 0.4),
                                        training: AdamTraining(), runSeed: seed, pool: [])
        let scalars = run.layout.scalars
        run.parameters[scalars][0] = -1.3  // β = e^−1.3: a soft retrieval, so every slot has gradient
        run.parameters[scalars][1] = 0.4
        return run
    }

    static func data(d: Int, n: Int, count: Int, seed: UInt64 = 11) -> [RawSequence] {
        var stream = RandomStream(seed: seed)
        return (0..<count).map { _ in
            let w = (0..<d).map { _ in stream.gaussian() }
            return RawSequence.random(w, context: n, noise: 0.25, stream: &stream)
        }
    }

    @Test("forward equals gradient descent and dMMSE-style retrieval computed from the raw context",
          arguments: [(3, 2, 4), (9, 3, 2), (8, 0, 5), (4, 2, 0)])
    func forwardMatchesDirect(d: Int, s: Int, m: Int) {
        let run = Self.run(d: d, s: s, m: m)
        let layout = run.layout
        let p = run.parameters
        func gamma(_ t: Int, _ row: Int, _ col: Int) -> Double { p[layout.gamma(t, column: col) + row / 8][row % 8] }
        func slot(_ j: Int, _ k: Int) -> Double { p[layout.slot(j) + k / 8][k % 8] }
        let beta = exp(p[layout.scalars][0]), gate = 1 / (1 + exp(-p[layout.scalars][1]))
        for raw in Self.data(d: d, n: 7, count: 3) {
            let n = raw.x.count
            // Search: w_{t+1} = w_t + Γ_t (1/n) Σ (y_i − w_t·x_i) x_i, directly.
            var w = [Double](repeating: 0, count: d)
            for t in 0..<s {
                var g = [Double](repeating: 0, count: d)
                for i in 0..<n {
                    let r = raw.y[i] - (0..<d).reduce(0) { $0 + w[$1] * raw.x[i][$1] }
                    for k in 0..<d { g[k] += r * raw.x[i][k] / Double(n) }
                }
                w = (0..<d).map { row in w[row] + (0..<d).reduce(0) { $0 + gamma(t, row, $1) * g[$1] } }
            }
            let search = (0..<d).reduce(0) { $0 + w[$1] * raw.query[$1] }
            // Table: softmax_j(−β Σ_i (y_i − u_j·x_i)² / (2σ²)), Σ a_j u_j·x_q.
            let logits = (0..<m).map { j in
                -beta * (0..<n).reduce(0.0) { acc, i in
                    let e = raw.y[i] - (0..<d).reduce(0) { $0 + slot(j, $1) * raw.x[i][$1] }
                    return acc + e * e
                } / (2 * 0.25)
            }
            let top = logits.max() ?? 0
            let weights = logits.map { exp($0 - top) }, total = weights.reduce(0, +)
            let table = m == 0 ? 0 : (0..<m).reduce(0.0) { acc, j in
                acc + weights[j] / total * (0..<d).reduce(0) { $0 + slot(j, $1) * raw.query[$1] }
            }
            let (packed, yy) = raw.packed(Double.self)
            let prediction = run.predict(packed, stride: packed.count, yy: [yy], context: n)
            #expect(abs(prediction.search[0] - search) <= 1e-10 * max(1, abs(search)))
            #expect(abs(prediction.table[0] - table) <= 1e-10 * max(1, abs(table)))
            #expect(abs(prediction.gate - gate) < 1e-15)
        }
    }

    @Test("the backward pass matches central finite differences per tensor (relative error < 1e-6)",
          arguments: [(3, 2, 4, UInt64(3)), (9, 1, 3, 4), (8, 2, 6, 5), (2, 3, 2, 6)])
    func gradientCheck(d: Int, s: Int, m: Int, seed: UInt64) {
        var run = Self.run(d: d, s: s, m: m, seed: seed)
        let raws = Self.data(d: d, n: 6, count: 4, seed: seed &+ 100)
        let packs = raws.map { $0.packed(Double.self) }
        let sequences = packs.map(\.0), yy = packs.map(\.1), targets = raws.map(\.target)
        let (_, analytic) = run.lossAndGradient(sequences, yy: yy, targets: targets, context: 6)
        let base = run.parameters
        func loss(_ scalar: Int, _ delta: Double) -> Double {
            run.parameters = base
            run.parameters[scalar / 8][scalar % 8] += delta
            return run.lossAndGradient(sequences, yy: yy, targets: targets, context: 6).0
        }
        for tensor in run.layout.tensors {
            var difference = 0.0, norm = 0.0
            for index in tensor.scalarIndices {
                let h = 1e-5 * max(1, abs(base[index / 8][index % 8]))
                let numeric = (loss(index, h) - loss(index, -h)) / (2 * h)
                difference += (numeric - analytic[index]) * (numeric - analytic[index])
                norm += numeric * numeric
            }
            let relative = (difference / max(norm, 1e-300)).squareRoot()
            #expect(norm > 0, "\(tensor.name) must have a gradient to check")
            #expect(relative < 1e-6, "\(tensor.name): relative error \(relative)")
        }
        run.parameters = base
        // Padding lanes receive no gradient, so Adam keeps them at zero.
        let used = Set(run.layout.tensors.flatMap(\.scalarIndices))
        #expect(analytic.indices.filter { !used.contains($0) }.allSatisfy { analytic[$0] == 0 })
    }

    @Test("the sequence builder packs A = XᵀX, b = Xᵀy, c = yᵀy of its own draws")
    func builderPacks() {
        let d = 5, n = 4, noise = 0.5
        let layout = TwoCircuitLayout(dimension: d, searchSteps: 0, memory: 0)
        var builder = SequenceBuilder<Double>(layout: layout)
        let task = [0.3, -1.0, 2.0, 0.5, -0.2]
        var stream = RandomStream(seed: 77), mirror = RandomStream(seed: 77)
        var packed = [Lanes<Double>](repeating: .zero, count: layout.sequenceLanes)
        let (yy, target) = task.withUnsafeBufferPointer { t in
            packed.withUnsafeMutableBufferPointer { builder.build(task: t, context: n, noise: noise, stream: &stream, into: $0.baseAddress!) }
        }
        var z: [Double] = []
        mirror.fillGaussian(count: n * d + n + d + 1) { _, v in z.append(v) }
        let x = (0..<n).map { i in Array(z[(i * d)..<(i * d + d)]) }
        let y = (0..<n).map { i in zip(task, x[i]).reduce(0) { $0 + $1.0 * $1.1 } + noise.squareRoot() * z[n * d + i] }
        let q = Array(z[(n * d + n)..<(n * d + n + d)])
        let raw = RawSequence(x: x, y: y, query: q, target: zip(task, q).reduce(0) { $0 + $1.0 * $1.1 } + noise.squareRoot() * z[n * d + n + d])
        let (expected, expectedYY) = raw.packed(Double.self)
        for lane in expected.indices { for k in 0..<8 { #expect(abs(packed[lane][k] - expected[lane][k]) < 1e-12) } }
        #expect(abs(yy - expectedYY) < 1e-12 && target == raw.target)
        #expect(stream.next() == mirror.next(), "the builder draws exactly n·d + n + d + 1 normals (rounded to pairs)")
    }
}
