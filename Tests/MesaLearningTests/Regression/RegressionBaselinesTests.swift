@testable import MesaLearning
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
        let lanes = RegressionEvaluationCache.lanes(Self.pool, dimension: 3)
        let value = lanes.withUnsafeBufferPointer {
            RegressionBaselines.dmmse(packed, yy: yy, dimension: 3, noise: 0.25, pool: $0, logits: &logits)
        }
        #expect(abs(value - 1.6185857720380186) < 1e-13)
    }

    @Test("dMMSE with a single task predicts that task; with a huge noise, the pool mean")
    func dmmseLimits() {
        let (packed, yy) = Self.raw.packed(Double.self)
        var logits: [Double] = []
        let one = RegressionEvaluationCache.lanes(Array(Self.pool[3..<6]), dimension: 3)
        let single = one.withUnsafeBufferPointer {
            RegressionBaselines.dmmse(packed, yy: yy, dimension: 3, noise: 0.25, pool: $0, logits: &logits)
        }
        #expect(abs(single - (1.0 * 0.6 + 0.3 * -0.8 + 0.4 * 1.1)) < 1e-14)
        let all = RegressionEvaluationCache.lanes(Self.pool, dimension: 3)
        let flat = all.withUnsafeBufferPointer {
            RegressionBaselines.dmmse(packed, yy: yy, dimension: 3, noise: 1e12, pool: $0, logits: &logits)
        }
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
        var m = (0..<9).map { r in (0..<9).map { c in raw.x.indices.reduce(0.0) { $0 + raw.x[$1][r] * raw.x[$1][c] } + (r == c ? 0.3 : 0) }
            + [raw.x.indices.reduce(0.0) { $0 + raw.x[$1][r] * raw.y[$1] }] }
        for col in 0..<9 {
            let pivot = m[col][col]
            m[col] = m[col].map { $0 / pivot }
            for r in 0..<9 where r != col { let f = m[r][col]; m[r] = zip(m[r], m[col]).map { $0 - f * $1 } }
        }
        let expected = (0..<9).reduce(0.0) { $0 + m[$1][9] * raw.query[$1] }
        #expect(abs(prediction - expected) < 1e-10)
    }
}
