import MesaResults

/// "M at_most v" / "M at_least v" (SCIENCE.md §6, docs/statistics.md), at every matching point:
/// a Wilson interval for a 0/1 metric, a t interval for a continuous one. The prediction holds when
/// every point's interval lies wholly on the predicted side of v (an intersection–union test: no
/// correction is needed for "all hold"); it does not hold when some point's interval, at the
/// Bonferroni level 1 − α/m for m points, lies wholly on the other side; otherwise it is not shown.
package enum LevelCheck {
    package static func check(metric: Metric, bound: Prediction.Bound, value v: Double, runs: [RunRecord],
                              level: Double) -> VerdictOutcome {
        let groups = Dictionary(grouping: runs, by: \.point)
        let points = orderedPoints(runs)
        guard !points.isEmpty else { return VerdictOutcome(verdict: .notShown, detail: "no run matches it") }
        let corrected = 1 - (1 - level) / Double(points.count)
        var verdicts: [(place: String, verdict: Verdict, text: String, interval: ConfidenceInterval)] = []
        for point in points {
            let values = groups[point]!.compactMap { $0.metrics[metric] }
            let place = AxisNames.describe(point)
            let bounds = metric.definition.bounds.range
            guard let interval = interval(values, binary: metric.definition.isFlag, level: level, within: bounds),
                  let wide = self.interval(values, binary: metric.definition.isFlag, level: corrected, within: bounds)
            else {
                verdicts.append((place, .notShown, "\(place): \(values.count < 2 && !metric.definition.isFlag ? "one run gives no interval" : "no runs")",
                                 ConfidenceInterval(lower: .nan, upper: .nan, level: level)))
                continue
            }
            var verdict = VerdictRule.level(interval, bound: bound, value: v)
            if verdict == .doesNotHold, VerdictRule.level(wide, bound: bound, value: v) != .doesNotHold { verdict = .notShown }
            let estimate: String
            if metric.definition.isFlag {
                estimate = "\(Int(values.reduce(0, +))) of \(VerdictText.runs(values.count))"
            } else {
                estimate = "mean \(VerdictText.number(values.reduce(0, +) / Double(values.count))) over \(VerdictText.runs(values.count))"
            }
            verdicts.append((place, verdict, "\(place): \(estimate) (\(VerdictText.interval(interval, signed: false)))", interval))
        }
        let held = verdicts.filter { $0.verdict == .holds }.count
        let failed = verdicts.filter { $0.verdict == .doesNotHold }.count
        let verdict: Verdict = failed > 0 ? .doesNotHold : held == verdicts.count ? .holds : .notShown
        let shown = verdicts.count <= 4 ? verdicts : verdicts.filter { $0.verdict != .holds }
        var detail = shown.map(\.text).joined(separator: "; ")
        if verdicts.count > 1 {
            detail = "\(held) of \(verdicts.count) points within the bound" + (failed > 0 ? ", \(failed) beyond it at the \(VerdictText.percent(corrected)) level (Bonferroni over \(verdicts.count) points)" : "")
                + (detail.isEmpty ? "" : ": " + detail)
        }
        let single = verdicts.count == 1 ? verdicts[0].interval : nil
        let mean = points.count == 1 ? groups[points[0]]!.compactMap { $0.metrics[metric] } : []
        let effect = verdicts.count == 1
            ? String(verdicts[0].text.drop { $0 != ":" }.dropFirst().drop { $0 == " " })
            : "\(held) of \(verdicts.count) points within the bound"
        return VerdictOutcome(verdict: verdict, detail: detail,
                              value: mean.isEmpty ? nil : mean.reduce(0, +) / Double(mean.count),
                              lo: single?.lower, hi: single?.upper, effect: effect)
    }

    /// Wilson (0/1) or t (continuous, clipped to the values the metric can take, as the summary
    /// is) at `level`; nil without runs, or for one continuous run.
    static func interval(_ values: [Double], binary: Bool, level: Double,
                         within bounds: ClosedRange<Double> = -Double.infinity...Double.infinity) -> ConfidenceInterval? {
        if binary {
            return WilsonInterval.interval(successes: values.reduce(0, +), trials: Double(values.count), level: level)
        }
        guard values.count >= 2, let estimate = StudentTInterval.estimate(values, level: level) else { return nil }
        return ConfidenceInterval(lower: min(max(estimate.lo, bounds.lowerBound), bounds.upperBound),
                                  upper: max(min(estimate.hi, bounds.upperBound), bounds.lowerBound), level: level)
    }

    /// The distinct points of `runs`, in order of first appearance.
    static func orderedPoints(_ runs: [RunRecord]) -> [Point] {
        var seen = Set<Point>(), order: [Point] = []
        for run in runs where seen.insert(run.point).inserted { order.append(run.point) }
        return order
    }
}
