import Foundation
@testable import MesaAnalysis
import MesaResults
import Testing

/// Predictions checked against constructed runs (docs/statistics.md). The fits and intervals
/// themselves are checked against statsmodels and firthmodels (Statistics/); here: which runs enter
/// each test, the verdict rule with its margin, and the sentence.
@Suite struct ExpectationCheckTests {
    static let instances = AxisDescription(key: "environment.instances", values: [.number(1), .number(4), .number(16)],
                                           geometric: true)
    static let share = Metric.mesaOptimizer

    /// N = 1, 4, 16 with `searching[i]` of `n` runs selecting search.
    static func runs(_ searching: [Int], of n: Int) -> [RunRecord] {
        zip([1.0, 4, 16], searching).flatMap { RunFixtures.instancesRuns($0, searching: $1, of: n) }
    }

    static func check(_ claim: Prediction.Claim, filters: [Prediction.Filter] = [], runs: [RunRecord],
                      axes: [AxisDescription] = [instances], margin: Double? = nil) -> Finding {
        let expectation = Prediction(claim: claim, filters: filters, text: "", margin: margin)
        return RunFixtures.findings(runs: runs, axes: axes, expectations: [expectation])[0]
    }

    static func trend(_ direction: Prediction.Direction, _ runs: [RunRecord], margin: Double? = nil) -> Finding {
        check(.trend(metric: share, direction: direction, axis: "environment.instances"), runs: runs, margin: margin)
    }

    @Test("a trend: the fitted change over all runs decides, in words a reader can check")
    func trend() throws {
        let rising = Self.runs([0, 3, 6], of: 6)
        let rises = Self.trend(.rises, rising)
        #expect(rises.verdict == .holds)
        #expect(rises.kind == .expectation)
        // The effect is the trend model's, on log₂ N, over all 18 runs.
        let observations = rising.map { TrendObservation(x: log2($0.point["environment.instances"]!.number!), y: $0.metrics[.mesaOptimizer]!) }
        let effect = try #require(TrendModel.analyze(observations, binary: true, level: 0.95)).effect
        #expect(rises.value == effect.estimate && rises.lo == effect.interval.lower && rises.hi == effect.interval.upper)
        #expect(effect.interval.lower > 0)
        #expect(rises.sentence.hasPrefix("Predicted: the share of runs selecting search rises along N. Holds: the fitted share changes by +0.9 across N from 1 to 16 (95% interval +0."))
        #expect(rises.sentence.contains("; Firth logistic regression on all 18 runs with log₂ N as predictor; margin 0.2, the default for a share)"))
        // The same runs against the opposite prediction: wholly on the other side.
        let falls = Self.trend(.falls, rising)
        #expect(falls.verdict == .doesNotHold)
        #expect(falls.sentence.contains(". Does not hold: the fitted share changes by +0.9 "))
        // 2 of 6 against 4 of 6 and between: too few runs to tell.
        let unclear = Self.trend(.rises, Self.runs([2, 3, 4], of: 6))
        #expect(unclear.verdict == .notShown)
        #expect(unclear.sentence.contains(". Not shown: the fitted share changes by "))
    }

    @Test("no effect: a flat share over many runs does not hold by equivalence, unless the margin is smaller")
    func equivalence() throws {
        let flat = Self.runs([30, 30, 30], of: 120)
        let finding = Self.trend(.rises, flat)
        let lo = try #require(finding.lo), hi = try #require(finding.hi)
        #expect(lo <= 0 && 0 <= hi && -0.2 < lo && hi < 0.2, "an interval around 0 inside the default margin")
        #expect(finding.verdict == .doesNotHold)
        let strict = Self.trend(.rises, flat, margin: 0.02)
        #expect(strict.verdict == .notShown, "with a margin of 0.02 the same interval is not narrow enough")
        #expect(strict.sentence.contains("margin 0.02)"))
        // A real but small rise is "holds", said to be smaller than the margin.
        let small = Self.trend(.rises, Self.runs([1000, 1150, 1300], of: 4000))
        #expect(small.verdict == .holds)
        #expect(small.sentence.contains("the change is real but smaller than the margin"))
    }

    @Test("a level: the whole interval decides; a point's Clopper–Pearson interval at the verdicts' level")
    func level() throws {
        let atOne = [Prediction.Filter(axis: "environment.instances", value: "1")]
        // 0 of 6: Clopper–Pearson upper end 1 − 0.025^(1/6) = 0.46 > 0.2, not shown; 0 of 20: 0.17 < 0.2, holds.
        let few = Self.check(.level(metric: Self.share, bound: .atMost, value: 0.2), filters: atOne, runs: Self.runs([0, 3, 6], of: 6))
        #expect(few.verdict == .notShown)
        #expect(few.sentence == "Predicted: the share of runs selecting search is at most 0.2 at N = 1. Not shown: N = 1: 0 of 6 runs (95% Clopper–Pearson interval 0 to 0.46).")
        let many = Self.check(.level(metric: Self.share, bound: .atMost, value: 0.2), filters: atOne, runs: Self.runs([0, 10, 20], of: 20))
        #expect(many.verdict == .holds)
        let exact = try #require(ClopperPearsonInterval.interval(successes: 0, trials: 20, level: 0.95))
        #expect(many.value == 0 && many.hi == exact.upper)
        // 20 of 20 against at_most 0.2: the whole interval beyond it.
        let high = Self.check(.level(metric: Self.share, bound: .atMost, value: 0.2),
                              filters: [.init(axis: "environment.instances", value: "16")], runs: Self.runs([0, 10, 20], of: 20))
        #expect(high.verdict == .doesNotHold)
        // Every point: holds only if all do; does not hold if one is beyond at the Bonferroni level.
        let everywhere = Self.check(.level(metric: Self.share, bound: .atMost, value: 0.6), runs: Self.runs([0, 10, 20], of: 20))
        #expect(everywhere.verdict == .doesNotHold)
        #expect(everywhere.sentence.contains("Does not hold: 1 of 3 points within the bound, 1 beyond it at the 98.33% level (Bonferroni over 3 points): "))
        let untold = Self.check(.level(metric: Self.share, bound: .atMost, value: 0.4), runs: Self.runs([0, 3, 3], of: 6))
        #expect(untold.verdict == .notShown)
    }

    @Test("no run at the named point: the prediction cannot be checked")
    func noMatch() {
        let finding = Self.check(.level(metric: Self.share, bound: .atMost, value: 0.2),
                                 filters: [.init(axis: "environment.instances", value: "2")], runs: Self.runs([0, 3, 6], of: 6))
        #expect(finding.verdict == .notShown)
        #expect(finding.sentence == "Predicted: the share of runs selecting search is at most 0.2 at N = 2. Not shown: no run matches it.")
    }

    @Test("sequential seeds: intervals at 1 − 0.05/L")
    func sequentialLevel() throws {
        let runs = Self.runs([0, 10, 20], of: 20)
        var results = RunFixtures.results(runs: runs, axes: [Self.instances],
                                          expectations: [Prediction(claim: .level(metric: Self.share, bound: .atMost, value: 0.2),
                                                                    filters: [.init(axis: "environment.instances", value: "1")], text: "")])
        results.seedSchedule = SeedSchedule.doubling(from: 10, to: 160)
        results.looksRun = 2
        let finding = try #require(ResultsAnalysis.complete(results).findings.first { $0.kind == .expectation })
        // At 99%: 0 of 20 has the Clopper–Pearson upper end 1 − 0.005^(1/20) = 0.233 > 0.2.
        #expect(finding.verdict == .notShown)
        #expect(finding.sentence.contains("(99% Clopper–Pearson interval 0 to 0.23)"))
    }

    @Test("N* compared across a second axis, a share that never reaches one half placing N* above the range")
    func crossover() {
        let k = AxisDescription(key: "model.parameters", values: [.number(128), .number(512)], geometric: false)
        func runs(_ parameters: Double, _ searching: [Int]) -> [RunRecord] {
            zip([1.0, 4, 16], searching).flatMap { n, s in
                RunFixtures.instancesRuns(n, searching: s, of: 12, extra: [("model.parameters", .number(parameters))])
            }
        }
        let all = runs(128, [0, 10, 12]) + runs(512, [0, 0, 0])
        let rises = Self.check(.crossover(axis: "environment.instances", direction: .rises, along: "model.parameters"),
                               runs: all, axes: [Self.instances, k])
        #expect(rises.verdict == .holds, "\(rises.sentence)")
        #expect(rises.sentence.contains("N* is 2.62 and above 16 (the swept range) at K = 128 and 512: a change of +∞ in log₂ N across K = 128 to 512 (N* at the last K minus N* at the first;"))
        // Item 7 of issue 22: the runs each fit used, not all runs of the slice.
        #expect(rises.sentence.contains("over 36 runs each"))
        let falls = Self.check(.crossover(axis: "environment.instances", direction: .falls, along: "model.parameters"),
                               runs: all, axes: [Self.instances, k])
        #expect(falls.verdict == .doesNotHold)
        // Both never reach one half: both above the range, nothing to compare.
        let flat = Self.check(.crossover(axis: "environment.instances", direction: .rises, along: "model.parameters"),
                              runs: runs(128, [0, 0, 0]) + runs(512, [0, 0, 0]), axes: [Self.instances, k])
        #expect(flat.verdict == .notShown)
    }

    @Test("issue 22 item 5: N* along every value of B, its change across B from the least-squares slope")
    func crossoverAlongAllValues() throws {
        let k = AxisDescription(key: "model.parameters", values: [128, 256, 512, 1024].map(PointValue.number), geometric: false)
        func runs(_ parameters: Double, _ searching: [Int]) -> [RunRecord] {
            zip([1.0, 4, 16], searching).flatMap { n, s in
                RunFixtures.instancesRuns(n, searching: s, of: 12, extra: [("model.parameters", .number(parameters))])
            }
        }
        // The middle values move N* the other way; the first and last alone would not show it.
        let shares: [(Double, [Int])] = [(128, [1, 8, 12]), (256, [3, 10, 12]), (512, [2, 9, 12]), (1024, [0, 7, 12])]
        let all = shares.flatMap { runs($0.0, $0.1) }
        let finding = Self.check(.crossover(axis: "environment.instances", direction: .rises, along: "model.parameters"),
                                 runs: all, axes: [Self.instances, k])
        // x* at each K from its own fit; the change is the least-squares slope on log₂ K (7, 8, 9, 10),
        // Σ(b − 8.5)x*/5, times the range 3.
        let stars = try shares.map { parameters, searching -> Double in
            let observations = runs(parameters, searching).map {
                TrendObservation(x: log2($0.point["environment.instances"]!.number!), y: $0.metrics[.mesaOptimizer]!)
            }
            let fit = try #require(TrendModel.fit(observations, binary: true))
            return try #require(fit.crossover(covariates: [])?.value)
        }
        let change = zip([-1.5, -0.5, 0.5, 1.5], stars).reduce(0) { $0 + $1.0 * $1.1 } / 5 * 3
        #expect(abs(try #require(finding.value) - change) < 1e-9, "\(finding.sentence)")
        #expect(abs(change - (stars[3] - stars[0])) > 0.05, "the middle values count")
        #expect(finding.sentence.contains("at K = 128, 256, 512 and 1024: a change of "))
        #expect(finding.sentence.contains("(the least-squares slope of N* on log₂ K times its range; "))
        #expect(finding.sentence.contains("over 36 runs each, 4000 draws of their coefficients"))
    }

    @Test("every metric an expectation may name is one the summary holds")
    func metricsAreSummarized() throws {
        let run = RunFixtures.run(RunFixtures.point([]), repetition: 0,
                                  RunMetrics(Dictionary(uniqueKeysWithValues: Metric.allCases.map { ($0, 1) })))
        let summary = try #require(Summarizer.summarize([run]).first)
        #expect(Set(summary.metrics.keys) == Set(Metric.summarized))
    }
}
