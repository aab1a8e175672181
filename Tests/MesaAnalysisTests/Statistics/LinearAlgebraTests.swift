import Foundation
@testable import MesaAnalysis
import MesaResults
import Testing

@Suite("Cholesky and linear algebra")
struct LinearAlgebraTests {
    let matrix: [[Double]] = [[4, 2, 0.4], [2, 10, 1], [0.4, 1, 3]]

    @Test func solveAndInverseRoundTrip() throws {
        let factor = try #require(CholeskyFactorization(matrix))
        let x = factor.solve([1, 2, 3])
        let back = matrix.map { LinearAlgebra.dot($0, x) }
        for (b, e) in zip(back, [1.0, 2, 3]) { #expect(abs(b - e) < 1e-14) }
        let inverse = factor.inverse()
        for i in 0..<3 {
            for j in 0..<3 {
                let product = (0..<3).reduce(0.0) { $0 + matrix[i][$1] * inverse[$1][j] }
                #expect(abs(product - (i == j ? 1 : 0)) < 1e-14)
            }
        }
        // det = 4(30 − 1) − 2(6 − 0.4) + 0.4(2 − 4) = 104.0
        #expect(abs(factor.logDeterminant - log(104.0)) < 1e-13)
        #expect(abs(factor.inverseQuadraticForm([1, 2, 3]) - LinearAlgebra.dot([1, 2, 3], x)) < 1e-14)
    }

    @Test func singularAndMalformedMatricesFail() {
        #expect(CholeskyFactorization([[1, 2], [2, 4]]) == nil)            // rank 1
        #expect(CholeskyFactorization([[1, 2], [2, 4 + 1e-13]]) == nil)    // numerically rank 1
        #expect(CholeskyFactorization([[1, 0], [0, -1]]) == nil)           // indefinite
        #expect(CholeskyFactorization([[1, 0], [0]]) == nil)               // ragged
        #expect(CholeskyFactorization([[.nan, 0], [0, 1]]) == nil)
        #expect(LinearAlgebra.solveSymmetricPositiveDefinite([[0]], [1]) == nil)
        #expect(LinearAlgebra.invertSymmetricPositiveDefinite([[1, 1], [1, 1]]) == nil)
        let inverse = LinearAlgebra.invertSymmetricPositiveDefinite([[2]])
        #expect(abs((inverse?[0][0] ?? 0) - 0.5) < 1e-15)
    }

    @Test func weightedGramMatchesDefinition() {
        let design: [[Double]] = [[1, 2], [1, -1], [1, 0.5]]
        let gram = LinearAlgebra.weightedGram(design, weights: [1, 2, 4])
        #expect(gram == [[7, 2], [2, 7]])
        #expect(LinearAlgebra.transposeTimes(design, [1, 1, 2]) == [4, 2])
        #expect(LinearAlgebra.quadraticForm(gram, [1, 1]) == 18)
    }
}
