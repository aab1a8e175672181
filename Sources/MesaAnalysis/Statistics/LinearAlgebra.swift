import MesaResults
import Foundation

/// Dense linear-algebra helpers for small regression problems (n rows, k ≤ ~40 columns).
///
/// Matrices are `[[Double]]` in row-major order (one inner array per row). All functions are
/// pure; those that can fail on singular input return nil instead of trapping. Mismatched
/// dimensions are programming errors and trap (precondition).
package enum LinearAlgebra {
    /// Whether `matrix` is a non-empty rectangular array of finite numbers with at least one
    /// column; returns its column count, or nil. O(n·k).
    package static func columnCount(of matrix: [[Double]]) -> Int? {
        guard let k = matrix.first?.count, k > 0 else { return nil }
        for row in matrix {
            guard row.count == k, row.allSatisfy(\.isFinite) else { return nil }
        }
        return k
    }

    /// The weighted Gram matrix XᵀWX = Σᵢ wᵢ xᵢxᵢᵀ (W = diag(w)). O(n·k²).
    package static func weightedGram(_ design: [[Double]], weights: [Double]) -> [[Double]] {
        precondition(design.count == weights.count, "one weight per row")
        let k = design.first?.count ?? 0
        var gram = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for (row, w) in zip(design, weights) where w != 0 {
            for i in 0..<k {
                let wi = w * row[i]
                for j in 0...i { gram[i][j] += wi * row[j] }
            }
        }
        for i in 0..<k {
            for j in 0..<i { gram[j][i] = gram[i][j] }
        }
        return gram
    }

    /// Xᵀv = Σᵢ vᵢ xᵢ. O(n·k).
    package static func transposeTimes(_ design: [[Double]], _ vector: [Double]) -> [Double] {
        precondition(design.count == vector.count, "one entry per row")
        var result = [Double](repeating: 0, count: design.first?.count ?? 0)
        for (row, v) in zip(design, vector) where v != 0 {
            for j in row.indices { result[j] += v * row[j] }
        }
        return result
    }

    /// aᵀb. O(k).
    package static func dot(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count, "vectors of different length")
        var sum = 0.0
        for i in a.indices { sum += a[i] * b[i] }
        return sum
    }

    /// The quadratic form aᵀMa for a square matrix M. O(k²).
    package static func quadraticForm(_ matrix: [[Double]], _ a: [Double]) -> Double {
        var sum = 0.0
        for i in a.indices where a[i] != 0 { sum += a[i] * dot(matrix[i], a) }
        return sum
    }

    /// Solves A·x = b for a symmetric positive-definite A via Cholesky; nil when A is singular
    /// (see ``CholeskyFactorization``). O(k³).
    package static func solveSymmetricPositiveDefinite(_ matrix: [[Double]], _ b: [Double]) -> [Double]? {
        guard b.count == matrix.count, let factor = CholeskyFactorization(matrix) else { return nil }
        return factor.solve(b)
    }

    /// A⁻¹ for a symmetric positive-definite A via Cholesky; nil when A is singular. O(k³).
    package static func invertSymmetricPositiveDefinite(_ matrix: [[Double]]) -> [[Double]]? {
        CholeskyFactorization(matrix)?.inverse()
    }
}
