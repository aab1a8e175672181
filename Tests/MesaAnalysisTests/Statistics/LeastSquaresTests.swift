import Foundation
@testable import MesaAnalysis
import MesaResults
import Testing

@Suite("Least squares against statsmodels OLS")
struct LeastSquaresTests {
    @Test(arguments: ["ols_d.json", "continuous_e.json"])
    func matchesStatsmodels(file: String) throws {
        let fixture = try Fixture.load(file, as: TrendFixture.self)
        let reference = try #require(fixture.ols)
        let fit = try #require(LeastSquares.fit(design: fixture.design, outcomes: fixture.outcomes))
        #expect(fit.residualDegreesOfFreedom == reference.dfResid)
        var deviation = Deviation()
        deviation.check(fit.coefficients, reference.coefficients, relative: 1e-10, "coefficients")
        deviation.check(fit.covariance, reference.covariance, relative: 1e-9, "covariance")
        deviation.check(fit.residualVariance, reference.scale, relative: 1e-10, "sigma^2")
        for (j, bounds) in reference.confInt95.enumerated() {
            let interval = fit.interval(coefficient: j, level: 0.95)
            deviation.check([interval.lower, interval.upper], bounds, relative: 1e-9, "conf_int")
        }
        print("\(fixture.name) OLS vs statsmodels: \(deviation)")
    }

    @Test func rankDeficientOrSaturatedDesignReturnsNil() {
        // Third column = first + second.
        let aliased: [[Double]] = [[1, 0, 1], [1, 1, 2], [1, 2, 3], [1, 3, 4], [1, 5, 6]]
        #expect(LeastSquares.fit(design: aliased, outcomes: [1, 2, 3, 4, 5]) == nil)
        // n == k: no residual degree of freedom.
        #expect(LeastSquares.fit(design: [[1, 0], [1, 1]], outcomes: [1, 2]) == nil)
        #expect(LeastSquares.fit(design: [[1, 0], [1, 1], [1, 2]], outcomes: [1, .infinity, 2]) == nil)
    }

    @Test func exactLineHasZeroResidualVariance() throws {
        let fit = try #require(LeastSquares.fit(
            design: [[1, 0], [1, 1], [1, 2], [1, 3]], outcomes: [1, 3, 5, 7]))
        #expect(abs(fit.coefficients[0] - 1) < 1e-12 && abs(fit.coefficients[1] - 2) < 1e-12)
        #expect(fit.residualVariance < 1e-25)
    }
}
