import MesaResults
import Foundation

/// The Cholesky factorization A = L·Lᵀ of a small dense symmetric positive-definite matrix.
///
/// Meant for the normal-equation and Fisher-information matrices of regressions with at most a
/// few dozen columns. Factorizing costs O(k³/3) for a k×k matrix; each solve costs O(k²).
///
/// The factorization fails (the initializer returns nil) when the matrix is not square, holds a
/// non-finite entry, or is not numerically positive definite: a pivot dⱼ (the squared diagonal
/// entry of L) must be positive and exceed ``relativePivotTolerance`` × Aⱼⱼ. For a Gram matrix
/// XᵀWX the ratio dⱼ / Aⱼⱼ is 1 − R²ⱼ, the share of column j (in the W-weighted, uncentred
/// sense) not explained by the columns before it, so the test flags exactly and nearly
/// collinear designs as singular rather than returning meaningless huge numbers.
package struct CholeskyFactorization: Sendable, Equatable {
    /// Pivots dⱼ ≤ tolerance · Aⱼⱼ are treated as zero (singular matrix).
    package static let relativePivotTolerance = 1e-10

    /// The matrix dimension k.
    package let dimension: Int
    /// L in row-major order (k × k, zeros above the diagonal).
    private let lower: [Double]

    /// Factorizes a symmetric positive-definite matrix; only the lower triangle is read.
    /// Returns nil for a singular, indefinite, non-square or non-finite matrix. O(k³/3).
    package init?(_ matrix: [[Double]]) {
        let k = matrix.count
        guard matrix.allSatisfy({ $0.count == k }) else { return nil }
        var l = [Double](repeating: 0, count: k * k)
        for j in 0..<k {
            let ajj = matrix[j][j]
            guard ajj.isFinite, ajj > 0 else { return nil }
            var pivot = ajj
            for m in 0..<j { pivot -= l[j * k + m] * l[j * k + m] }
            guard pivot.isFinite, pivot > Self.relativePivotTolerance * ajj else { return nil }
            let ljj = pivot.squareRoot()
            l[j * k + j] = ljj
            for i in (j + 1)..<k {
                var sum = matrix[i][j]
                guard sum.isFinite else { return nil }
                for m in 0..<j { sum -= l[i * k + m] * l[j * k + m] }
                l[i * k + j] = sum / ljj
            }
        }
        dimension = k
        lower = l
    }

    /// log|A| = 2 Σⱼ log Lⱼⱼ. O(k).
    package var logDeterminant: Double {
        var sum = 0.0
        for j in 0..<dimension { sum += log(lower[j * dimension + j]) }
        return 2 * sum
    }

    /// L·z, for drawing from a normal distribution with covariance A (z standard normal). O(k²).
    package func lowerTimes(_ z: [Double]) -> [Double] {
        precondition(z.count == dimension, "vector has the wrong length")
        let k = dimension
        return (0..<k).map { i in
            var sum = 0.0
            for m in 0...i { sum += lower[i * k + m] * z[m] }
            return sum
        }
    }

    /// Solves L·v = b by forward substitution. O(k²).
    package func forwardSolve(_ b: [Double]) -> [Double] {
        precondition(b.count == dimension, "right-hand side has the wrong length")
        let k = dimension
        var v = b
        for i in 0..<k {
            var sum = v[i]
            for m in 0..<i { sum -= lower[i * k + m] * v[m] }
            v[i] = sum / lower[i * k + i]
        }
        return v
    }

    /// Solves A·x = b (forward then backward substitution). O(k²).
    package func solve(_ b: [Double]) -> [Double] {
        let k = dimension
        var x = forwardSolve(b)
        for i in stride(from: k - 1, through: 0, by: -1) {
            var sum = x[i]
            for m in (i + 1)..<k { sum -= lower[m * k + i] * x[m] }
            x[i] = sum / lower[i * k + i]
        }
        return x
    }

    /// The quadratic form bᵀA⁻¹b = ‖L⁻¹b‖². O(k²).
    package func inverseQuadraticForm(_ b: [Double]) -> Double {
        forwardSolve(b).reduce(0) { $0 + $1 * $1 }
    }

    /// A⁻¹, by solving A·x = eⱼ for every unit vector; symmetrized exactly. O(k³).
    package func inverse() -> [[Double]] {
        let k = dimension
        var columns: [[Double]] = []
        columns.reserveCapacity(k)
        for j in 0..<k {
            var unit = [Double](repeating: 0, count: k)
            unit[j] = 1
            columns.append(solve(unit))
        }
        var result = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for i in 0..<k {
            for j in 0..<k { result[i][j] = 0.5 * (columns[j][i] + columns[i][j]) }
        }
        return result
    }
}
