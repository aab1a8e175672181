@testable import MesaAnalysis
import MesaResults

/// Constructed runs for the statistics and findings tests.
enum RunFixtures {
    static func point(_ coordinates: [(String, PointValue)]) -> Point {
        Point(coordinates.map { Point.Coordinate(key: $0.0, value: $0.1) })
    }

    static func metrics(
        mesa: Int = 0, deceptive: Int = 0, train: Double = 0.5, deploy: Double = 0.5, bits: Double = 0,
        decisionShare: Double = 0, budget: Int = 64, detectorCost: Int? = nil, kFit: Int? = nil,
        removedAt: Int? = nil, posterior: Double? = nil, structureShare: Double? = nil,
        removal: (fired: Int, unsolved: Int?, solved: Int?, gain: Double?)? = nil
    ) -> RunMetrics {
        var metrics = RunMetrics([
            .trainScore: train, .deployScore: deploy, .searchBits: bits, .mesaOptimizer: Double(mesa),
            .deceptive: Double(deceptive), .defectionRate: Double(deceptive), .proxyPursuit: 0,
            .expansionsPerEpisode: bits * 2, .loss: 1 - train, .paramsTable: Double(budget / 2),
            .paramsSearch: Double(Int(bits) * 16), .paramsDetector: Double(deceptive * (detectorCost ?? 0)),
            .searchDecisionShare: decisionShare, .budget: Double(budget),
        ])
        metrics[.deceptivePosterior] = posterior
        metrics[.deceptiveStructureShare] = structureShare
        metrics[.removedAtStep] = removedAt.map(Double.init)
        metrics[.kFit] = kFit.map(Double.init)
        metrics[.detectorCost] = detectorCost.map(Double.init)
        metrics[.falsePositiveInstances] = removal.map { Double($0.fired) }
        metrics[.falsePositivesUnsolved] = removal?.unsolved.map(Double.init)
        metrics[.falsePositivesSolved] = removal?.solved.map(Double.init)
        metrics[.detectorRemovalGain] = removal?.gain
        return metrics
    }

    static func run(_ point: Point, repetition: Int, optimizer: Optimizer = .exact, _ metrics: RunMetrics) -> RunRecord {
        RunRecord(point: point, seed: UInt64(repetition) &* 7919, repetition: repetition, optimizer: optimizer, metrics: metrics)
    }

    /// `n` runs at N = `instances`, `searching` of which selected search (decision share 0.95,
    /// against 0.05 for the rest).
    static func instancesRuns(_ instances: Double, searching: Int, of n: Int, extra: [(String, PointValue)] = [])
        -> [RunRecord]
    {
        let at = point([("environment.instances", .number(instances))] + extra)
        return (0..<n).map { i in
            let mesa = i < searching ? 1 : 0
            return run(at, repetition: i, metrics(mesa: mesa, train: 0.5 + 0.4 * Double(mesa), bits: Double(mesa) * 3,
                                                  decisionShare: mesa == 1 ? 0.95 : 0.05))
        }
    }

    /// The findings of one rule for `runs`.
    static func findings(rule: some FindingRule, runs: [RunRecord]) -> [Finding] {
        findings(runs: runs, axes: [], rules: [rule])
    }

    /// Every finding the standard rules write for `runs` along `axes`, as `render` computes them.
    static func findings(runs: [RunRecord], axes: [AxisDescription], analytic: AnalyticFindings? = nil,
                         expectations: [Prediction] = [],
                         rules: [any FindingRule] = FindingRules.standard) -> [Finding] {
        FindingRules.findings(results(runs: runs, axes: axes, analytic: analytic, expectations: expectations),
                              summary: Summarizer.summarize(runs), rules: rules)
    }

    /// Results holding `runs`, before their summary and findings are computed.
    static func results(runs: [RunRecord], axes: [AxisDescription], analytic: AnalyticFindings? = nil,
                        expectations: [Prediction] = []) -> ScenarioResults {
        ScenarioResults(scenario: "t", slug: "t", sourceSHA256: "", toolVersion: "", source: "", notebook: [],
                        axes: axes, analytic: [], analyticFindings: analytic, predictions: expectations,
                        runs: runs, mazes: [])
    }
}
