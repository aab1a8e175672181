@testable import MesaAnalysis
import MesaResults
import Testing

/// Levels at the bounds (issue 22, items 1–3): Clopper–Pearson for shares, the betting confidence
/// sequence for other metrics in [0, 1], and no interval narrower than a metric's resolution.
@Suite("Levels at the bounds: Clopper–Pearson, betting confidence sequences, resolution")
struct BoundedLevelTests {
    struct ClopperPearsonFixture: Decodable {
        struct Case: Decodable {
            var successes: Int
            var trials: Int
            var level: Double
            var lower: Double
            var upper: Double
        }
        var cases: [Case]
    }

    struct BettingFixture: Decodable {
        struct Case: Decodable {
            var name: String
            var values: [Double]
            var level: Double
            var lower: [Double]
            var upper: [Double]
        }
        var cases: [Case]
    }

    @Test("Clopper–Pearson matches scipy's binomtest(...).proportion_ci(method='exact')")
    func clopperPearsonMatchesScipy() throws {
        let fixture = try Fixture.load("clopper_pearson.json", as: ClopperPearsonFixture.self)
        #expect(fixture.cases.count == 13)
        for reference in fixture.cases {
            let interval = try #require(ClopperPearsonInterval.interval(
                successes: reference.successes, trials: reference.trials, level: reference.level))
            #expect(abs(interval.lower - reference.lower) <= 1e-12, "\(reference.successes)/\(reference.trials) lower")
            #expect(abs(interval.upper - reference.upper) <= 1e-12, "\(reference.successes)/\(reference.trials) upper")
        }
        // The closed form at 0 of n.
        let none = try #require(ClopperPearsonInterval.interval(successes: 0, trials: 8, level: 0.95))
        #expect(abs(none.upper - ClopperPearsonInterval.smallestUpperBound(trials: 8, level: 0.95)) < 1e-12)
        #expect(ClopperPearsonInterval.interval(successes: 3, trials: 2, level: 0.95) == nil)
    }

    @Test("the betting confidence sequence matches confseq's hedged_cs at every time")
    func bettingMatchesConfseq() throws {
        let fixture = try Fixture.load("betting_cs.json", as: BettingFixture.self)
        #expect(fixture.cases.count == 7)
        for reference in fixture.cases {
            let sequence = try #require(BettingConfidenceSequence.sequence(reference.values, level: reference.level))
            #expect(sequence.count == reference.values.count)
            for (t, bounds) in sequence.enumerated() {
                #expect(abs(bounds.lower - reference.lower[t]) < 1e-12, "\(reference.name) lower at t = \(t + 1)")
                #expect(abs(bounds.upper - reference.upper[t]) < 1e-12, "\(reference.name) upper at t = \(t + 1)")
            }
        }
        #expect(BettingConfidenceSequence.interval([0.5, 1.5], level: 0.95) == nil)
    }

    static let instances = AxisDescription(key: "environment.instances", values: [.number(1)], geometric: false)

    static func level(_ metric: Metric, _ bound: Prediction.Bound, _ value: Double, _ values: [Double],
                      looks: SeedSchedule? = nil) -> Finding {
        let at = RunFixtures.point([("environment.instances", .number(1))])
        let runs = values.enumerated().map { i, v -> RunRecord in
            var metrics = RunFixtures.metrics()
            metrics[metric] = v
            return RunFixtures.run(at, repetition: i, metrics)
        }
        var results = RunFixtures.results(runs: runs, axes: [instances], expectations: [
            Prediction(claim: .level(metric: metric, bound: bound, value: value), filters: [], text: "")])
        results.seedSchedule = looks
        results.looksRun = looks.map { _ in 1 }
        return ResultsAnalysis.complete(results).findings.first { $0.kind == .expectation }!
    }

    @Test("item 2: 0 of 12 does not show a share of at most 0.25 (Wilson's upper end 0.243 did)")
    func shareOnTheBound() {
        let finding = Self.level(.mesaOptimizer, .atMost, 0.25, Array(repeating: 0, count: 12))
        #expect(finding.verdict == .notShown, "\(finding.sentence)")
        #expect(finding.sentence.contains("0 of 12 runs (95% Clopper–Pearson interval 0 to 0.26)"))
        let enough = Self.level(.mesaOptimizer, .atMost, 0.3, Array(repeating: 0, count: 12))
        #expect(enough.verdict == .holds)
    }

    @Test("item 1: a zero-inflated metric in [0, 1] on its bound is decided by the betting sequence, not t")
    func zeroInflatedLevel() {
        // 20 zeros and four 0.2: mean 0.033; the t interval's upper end (0.065) is below 0.1, but
        // the betting confidence sequence reaches 0.276 (confseq's hedged_cs gives the same).
        let values = (0..<24).map { $0 % 6 == 5 ? 0.2 : 0 }
        let finding = Self.level(.proxyPursuit, .atMost, 0.1, values)
        #expect(finding.verdict == .notShown, "\(finding.sentence)")
        #expect(finding.sentence.contains("mean 0.0333 over 24 runs (95% betting confidence sequence 0 to 0.28)"))
        // With looks the sequence keeps its 95%: no Bonferroni split over the looks.
        let sequential = Self.level(.proxyPursuit, .atMost, 0.1, values, looks: SeedSchedule.doubling(from: 24, to: 96))
        #expect(sequential.sentence.contains("(95% betting confidence sequence 0 to 0.28)"), "\(sequential.sentence)")
        #expect(Self.level(.proxyPursuit, .atMost, 0.3, values).verdict == .holds)
    }

    @Test("item 3: identical runs give an interval as wide as the metric's resolution, never [0, 0]")
    func resolution() throws {
        let zeros = Array(repeating: 0.0, count: 12)
        let finding = Self.level(.searchBits, .atMost, 0.0001, zeros)
        #expect(finding.verdict == .notShown, "\(finding.sentence)")
        #expect(finding.hi == Metric.searchBits.definition.resolution)
        #expect(Self.level(.searchBits, .atMost, 0.5, zeros).verdict == .holds)
        // The summary too; an integer metric's resolution is 1.
        let summary = try #require(Summarizer.estimate(.searchBits, zeros))
        #expect(summary.lo == 0 && summary.hi == 0.001)
        let counts = try #require(Summarizer.estimate(.paramsTable, [5, 5, 5]))
        #expect(counts.lo == 4.5 && counts.hi == 5.5)
        // An interval wider than the resolution is left alone.
        let spread = try #require(Summarizer.estimate(.searchBits, [0, 1, 2]))
        #expect(spread.hi - spread.lo > 1)
    }
}

/// Issue 22 item 8: least squares over points that share worlds clusters its standard errors by
/// world (CR2, G − 1 degrees of freedom), checked against a numpy implementation.
@Suite("CR2 standard errors clustered by world")
struct ClusteredTrendTests {
    struct CR2Fixture: Decodable {
        var x: [Double]
        var covariates: [String]
        var y: [Double]
        var worlds: [Int]
        var coefficients: [Double]
        var covariance: [[Double]]
        var df: Int
        var slopeInterval95: [Double]
    }

    @Test("the CR2 covariance and the t(G − 1) interval match numpy")
    func matchesNumpy() throws {
        let fixture = try Fixture.load("cr2.json", as: CR2Fixture.self)
        let observations = fixture.x.indices.map {
            TrendObservation(x: fixture.x[$0], covariates: [fixture.covariates[$0]], y: fixture.y[$0], world: fixture.worlds[$0])
        }
        let fit = try #require(TrendModel.fit(observations, binary: false))
        #expect(fit.worldClusters == 9 && fit.residualDegreesOfFreedom == fixture.df)
        for (a, b) in zip(fit.coefficients, fixture.coefficients) { #expect(abs(a - b) < 1e-10) }
        for (rowA, rowB) in zip(fit.covariance, fixture.covariance) {
            for (a, b) in zip(rowA, rowB) { #expect(abs(a - b) < 1e-10, "covariance") }
        }
        let slope = fit.slope(level: 0.95).interval
        #expect(abs(slope.lower - fixture.slopeInterval95[0]) < 1e-8 && abs(slope.upper - fixture.slopeInterval95[1]) < 1e-8)
        // Without worlds: the ordinary σ̂²(XᵀX)⁻¹ with n − k degrees of freedom.
        let plain = try #require(TrendModel.fit(observations.map { TrendObservation(x: $0.x, covariates: $0.covariates, y: $0.y) },
                                                binary: false))
        #expect(plain.worldClusters == nil && plain.residualDegreesOfFreedom == 42)
    }
}
