/// One random two-layer ReLU teacher, normalised under x ~ N(0, I_d):
///
///     f(x) = (Σ_k a_k · relu(b_k · x) − μ) / σ,   b_k ~ N(0, I_d), a_k ~ N(0, 1), k = 1 … W_t,
///
/// with μ = E f̃ and σ² = Var f̃ of the unnormalised f̃ computed **analytically** (below), so
/// E f = 0 and Var f = 1 exactly, not up to a sampling error. The scale of the draws does not
/// matter: relu is positively homogeneous, so scaling b or a rescales f̃ and σ alike. No hidden
/// biases: every teacher unit's hyperplane passes through the origin, the usual teacher–student
/// setting (and the one whose moments have the closed form).
///
/// The moments (Cho & Saul 2009, the arc-cosine kernel of degree 1): for u = b_k·x and
/// v = b_l·x, jointly normal with standard deviations ‖b_k‖, ‖b_l‖ and angle θ between b_k and
/// b_l,
///
///     E relu(u) = ‖b_k‖ / √(2π)
///     E relu(u) relu(v) = ‖b_k‖ ‖b_l‖ (sin θ + (π − θ) cos θ) / (2π)
///
/// so μ = Σ_k a_k ‖b_k‖/√(2π) and σ² = Σ_{k,l} a_k a_l (E relu(u)relu(v) − E relu(u) E relu(v)).
/// O(W_t² d) once per teacher. sin θ = √(1 − cos²θ) and θ = ``arcCosine(_:)``, written out:
/// the C library's `acos`/`sin` are picked by CPU, and the normalisation must be the same
/// number on every machine.
struct TeacherNetwork: Sendable, Hashable {
    /// d.
    let dimension: Int
    /// W_t.
    let width: Int
    /// b_k stored input-major: `inputWeights[i * width + k]` is coordinate i of b_k, so a
    /// forward pass is d contiguous axpys over the hidden units.
    let inputWeights: [Double]
    /// a_k.
    let outputWeights: [Double]
    /// μ, the mean of the unnormalised teacher.
    let mean: Double
    /// σ, the standard deviation of the unnormalised teacher.
    let standardDeviation: Double

    /// The teacher with weights `b` (row k = b_k, length `width · dimension`, row-major) and `a`.
    init(dimension: Int, width: Int, rowMajorInputWeights b: [Double], outputWeights a: [Double]) {
        precondition(b.count == width * dimension && a.count == width)
        self.dimension = dimension
        self.width = width
        var transposed = [Double](repeating: 0, count: b.count)
        for k in 0..<width {
            for i in 0..<dimension { transposed[i * width + k] = b[k * dimension + i] }
        }
        inputWeights = transposed
        outputWeights = a
        let (mu, variance) = Self.moments(dimension: dimension, width: width, b: b, a: a)
        mean = mu
        standardDeviation = variance.squareRoot()
    }

    /// Draws b (row-major, W_t·d normals) then a (W_t normals) from `stream`.
    init(dimension: Int, width: Int, stream: inout RandomStream) {
        var draws = [Double](repeating: 0, count: width * dimension + width)
        draws.withUnsafeMutableBufferPointer { buffer in
            stream.fillGaussian(count: buffer.count) { buffer[$0] = $1 }
        }
        self.init(dimension: dimension, width: width,
                  rowMajorInputWeights: Array(draws[0..<(width * dimension)]),
                  outputWeights: Array(draws[(width * dimension)...]))
    }

    /// μ and σ² of the unnormalised teacher, in closed form.
    static func moments(dimension d: Int, width w: Int, b: [Double], a: [Double]) -> (Double, Double) {
        let norms = (0..<w).map { k in
            (0..<d).reduce(0.0) { $0 + b[k * d + $1] * b[k * d + $1] }.squareRoot()
        }
        let twoPi = 2 * Double.pi
        var mean = 0.0
        for k in 0..<w { mean += a[k] * norms[k] / twoPi.squareRoot() }
        var variance = 0.0
        for k in 0..<w {
            for l in 0..<w {
                let covariance: Double
                if k == l {
                    covariance = norms[k] * norms[k] * (0.5 - 1 / twoPi)
                } else {
                    var dot = 0.0
                    for i in 0..<d { dot += b[k * d + i] * b[l * d + i] }
                    let product = norms[k] * norms[l]
                    let cosine = product > 0 ? min(1, max(-1, dot / product)) : 0
                    let theta = arcCosine(cosine)
                    let sine = max(0, 1 - cosine * cosine).squareRoot()
                    let second = product * (sine + (Double.pi - theta) * cosine) / twoPi
                    covariance = second - product / twoPi
                }
                variance += a[k] * a[l] * covariance
            }
        }
        return (mean, variance)
    }

    /// acos c for c in [−1, 1], as 2·atan(√((1 − c)/(1 + c))); atan t for t ≤ 1 after two
    /// half-angle steps atan t = 2 atan(t / (1 + √(1 + t²))) (so |t| ≤ tan(π/16) ≈ 0.199) by its
    /// series to t⁴¹ (next term < 1e-30), and π/2 − atan(1/t) above 1. Within a few ulp.
    static func arcCosine(_ c: Double) -> Double {
        if c <= -1 { return Double.pi }
        if c >= 1 { return 0 }
        return 2 * arcTangent(((1 - c) / (1 + c)).squareRoot())
    }

    /// atan t for t ≥ 0 (``arcCosine(_:)``).
    static func arcTangent(_ t: Double) -> Double {
        if t > 1 { return Double.pi / 2 - arcTangent(1 / t) }
        let once = t / (1 + (1 + t * t).squareRoot())
        let z = once / (1 + (1 + once * once).squareRoot())
        let z2 = z * z
        var sum = 0.0
        var k = 20
        while k >= 0 {  // Horner from the smallest term: Σ (−1)^k z^(2k)/(2k + 1)
            sum = sum * z2 + (k % 2 == 0 ? 1 : -1) / Double(2 * k + 1)
            k -= 1
        }
        return 4 * z * sum
    }

    /// f(x) for `x` (d values); `hidden` is scratch of at least W_t values.
    @inline(__always)
    func value(_ x: UnsafePointer<Double>, hidden: UnsafeMutablePointer<Double>) -> Double {
        for k in 0..<width { hidden[k] = 0 }
        inputWeights.withUnsafeBufferPointer { weights in
            for i in 0..<dimension {
                let xi = x[i]
                let row = weights.baseAddress! + i * width
                for k in 0..<width { hidden[k] += xi * row[k] }
            }
        }
        var total = 0.0
        outputWeights.withUnsafeBufferPointer { a in
            for k in 0..<width where hidden[k] > 0 { total += a[k] * hidden[k] }
        }
        return (total - mean) / standardDeviation
    }

    /// f(x) for an array.
    func value(_ x: [Double]) -> Double {
        var hidden = [Double](repeating: 0, count: width)
        return x.withUnsafeBufferPointer { input in
            hidden.withUnsafeMutableBufferPointer { value(input.baseAddress!, hidden: $0.baseAddress!) }
        }
    }
}
