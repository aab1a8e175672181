@testable import MesaAnalysis
import MesaResults
import Testing

/// Predictions checked against constructed runs whose Wilson intervals are known:
/// 0 of 6 → 0 (0–0.39), 3 of 6 → 0.5 (0.19–0.81), 6 of 6 → 1 (0.61–1).
@Suite struct ExpectationCheckTests {
    static let instances = AxisDescription(key: "environment.instances", values: [.number(1), .number(4), .number(16)],
                                           geometric: true)

    /// N = 1, 4, 16 with 0, 3 and 6 of 6 runs selecting search.
    static let rising = RunFixtures.instancesRuns(1, searching: 0, of: 6) + RunFixtures.instancesRuns(4, searching: 3, of: 6)
        + RunFixtures.instancesRuns(16, searching: 6, of: 6)

    static func check(_ claim: Prediction.Claim, filters: [Prediction.Filter] = [], runs: [RunRecord] = rising,
                      axes: [AxisDescription] = [instances]) -> Finding {
        let expectation = Prediction(claim: claim, filters: filters, text: "")
        return RunFixtures.findings(runs: runs, axes: axes, expectations: [expectation])[0]
    }

    @Test("a trend holds, fails or cannot be told by the end intervals")
    func trend() {
        let rises = Self.check(.trend(metric: Metric(name: "mesa_optimizer")!, direction: .rises, axis: "environment.instances"))
        #expect(rises.verdict == .holds)
        #expect(rises.kind == .expectation)
        #expect(rises.sentence == "Predicted: the share of runs selecting search rises along N. Checked: it does: 0 (95% interval 0–0.39) at N = 1 against 1 (95% interval 0.61–1) at N = 16.")
        let falls = Self.check(.trend(metric: Metric(name: "mesa_optimizer")!, direction: .falls, axis: "environment.instances"))
        #expect(falls.verdict == .fails)
        #expect(falls.sentence.hasPrefix("Predicted: the share of runs selecting search falls along N. Checked: it does not: 0 "))
        // 2 of 6 against 4 of 6: the intervals overlap.
        let close = RunFixtures.instancesRuns(1, searching: 2, of: 6) + RunFixtures.instancesRuns(16, searching: 4, of: 6)
        let unclear = Self.check(.trend(metric: Metric(name: "mesa_optimizer")!, direction: .rises, axis: "environment.instances"), runs: close)
        #expect(unclear.verdict == .unclear)
        #expect(unclear.sentence.contains("Checked: the runs cannot tell: "))
    }

    @Test("a level holds within the bound, fails when the whole interval is beyond it")
    func level() {
        let low = Self.check(.level(metric: Metric(name: "mesa_optimizer")!, bound: .atMost, value: 0.2),
                             filters: [.init(axis: "environment.instances", value: "1")])
        #expect(low.verdict == .holds)
        #expect(low.sentence == "Predicted: the share of runs selecting search is at most 0.2 at N = 1. Checked: it is: 0 (95% interval 0–0.39) at N = 1 (6 runs).")
        #expect(low.value == 0 && low.hi != nil)
        let half = Self.check(.level(metric: Metric(name: "mesa_optimizer")!, bound: .atLeast, value: 0.5),
                              filters: [.init(axis: "environment.instances", value: "4")])
        #expect(half.verdict == .holds)  // 0.5 is at least 0.5
        let high = Self.check(.level(metric: Metric(name: "mesa_optimizer")!, bound: .atMost, value: 0.2),
                              filters: [.init(axis: "environment.instances", value: "16")])
        #expect(high.verdict == .fails)
        let between = Self.check(.level(metric: Metric(name: "mesa_optimizer")!, bound: .atMost, value: 0.4),
                                 filters: [.init(axis: "environment.instances", value: "4")])
        #expect(between.verdict == .unclear)
        let everywhere = Self.check(.level(metric: Metric(name: "mesa_optimizer")!, bound: .atMost, value: 0.6))
        #expect(everywhere.verdict == .fails)
        #expect(everywhere.sentence.hasPrefix("Predicted: the share of runs selecting search is at most 0.6 at every point. Checked: it is not (contradicted at 1 of 3 points, shown at 2): "))
        let nowhere = Self.check(.level(metric: Metric(name: "mesa_optimizer")!, bound: .atLeast, value: 0.6))
        #expect(nowhere.verdict == .fails)
        #expect(nowhere.sentence.contains("Checked: it is not (contradicted at 1 of 3 points, shown at 1): "))
        let untold = Self.check(.level(metric: Metric(name: "mesa_optimizer")!, bound: .atMost, value: 0.4),
                                runs: RunFixtures.instancesRuns(4, searching: 3, of: 6) + RunFixtures.instancesRuns(16, searching: 3, of: 6))
        #expect(untold.verdict == .unclear)
        #expect(untold.sentence.contains("Checked: the runs cannot tell (neither shown nor contradicted at any of the 2 points): "))
    }

    @Test("no run at the named point: the prediction cannot be checked")
    func noMatch() {
        let finding = Self.check(.level(metric: Metric(name: "mesa_optimizer")!, bound: .atMost, value: 0.2),
                                 filters: [.init(axis: "environment.instances", value: "2")])
        #expect(finding.verdict == .unclear)
        #expect(finding.sentence == "Predicted: the share of runs selecting search is at most 0.2 at N = 2. Checked: no run matches it.")
    }

    @Test("N* compared across a second axis, a share that never reaches one half placing N* above the range")
    func crossover() {
        let k = AxisDescription(key: "model.parameters", values: [.number(128), .number(512)], geometric: false)
        func runs(_ parameters: Double, _ searching: [Int]) -> [RunRecord] {
            zip([1.0, 4, 16], searching).flatMap { n, s in
                RunFixtures.instancesRuns(n, searching: s, of: 6, extra: [("model.parameters", .number(parameters))])
            }
        }
        let all = runs(128, [0, 6, 6]) + runs(512, [0, 0, 0])
        let rises = Self.check(.crossover(axis: "environment.instances", direction: .rises, along: "model.parameters"),
                               runs: all, axes: [Self.instances, k])
        #expect(rises.verdict == .holds)
        #expect(rises.sentence.contains("at K = 128 against N* above 16 (search in fewer than half of the runs throughout) at K = 512"))
        let falls = Self.check(.crossover(axis: "environment.instances", direction: .falls, along: "model.parameters"),
                               runs: all, axes: [Self.instances, k])
        #expect(falls.verdict == .fails)
        // Both never reach one half: nothing to compare.
        let flat = Self.check(.crossover(axis: "environment.instances", direction: .rises, along: "model.parameters"),
                              runs: runs(128, [0, 0, 0]) + runs(512, [0, 0, 0]), axes: [Self.instances, k])
        #expect(flat.verdict == .unclear)
    }

    @Test("every metric an expectation may name is one the summary holds")
    func metricsAreSummarized() throws {
        let run = RunFixtures.run(RunFixtures.point([]), repetition: 0,
                                  RunMetrics(Dictionary(uniqueKeysWithValues: Metric.allCases.map { ($0, 1) })))
        let summary = try #require(Summarizer.summarize([run]).first)
        #expect(Set(summary.metrics.keys) == Set(Metric.summarized))
    }
}
