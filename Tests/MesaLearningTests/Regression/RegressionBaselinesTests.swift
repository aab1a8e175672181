@testable import MesaLearning
import Foundation
import Testing

/// Ridge and dMMSE against numpy on a fixed data set:
///
///     X = [[0.5,-1.2,0.3],[1.1,0.4,-0.7],[-0.3,0.9,1.5],[2.0,-0.1,0.2]]; y = [0.7,-0.4,1.9,1.2]
///     q = [0.6,-0.8,1.1]; σ² = 0.25; pool = [[0.2,-0.5,1.0],[1.0,0.3,0.4],[-0.7,0.1,0.9]]
///     ridge = np.linalg.solve(X.T@X + σ²I, X.T@y) @ q
///     L = ((y - pool@X.T)**2).sum(1); a = softmax(-L/(2σ²)); dmmse = a @ (pool@q)
@Suite struct RegressionBaselinesTests {
    static let raw = RawSequence(x: [[0.5, -1.2, 0.3], [1.1, 0.4, -0.7], [-0.3, 0.9, 1.5], [2.0, -0.1, 0.2]],
                                 y: [0.7, -0.4, 1.9, 1.2], query: [0.6, -0.8, 1.1], target: 0)
    static let pool: [Double] = [0.2, -0.5, 1.0, 1.0, 0.3, 0.4, -0.7, 0.1, 0.9]

    @Test("ridge with λ = σ² equals numpy")
    func ridge() {
        let (packed, _) = Self.raw.packed(Double.self)
        #expect(abs(RegressionBaselines.ridge(packed, dimension: 3, noise: 0.25) - 1.6283811573342548) < 1e-13)
    }

    @Test("dMMSE with the pool as prior equals numpy")
    func dmmse() {
        let (packed, yy) = Self.raw.packed(Double.self)
        var logits: [Double] = []
        let value = RegressionBaselines.dmmse(packed, yy: yy, dimension: 3, noise: 0.25,
                                              pool: TaskBlocks(Self.pool, dimension: 3), logits: &logits)
        #expect(abs(value - 1.6185857720380186) < 1e-13)
    }

    @Test("dMMSE with a single task predicts that task; with a huge noise, the pool mean")
    func dmmseLimits() {
        let (packed, yy) = Self.raw.packed(Double.self)
        var logits: [Double] = []
        let single = RegressionBaselines.dmmse(packed, yy: yy, dimension: 3, noise: 0.25,
                                               pool: TaskBlocks(Array(Self.pool[3..<6]), dimension: 3), logits: &logits)
        #expect(abs(single - (1.0 * 0.6 + 0.3 * -0.8 + 0.4 * 1.1)) < 1e-14)
        let flat = RegressionBaselines.dmmse(packed, yy: yy, dimension: 3, noise: 1e12,
                                             pool: TaskBlocks(Self.pool, dimension: 3), logits: &logits)
        var mean = 0.0
        for j in 0..<3 { for k in 0..<3 { mean += Self.pool[j * 3 + k] * Self.raw.query[k] / 3 } }
        #expect(abs(flat - mean) < 1e-9)
    }

    @Test("ridge in 9 dimensions (two lane chunks) solves the normal equations")
    func ridgeTwoChunks() {
        var stream = RandomStream(seed: 8)
        let raw = RawSequence.random((0..<9).map { Double($0) / 4 }, context: 12, noise: 0.3, stream: &stream)
        let (packed, _) = raw.packed(Double.self)
        let prediction = RegressionBaselines.ridge(packed, dimension: 9, noise: 0.3)
        // Gauss–Jordan on (XᵀX + λI | Xᵀy), independently of the Cholesky path.
        var m = [[Double]](repeating: [Double](repeating: 0, count: 10), count: 9)
        for r in 0..<9 {
            for c in 0..<9 {
                for i in raw.x.indices { m[r][c] += raw.x[i][r] * raw.x[i][c] }
            }
            m[r][r] += 0.3
            for i in raw.x.indices { m[r][9] += raw.x[i][r] * raw.y[i] }
        }
        for col in 0..<9 {
            let pivot = m[col][col]
            m[col] = m[col].map { $0 / pivot }
            for r in 0..<9 where r != col { let f = m[r][col]; m[r] = zip(m[r], m[col]).map { $0 - f * $1 } }
        }
        let expected = (0..<9).reduce(0.0) { $0 + m[$1][9] * raw.query[$1] }
        #expect(abs(prediction - expected) < 1e-10)
    }

    @Test("dMMSE over 20 tasks in 9 dimensions (blocks and chunks padded) equals the direct sum from the raw context")
    func dmmseBlocks() {
        var stream = RandomStream(seed: 21)
        let d = 9, count = 20
        let pool = (0..<(count * d)).map { _ in stream.gaussian() }
        let raw = RawSequence.random(Array(pool[(3 * d)..<(4 * d)]), context: 6, noise: 2.0, stream: &stream)
        let (packed, yy) = raw.packed(Double.self)
        var logits: [Double] = []
        let value = RegressionBaselines.dmmse(packed, yy: yy, dimension: d, noise: 2.0,
                                              pool: TaskBlocks(pool, dimension: d), logits: &logits)
        var direct = [Double](), values = [Double]()
        for j in 0..<count {
            let w = Array(pool[(j * d)..<(j * d + d)])
            var loss = 0.0
            for i in raw.x.indices {
                var prediction = 0.0
                for k in 0..<d { prediction += w[k] * raw.x[i][k] }
                loss += (raw.y[i] - prediction) * (raw.y[i] - prediction)
            }
            direct.append(-loss / 4)
            var v = 0.0
            for k in 0..<d { v += w[k] * raw.query[k] }
            values.append(v)
        }
        let top = direct.max()!
        var total = 0.0, weighted = 0.0
        for j in 0..<count {
            let weight = Foundation.exp(direct[j] - top)
            total += weight
            weighted += weight * values[j]
        }
        let expected = weighted / total
        #expect(abs(value - expected) < 1e-11)
    }
}
