import MesaResults

/// Whether a metric's mean rises or falls across a swept axis, claimed only when the
/// numbers support it.
///
/// Compares the first and last points of a series: "rises" / "falls" only when their 95%
/// intervals do not overlap, otherwise a hedged sentence; with a single run at either end
/// (no interval for a mean) the change is reported without a direction claim. Notes when the
/// means do not move in one direction at every step. O(points).
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
            for (metric, phrase) in Self.metrics {
                guard let estimates = line.estimates(metric) else { continue }
                let sentence = AxisNames.prefixed(
                    Self.sentence(phrase: phrase, metric: metric, line: line, estimates: estimates), slice: line.slice)
                findings.append(Finding(kind: .trend, metric: metric.name, axis: line.axis.key,
                                        value: estimates[estimates.count - 1].mean - estimates[0].mean,
                                        slice: line.slice.coordinates.isEmpty ? nil : line.slice, sentence: sentence))
            }
        }
        return findings
    }

    static func sentence(phrase: String, metric: Metric, line: SweepSeries, estimates: [Estimate]) -> String {
        let first = estimates[0], last = estimates[estimates.count - 1]
        let from = line.at(line.values[0]), to = line.at(line.values[line.values.count - 1])
        let a = number(first.mean), b = number(last.mean)
        if first.mean == last.mean, first.lo == last.lo, first.hi == last.hi {
            return "\(phrase) is \(a) at both \(from) and \(to)."
        }
        let isShare = metric.definition.isFlag
        let singleRun = !isShare && (line.points[0].summary.n < 2 || line.points[line.points.count - 1].summary.n < 2)
        if singleRun {
            return "\(phrase) goes from \(a) at \(from) to \(b) at \(to); with one run at an end there is no interval to judge the change by."
        }
        let apart = first.hi < last.lo || last.hi < first.lo
        guard apart else {
            return "\(phrase) shows no clear change from \(a) at \(from) to \(b) at \(to): the 95% intervals (\(NumberText.range(first.lo, first.hi, significant: 3)) and \(NumberText.range(last.lo, last.hi, significant: 3))) overlap."
        }
        let rising = last.mean > first.mean
        let means = estimates.map(\.mean)
        let steady = zip(means, means.dropFirst()).allSatisfy { rising ? $1 >= $0 : $1 <= $0 }
        return "\(phrase) \(rising ? "rises" : "falls") from \(a) at \(from) to \(b) at \(to)\(steady ? "" : ", though not at every step") (95% intervals \(NumberText.range(first.lo, first.hi, significant: 3)) and \(NumberText.range(last.lo, last.hi, significant: 3)))."
    }

    static func number(_ value: Double) -> String { NumberText.format(value, significant: 3) }
}
