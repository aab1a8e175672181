import MesaResults

/// Checks the predictions of a scenario's `expect` block against the runs (SCIENCE.md §6,
/// docs/statistics.md), one finding per prediction: **Holds**, **Does not hold** or **Not shown**,
/// with a sentence that shows the test behind it.
///
/// - trend (`M rises along A`): `TrendCheck`, one model over all matching runs;
/// - level (`M at_most v at …`): `LevelCheck`, the whole interval at every matching point;
/// - crossover (`crossover A rises along B`): `CrossoverShiftCheck`, the bootstrap interval of
///   the shift of N*.
///
/// Every interval behind a verdict is at `ScenarioResults.verdictLevel`: 95%, or 1 − 0.05/L across
/// the L looks of sequential seeds.
package struct ExpectationCheck: FindingRule {
    package init() {}

    package func findings(in context: FindingContext) -> [Finding] {
        let results = context.results
        return results.predictions.map { Self.finding($0, results: results) }
    }

    static func finding(_ prediction: Prediction, results: ScenarioResults) -> Finding {
        let runs = results.runs.filter { matches($0.point, prediction.filters) }
        let level = results.verdictLevel
        let at = prediction.filters.isEmpty ? "" : " at " + AxisNames.describe(filterPoint(prediction.filters))
        let outcome: VerdictOutcome
        let statement: String
        var metricName = Metric.mesaOptimizer.name, axis = ""
        switch prediction.claim {
        case let .trend(metric, direction, axisKey):
            statement = "\(metric.definition.phrase) \(direction.rawValue) along \(AxisNames.short(axisKey))\(at)"
            outcome = TrendCheck.check(prediction, metric: metric, direction: direction, axisKey: axisKey, runs: runs,
                                       axes: results.axes, level: level)
            (metricName, axis) = (metric.name, axisKey)
        case let .level(metric, bound, value):
            let limit = "\(bound == .atMost ? "at most" : "at least") \(VerdictText.number(value))"
            statement = "\(metric.definition.phrase) is \(limit)\(at.isEmpty ? " at every point" : at)"
            outcome = LevelCheck.check(metric: metric, bound: bound, value: value, runs: runs, level: level)
            metricName = metric.name
        case let .crossover(axisKey, direction, along):
            let name = AxisNames.short(axisKey)
            statement = "\(name)*, the \(name) from which search is selected in at least half of the runs, \(direction.rawValue) along \(AxisNames.short(along))\(at)"
            outcome = CrossoverShiftCheck.check(prediction, axisKey: axisKey, direction: direction, along: along, runs: runs,
                                                axes: results.axes, level: level,
                                                seedText: "\(results.slug)\n\(prediction.text)")
            axis = axisKey
        }
        let sentence = "Predicted: \(statement). \(outcome.verdict.label): \(outcome.detail)."
        return Finding(kind: .expectation, metric: metricName, axis: axis, value: outcome.value, lo: outcome.lo,
                       hi: outcome.hi, sentence: sentence, verdict: outcome.verdict, claim: statement,
                       effect: outcome.effect, mechanism: Mechanism.line(for: prediction, world: results.simulatedWorld))
    }

    static func matches(_ point: Point, _ filters: [Prediction.Filter]) -> Bool {
        filters.allSatisfy { filter in point[filter.axis].map { $0.text == filter.value } ?? false }
    }

    static func filterPoint(_ filters: [Prediction.Filter]) -> Point {
        Point(filters.map { filter in
            Point.Coordinate(key: filter.axis, value: Double(filter.value).map(PointValue.number) ?? .text(filter.value))
        })
    }
}
