@testable import MesaLearning

/// Small hand-built sequences for the regression tests: raw (X, y, x_q, y_q) and their packed
/// form, computed here with plain loops (independently of `SequenceBuilder`).
struct RawSequence {
    var x: [[Double]]
    var y: [Double]
    var query: [Double]
    var target: Double

    /// A sequence of task `w` drawn from `stream` (any order: the tests only need some data).
    static func random(_ w: [Double], context n: Int, noise: Double, stream: inout RandomStream) -> RawSequence {
        let d = w.count
        var x: [[Double]] = [], y: [Double] = []
        for _ in 0..<n {
            let row = (0..<d).map { _ in stream.gaussian() }
            x.append(row)
            y.append(zip(w, row).reduce(0) { $0 + $1.0 * $1.1 } + noise.squareRoot() * stream.gaussian())
        }
        let q = (0..<d).map { _ in stream.gaussian() }
        return RawSequence(x: x, y: y, query: q, target: zip(w, q).reduce(0) { $0 + $1.0 * $1.1 } + noise.squareRoot() * stream.gaussian())
    }

    /// (A by rows, b, x_q) as zero-padded lanes, and c = yᵀy.
    func packed<S: LearningScalar>(_: S.Type) -> ([Lanes<S>], S) {
        let d = query.count, chunks = laneChunks(d)
        var lanes = [Lanes<S>](repeating: .zero, count: (d + 2) * chunks)
        for r in 0..<d {
            for k in 0..<d {
                var sum = 0.0
                for i in x.indices { sum += x[i][r] * x[i][k] }
                lanes[r * chunks + k / 8][k % 8] = S(sum)
            }
            var moment = 0.0
            for i in x.indices { moment += y[i] * x[i][r] }
            lanes[d * chunks + r / 8][r % 8] = S(moment)
            lanes[(d + 1) * chunks + r / 8][r % 8] = S(query[r])
        }
        return (lanes, S(y.reduce(0) { $0 + $1 * $1 }))
    }
}
