import MesaResults

/// Whether a metric rises or falls along a swept axis, per series (one slice of the other axes),
/// claimed only when a fit over every run of the series says so: Firth logistic regression for a
/// share, least squares otherwise, with the axis on the chart's scale (docs/statistics.md). The
/// sentence gives the fitted change across the swept range with its 95% interval; "rises" or
/// "falls" only when the interval excludes 0, and it notes when the means do not move in one
/// direction at every step. O(runs) per series.
package struct TrendFinder: SeriesRule {
    /// The metrics trends are written for, and how sentences name them.
    package static let metrics: [(metric: Metric, phrase: String)] = [
        (.mesaOptimizer, "The share of runs selecting search"),
        (.trainScore, "The training score"),
        (.deployScore, "The deployment score"),
        (.searchBits, "The selected model's search power (bits)"),
    ]

    /// One trend finding per series and metric present at every point of it.
    package init() {}

    package func findings(along series: [SweepSeries], in context: FindingContext) -> [Finding] {
        var findings: [Finding] = []
        for line in series where line.points.count >= 2 {
            let members = context.runs.filter { run in
                line.slice.coordinates.allSatisfy { run.point[$0.key] == $0.value } && run.point[line.axis.key] != nil
            }
            for (metric, phrase) in Self.metrics {
                guard let estimates = line.estimates(metric) else { continue }
                let data = TrendData(axis: line.axis, axes: [])
                let observations = data.observations(members, metric: metric)
                guard let result = TrendModel.analyze(observations, binary: metric.definition.isFlag, level: 0.95) else {
                    // Too few runs to fit (e.g. one run at each of two values): the numbers, no claim.
                    let from = line.at(line.values[0]), to = line.at(line.values[line.values.count - 1])
                    let sentence = "\(phrase) goes from \(VerdictText.number(estimates[0].mean)) at \(from) to \(VerdictText.number(estimates[estimates.count - 1].mean)) at \(to); with \(VerdictText.runs(observations.count)) there is no interval to judge the change by."
                    findings.append(Finding(kind: .trend, metric: metric.name, axis: line.axis.key,
                                            value: estimates[estimates.count - 1].mean - estimates[0].mean,
                                            slice: line.slice.coordinates.isEmpty ? nil : line.slice,
                                            sentence: line.prefixed(sentence)))
                    continue
                }
                let sentence = line.prefixed(
                    Self.sentence(phrase: phrase, metric: metric, line: line, estimates: estimates, result: result,
                                  scale: data.scale, runs: observations.count))
                findings.append(Finding(kind: .trend, metric: metric.name, axis: line.axis.key,
                                        value: result.effect.estimate, lo: result.effect.interval.lower,
                                        hi: result.effect.interval.upper,
                                        slice: line.slice.coordinates.isEmpty ? nil : line.slice, sentence: sentence))
            }
        }
        return findings
    }

    static func sentence(phrase: String, metric: Metric, line: SweepSeries, estimates: [Estimate], result: TrendEffect,
                         scale: String, runs: Int) -> String {
        let from = line.at(line.values[0]), to = line.at(line.values[line.values.count - 1])
        let span = "\(from) to \(to)"
        let model = metric.definition.isFlag ? "Firth logistic fit" : "least-squares fit"
        let numbers = "fitted change \(VerdictText.signed(result.effect.estimate)) (\(VerdictText.interval(result.effect.interval)); \(model) on \(scale) over \(VerdictText.runs(runs)))"
        if result.outcomesAreConstant {
            return "\(phrase) is \(VerdictText.number(estimates[0].mean)) in every run from \(span)."
        }
        let interval = result.effect.interval
        guard interval.lower > 0 || interval.upper < 0 else {
            return "\(phrase) shows no clear change from \(span): \(numbers)."
        }
        let rising = interval.lower > 0
        let means = estimates.map(\.mean)
        let steady = zip(means, means.dropFirst()).allSatisfy { rising ? $1 >= $0 : $1 <= $0 }
        return "\(phrase) \(rising ? "rises" : "falls") from \(VerdictText.number(means[0])) at \(from) to \(VerdictText.number(means[means.count - 1])) at \(to)\(steady ? "" : ", though not at every step"): \(numbers)."
    }
}
