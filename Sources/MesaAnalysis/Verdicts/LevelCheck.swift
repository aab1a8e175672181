import MesaResults

/// "M at_most v" / "M at_least v" (SCIENCE.md §6, docs/statistics.md), at every matching point:
/// a Clopper–Pearson interval for a 0/1 metric, the betting confidence sequence for another metric
/// in [0, 1] (anytime-valid: at 95% whatever the looks), a t interval otherwise — none narrower
/// than the metric's resolution. The prediction holds when
/// every point's interval lies wholly on the predicted side of v (an intersection–union test: no
/// correction is needed for "all hold"); it does not hold when some point's interval, at the
/// Bonferroni level 1 − α/m for m points, lies wholly on the other side; otherwise it is not shown.
package enum LevelCheck {
    /// The level of the confidence sequence: 95% over every look at once.
    package static let anytimeLevel = 0.95

    package static func check(metric: Metric, bound: Prediction.Bound, value v: Double, runs: [RunRecord],
                              level verdictLevel: Double) -> VerdictOutcome {
        let groups = Dictionary(grouping: runs, by: \.point)
        let points = orderedPoints(runs)
        guard !points.isEmpty else { return VerdictOutcome(verdict: .notShown, detail: "no run matches it") }
        // A confidence sequence holds its level over all looks; the other intervals split it.
        let level = metric.definition.isUnitFraction ? anytimeLevel : verdictLevel
        let corrected = 1 - (1 - level) / Double(points.count)
        var verdicts: [(place: String, verdict: Verdict, text: String, interval: ConfidenceInterval)] = []
        for point in points {
            // In run order: the confidence sequence is a sequence over the runs as they came.
            let values = groups[point]!.sorted { ($0.repetition, $0.seed) < ($1.repetition, $1.seed) }
                .compactMap { $0.metrics[metric] }
            let place = AxisNames.describe(point)
            guard let interval = interval(values, metric: metric, level: level),
                  let wide = self.interval(values, metric: metric, level: corrected)
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
            verdicts.append((place, verdict, "\(place): \(estimate) (\(describe(interval, metric: metric)))", interval))
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

    /// The interval behind a level verdict at `level`: Clopper–Pearson (0/1), the betting
    /// confidence sequence (another metric in [0, 1]; `values` in run order), or t (clipped to the
    /// values the metric can take, as the summary is), never narrower than the metric's
    /// resolution; nil without runs, or for one run of a t-interval metric.
    static func interval(_ values: [Double], metric: Metric, level: Double) -> ConfidenceInterval? {
        let definition = metric.definition
        guard !values.isEmpty else { return nil }
        let raw: ConfidenceInterval
        if definition.isFlag {
            guard let cp = ClopperPearsonInterval.interval(flags: values, level: level) else { return nil }
            raw = cp
        } else if definition.isUnitFraction {
            guard let cs = BettingConfidenceSequence.interval(values, level: level) else { return nil }
            raw = cs
        } else {
            guard values.count >= 2, let estimate = StudentTInterval.estimate(values, level: level) else { return nil }
            let bounds = definition.bounds.range
            raw = ConfidenceInterval(lower: min(max(estimate.lo, bounds.lowerBound), bounds.upperBound),
                                     upper: max(min(estimate.hi, bounds.upperBound), bounds.lowerBound), level: level)
        }
        let mean = values.reduce(0, +) / Double(values.count)
        let (lo, hi) = definition.floored(mean: mean, lo: raw.lower, hi: raw.upper)
        return ConfidenceInterval(lower: lo, upper: hi, level: level)
    }

    /// "98.75% Clopper–Pearson interval 0 to 0.093", "95% betting confidence sequence 0 to 0.21".
    static func describe(_ interval: ConfidenceInterval, metric: Metric) -> String {
        let name = metric.definition.isFlag ? "Clopper–Pearson interval"
            : metric.definition.isUnitFraction ? "betting confidence sequence" : "t interval"
        let (lo, hi) = (NumberText.format(interval.lower, significant: 2), NumberText.format(interval.upper, significant: 2))
        return "\(VerdictText.percent(interval.level)) \(name) \(lo) to \(hi)"
    }

    /// The distinct points of `runs`, in order of first appearance.
    static func orderedPoints(_ runs: [RunRecord]) -> [Point] {
        var seen = Set<Point>(), order: [Point] = []
        for run in runs where seen.insert(run.point).inserted { order.append(run.point) }
        return order
    }
}
