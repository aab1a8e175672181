import Foundation
@testable import MesaAnalysis
import MesaResults
import Testing

@Suite("Logistic regression against statsmodels and firthmodels")
struct LogisticRegressionTests {
    @Test func maximumLikelihoodMatchesStatsmodels() throws {
        let fixture = try Fixture.load("logistic_a.json", as: TrendFixture.self)
        let reference = try #require(fixture.mle)
        let fit = try #require(LogisticRegression.fit(
            design: fixture.design, outcomes: fixture.outcomes, firth: false))
        #expect(fit.converged)
        #expect(!fit.isFirth)
        var deviation = Deviation()
        deviation.check(fit.coefficients, reference.coefficients, relative: 1e-9, "MLE coefficients")
        deviation.check(fit.covariance, reference.covariance, relative: 1e-9, "MLE covariance")
        deviation.check(fit.logLikelihood, reference.logLikelihood, relative: 1e-12, "MLE log-likelihood")
        for (j, bounds) in try #require(reference.confInt95).enumerated() {
            let interval = fit.waldInterval(coefficient: j, level: 0.95)
            deviation.check([interval.lower, interval.upper], bounds, relative: 1e-9, "MLE conf_int")
        }
        print("logistic_a MLE vs statsmodels: \(deviation)")
    }

    @Test(arguments: ["logistic_a.json", "quasi_separated_b.json", "all_zero_c.json"])
    func firthMatchesReference(file: String) throws {
        let fixture = try Fixture.load(file, as: TrendFixture.self)
        let reference = try #require(fixture.firth)
        let fit = try #require(LogisticRegression.fit(
            design: fixture.design, outcomes: fixture.outcomes, firth: true))
        #expect(fit.converged)
        #expect(fit.isFirth)
        #expect(fit.maxAbsoluteScore <= LogisticRegression.scoreTolerance)
        // The score tolerance 1e-10 fixes β̂ to about ‖I⁻¹‖·1e-10 ≈ 1e-10 here; the numpy
        // reference is converged to 1e-12. firthmodels stalls near max|U*| ≈ 1e-8 on some of
        // these data sets (see make_fixtures.py), hence its looser absolute tolerance.
        var tight = Deviation()
        tight.check(fit.coefficients, reference.coefficients, relative: 1e-8, absolute: 1e-9, "Firth coefficients")
        tight.check(fit.covariance, reference.covariance, relative: 1e-8, absolute: 1e-9, "Firth covariance")
        tight.check(fit.logLikelihood, reference.logLikelihood, relative: 1e-12, "penalized log-likelihood")
        var library = Deviation()
        library.check(
            fit.coefficients, try #require(reference.firthmodelsCoefficients), relative: 1e-6,
            absolute: 1e-7, "firthmodels coefficients")
        print("\(fixture.name) Firth vs numpy Firth: \(tight); vs firthmodels: \(library)")
    }

    @Test func firthEstimatesStayFiniteUnderQuasiSeparation() throws {
        let fixture = try Fixture.load("quasi_separated_b.json", as: TrendFixture.self)
        let firth = try #require(LogisticRegression.fit(
            design: fixture.design, outcomes: fixture.outcomes, firth: true))
        #expect(firth.converged)
        #expect(firth.coefficients.allSatisfy { $0.isFinite && abs($0) < 20 })
        // Without the penalty the MLE does not exist: the fit must say so.
        let mle = LogisticRegression.fit(design: fixture.design, outcomes: fixture.outcomes, firth: false)
        #expect(mle == nil || mle?.converged == false)
    }

    @Test func maximumLikelihoodFlagsCompleteSeparationAndConstantOutcomes() {
        let design = (0..<8).map { [1.0, Double($0)] }
        let separated = LogisticRegression.fit(
            design: design, outcomes: [0, 0, 0, 0, 1, 1, 1, 1], firth: false)
        #expect(separated == nil || separated?.converged == false)
        let allZero = LogisticRegression.fit(
            design: design, outcomes: [Double](repeating: 0, count: 8), firth: false)
        #expect(allZero == nil || allZero?.converged == false)
        let firth = LogisticRegression.fit(
            design: design, outcomes: [0, 0, 0, 0, 1, 1, 1, 1], firth: true)
        #expect(firth?.converged == true)
    }

    @Test func frequencyWeightsEqualExpandedRows() throws {
        let fixture = try Fixture.load("logistic_a.json", as: TrendFixture.self)
        // Group identical design rows: weight = count, outcome = share of ones.
        var rows: [[Double]] = []
        var counts: [Double] = []
        var ones: [Double] = []
        for (row, y) in zip(fixture.design, fixture.outcomes) {
            if let j = rows.firstIndex(of: row) {
                counts[j] += 1
                ones[j] += y
            } else {
                rows.append(row); counts.append(1); ones.append(y)
            }
        }
        let shares = zip(ones, counts).map { $0 / $1 }
        for firth in [false, true] {
            let expanded = try #require(LogisticRegression.fit(
                design: fixture.design, outcomes: fixture.outcomes, firth: firth))
            let grouped = try #require(LogisticRegression.fit(
                design: rows, outcomes: shares, weights: counts, firth: firth))
            var deviation = Deviation()
            deviation.check(grouped.coefficients, expanded.coefficients, relative: 1e-10)
            deviation.check(grouped.covariance, expanded.covariance, relative: 1e-10)
            deviation.check(grouped.logLikelihood, expanded.logLikelihood, relative: 1e-12)
        }
    }

    @Test func malformedOrRankDeficientInputReturnsNil() {
        let design: [[Double]] = [[1, 0], [1, 1], [1, 2]]
        #expect(LogisticRegression.fit(design: design, outcomes: [0, 1], firth: true) == nil)
        #expect(LogisticRegression.fit(design: design, outcomes: [0, 2, 1], firth: true) == nil)
        #expect(LogisticRegression.fit(design: design, outcomes: [0, .nan, 1], firth: true) == nil)
        #expect(LogisticRegression.fit(
            design: design, outcomes: [0, 1, 1], weights: [1, -1, 1], firth: true) == nil)
        #expect(LogisticRegression.fit(design: [[1, 0], [1]], outcomes: [0, 1], firth: true) == nil)
        #expect(LogisticRegression.fit(
            design: [[1, 2], [1, 2], [1, 2]], outcomes: [0, 1, 1], firth: true) == nil)
    }
}
