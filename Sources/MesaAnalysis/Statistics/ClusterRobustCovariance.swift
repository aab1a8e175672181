import Foundation
import MesaResults

/// The cluster-robust covariance of least-squares coefficients with the CR2 small-sample
/// correction (Bell and McCaffrey 2002; Pustejovsky and Tipton 2018), for fits that pool points
/// whose runs share worlds: runs at the same repetition get the same world seed at every sweep point
/// (docs/model.md), so their outcomes are not independent across points, and the usual σ̂²(XᵀX)⁻¹
/// understates the spread. With clusters g (one per world),
///
///     V = (XᵀX)⁻¹ [Σ_g X_gᵀ A_g e_g e_gᵀ A_g X_g] (XᵀX)⁻¹,   A_g = (I − H_gg)^(−1/2),
///     H_gg = X_g (XᵀX)⁻¹ X_gᵀ
///
/// (the symmetric inverse square root, by a Jacobi eigendecomposition; eigenvalues of I − H_gg at 0
/// are left at 0, a generalized inverse). Intervals then use t with G − 1 degrees of freedom.
/// Matches an independent numpy implementation (`eigh`) in the fixtures. O(n·k² + Σ n_g³).
package enum ClusterRobustCovariance {
    /// CR2 covariance of the OLS fit of `outcomes` on `design` with `coefficients`; nil with fewer
    /// than two clusters or malformed input.
    package static func cr2(design: [[Double]], outcomes: [Double], coefficients: [Double], clusters: [Int]) -> [[Double]]? {
        guard let k = LinearAlgebra.columnCount(of: design), design.count == outcomes.count,
              clusters.count == design.count else { return nil }
        let ones = [Double](repeating: 1, count: design.count)
        guard let bread = LinearAlgebra.invertSymmetricPositiveDefinite(LinearAlgebra.weightedGram(design, weights: ones))
        else { return nil }
        var order: [Int] = [], members: [Int: [Int]] = [:]
        for (i, c) in clusters.enumerated() {
            if members[c] == nil { order.append(c) }
            members[c, default: []].append(i)
        }
        guard order.count >= 2 else { return nil }
        var meat = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for c in order {
            let rows = members[c]!.map { design[$0] }
            let residuals = members[c]!.map { outcomes[$0] - LinearAlgebra.dot(design[$0], coefficients) }
            let m = rows.count
            // I − H_gg.
            var matrix = [[Double]](repeating: [Double](repeating: 0, count: m), count: m)
            let projected = rows.map { row in (0..<k).map { a in (0..<k).reduce(0) { $0 + bread[a][$1] * row[$1] } } }
            for i in 0..<m {
                for j in 0..<m { matrix[i][j] = (i == j ? 1 : 0) - LinearAlgebra.dot(rows[i], projected[j]) }
            }
            guard let root = inverseSquareRoot(matrix) else { return nil }
            let adjusted = (0..<m).map { i in (0..<m).reduce(0) { $0 + root[i][$1] * residuals[$1] } }
            // u = X_gᵀ A_g e_g.
            let u = (0..<k).map { a in (0..<m).reduce(0) { $0 + rows[$1][a] * adjusted[$1] } }
            for a in 0..<k { for b in 0..<k { meat[a][b] += u[a] * u[b] } }
        }
        return (0..<k).map { a in
            (0..<k).map { b in
                var sum = 0.0
                for i in 0..<k { for j in 0..<k { sum += bread[a][i] * meat[i][j] * bread[j][b] } }
                return sum
            }
        }
    }

    /// M^(−1/2) of a symmetric positive semidefinite M (eigenvalues ≤ 1e-12 mapped to 0).
    static func inverseSquareRoot(_ matrix: [[Double]]) -> [[Double]]? {
        guard let (values, vectors) = SymmetricEigen.decompose(matrix) else { return nil }
        let n = values.count
        let scale = values.map { $0 > 1e-12 ? 1 / $0.squareRoot() : 0 }
        return (0..<n).map { i in (0..<n).map { j in (0..<n).reduce(0) { $0 + vectors[i][$1] * scale[$1] * vectors[j][$1] } } }
    }
}

/// The eigendecomposition of a small symmetric matrix by cyclic Jacobi rotations (Golub and Van
/// Loan §8.5): M = V diag(λ) Vᵀ, the columns of V the eigenvectors. Converges quadratically;
/// O(n³) per sweep, a handful of sweeps.
enum SymmetricEigen {
    static func decompose(_ matrix: [[Double]]) -> (values: [Double], vectors: [[Double]])? {
        let n = matrix.count
        guard matrix.allSatisfy({ $0.count == n }) else { return nil }
        var a = matrix
        var v = (0..<n).map { i in (0..<n).map { $0 == i ? 1.0 : 0.0 } }
        for _ in 0..<100 {
            var off = 0.0
            for i in 0..<n { for j in 0..<n where i != j { off += a[i][j] * a[i][j] } }
            if off < 1e-30 { break }
            for p in 0..<n {
                for q in (p + 1)..<max(p + 1, n) where abs(a[p][q]) > 1e-300 {
                    let theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0..<n {
                        let akp = a[k][p], akq = a[k][q]
                        a[k][p] = c * akp - s * akq
                        a[k][q] = s * akp + c * akq
                    }
                    for k in 0..<n {
                        let apk = a[p][k], aqk = a[q][k]
                        a[p][k] = c * apk - s * aqk
                        a[q][k] = s * apk + c * aqk
                    }
                    for k in 0..<n {
                        let vkp = v[k][p], vkq = v[k][q]
                        v[k][p] = c * vkp - s * vkq
                        v[k][q] = s * vkp + c * vkq
                    }
                }
            }
        }
        return ((0..<n).map { a[$0][$0] }, v)
    }
}
