import Foundation
@testable import MesaAnalysis
import MesaResults
import Testing

@Suite("Trend model effects against numpy / statsmodels / firthmodels references")
struct TrendModelTests {
    static let files = [
        "logistic_a.json", "quasi_separated_b.json", "all_zero_c.json", "ols_d.json", "continuous_e.json",
    ]

    @Test(arguments: files)
    func designMatchesReference(file: String) throws {
        let fixture = try Fixture.load(file, as: TrendFixture.self)
        let fit = try #require(TrendModel.fit(fixture.trendObservations, binary: fixture.binary))
        #expect(fit.design.axisLevels == fixture.axisLevels)
        let rows = fixture.observations.map { fit.design.row(x: $0.x, covariates: $0.covariates) }
        #expect(rows == fixture.design)
    }

    @Test(arguments: files)
    func effectsMatchReference(file: String) throws {
        let fixture = try Fixture.load(file, as: TrendFixture.self)
        var deviation = Deviation()
        for reference in fixture.trend {
            let result = try #require(TrendModel.analyze(
                fixture.trendObservations, binary: fixture.binary, level: reference.level))
            #expect(result.observationCount == fixture.observations.count)
            let effect = result.effect
            deviation.check(effect.estimate, reference.effect, relative: 1e-8, absolute: 1e-10, "effect")
            deviation.check(effect.standardError, reference.se, relative: 1e-8, absolute: 1e-10, "effect SE")
            deviation.check(effect.interval.lower, reference.lower, relative: 1e-8, absolute: 1e-10, "lower")
            deviation.check(effect.interval.upper, reference.upper, relative: 1e-8, absolute: 1e-10, "upper")
            deviation.check(result.slope.estimate, reference.slope, relative: 1e-8, "slope")
            deviation.check(result.slope.standardError, reference.slopeSe, relative: 1e-8, "slope SE")
            deviation.check(result.slope.interval.lower, reference.slopeLower, relative: 1e-8, "slope lower")
            deviation.check(result.slope.interval.upper, reference.slopeUpper, relative: 1e-8, "slope upper")

            #expect(result.slices.map(\.covariates) == reference.slices.map(\.covariates))
            for (slice, expected) in zip(result.slices, reference.slices) {
                #expect(slice.observationCount == expected.n)
                guard let expectedEffect = expected.effect else {
                    #expect(slice.effect == nil)
                    continue
                }
                let actual = try #require(slice.effect)
                deviation.check(actual.estimate, expectedEffect, relative: 1e-8, absolute: 1e-10, "slice effect")
                deviation.check(actual.standardError, try #require(expected.se), relative: 1e-8, absolute: 1e-10, "slice SE")
                deviation.check(actual.interval.lower, try #require(expected.lower), relative: 1e-8, absolute: 1e-10, "slice lower")
                deviation.check(actual.interval.upper, try #require(expected.upper), relative: 1e-8, absolute: 1e-10, "slice upper")
            }
        }
        print("\(fixture.name) trend effects: \(deviation)")
    }

    @Test func allZeroBinaryEffectIsExactlyZeroWithFiniteInterval() throws {
        let fixture = try Fixture.load("all_zero_c.json", as: TrendFixture.self)
        let result = try #require(TrendModel.analyze(fixture.trendObservations, binary: true, level: 0.95))
        #expect(result.outcomesAreConstant)
        #expect(result.effect.estimate == 0)
        #expect(result.effect.interval.lower < 0 && result.effect.interval.upper > 0)
        #expect(result.effect.interval.lower >= -1 && result.effect.interval.upper <= 1)
        #expect(result.slices.allSatisfy { $0.effect?.estimate == 0 })
    }

    @Test func constantContinuousOutcomeGivesZeroWidthIntervalAtZero() throws {
        let observations = (0..<12).map { TrendObservation(x: Double($0 % 4), covariates: [$0 < 6 ? "a" : "b"], y: 2.5) }
        let result = try #require(TrendModel.analyze(observations, binary: false, level: 0.95))
        #expect(result.outcomesAreConstant)
        #expect(result.effect.estimate == 0 && result.effect.standardError == 0)
        #expect(result.effect.interval == ConfidenceInterval(lower: 0, upper: 0, level: 0.95))
        #expect(result.slope.estimate == 0)
        let verdict = VerdictRule.direction(result.effect.interval, predicted: .rises, margin: 0.1)
        #expect(verdict.verdict == .doesNotHold)
    }

    @Test func aliasedAndSingleLevelAxesAreDropped() throws {
        // Axis 1 is a relabelling of axis 0 and axis 2 has one level: the design keeps
        // intercept, x and one dummy, and the effect equals the fit with axis 0 alone.
        let base: [(Double, String, Double)] = [
            (0, "a", 0), (0, "a", 1), (1, "a", 1), (1, "a", 0), (2, "a", 1), (2, "a", 1),
            (0, "b", 0), (0, "b", 0), (1, "b", 0), (1, "b", 1), (2, "b", 1), (2, "b", 0),
        ]
        let full = base.map { TrendObservation(x: $0.0, covariates: [$0.1, $0.1.uppercased(), "only"], y: $0.2) }
        let reduced = base.map { TrendObservation(x: $0.0, covariates: [$0.1], y: $0.2) }
        let fullFit = try #require(TrendModel.fit(full, binary: true))
        #expect(fullFit.design.columns == [.intercept, .x, .indicator(axis: 0, level: "b")])
        let a = try #require(TrendModel.analyze(full, binary: true, level: 0.9))
        let b = try #require(TrendModel.analyze(reduced, binary: true, level: 0.9))
        #expect(abs(a.effect.estimate - b.effect.estimate) < 1e-12)
        #expect(abs(a.effect.interval.lower - b.effect.interval.lower) < 1e-12)
    }

    @Test func sliceWithOneDistinctXHasNoEffect() throws {
        var observations = (0..<9).map { TrendObservation(x: Double($0 % 3), covariates: ["wide"], y: Double($0 % 2)) }
        observations += [TrendObservation(x: 1, covariates: ["point"], y: 1), TrendObservation(x: 1, covariates: ["point"], y: 0)]
        let result = try #require(TrendModel.analyze(observations, binary: true, level: 0.95))
        #expect(result.slices.map(\.covariates) == [["wide"], ["point"]])
        #expect(result.slices[0].effect != nil)
        #expect(result.slices[1].effect == nil)
    }

    @Test func invalidInputReturnsNil() {
        let good = [TrendObservation(x: 0, y: 0), TrendObservation(x: 1, y: 1), TrendObservation(x: 2, y: 1)]
        #expect(TrendModel.analyze([], binary: true, level: 0.95) == nil)
        #expect(TrendModel.analyze(good, binary: true, level: 1) == nil)
        #expect(TrendModel.analyze(good + [TrendObservation(x: 1, y: 0.5)], binary: true, level: 0.95) == nil)
        #expect(TrendModel.analyze(good + [TrendObservation(x: .nan, y: 1)], binary: true, level: 0.95) == nil)
        #expect(TrendModel.analyze(good + [TrendObservation(x: 1, covariates: ["a"], y: 1)], binary: true, level: 0.95) == nil)
        #expect(TrendModel.analyze(good.map { TrendObservation(x: 3, y: $0.y) }, binary: true, level: 0.95) == nil)
    }
}
