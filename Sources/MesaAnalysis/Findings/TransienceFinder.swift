import MesaResults

/// Transience in a learned world (Singh et al. 2023): at each point whose runs carry checkpoints,
/// whether the reliance on the search circuit (and the gate) peaked during training and fell by
/// its end. The peak is the checkpoint where the point's mean is highest; the drop is, run by run,
/// the value there minus the final value, with its 95% Student-t interval over the runs. A drop is
/// stated when its interval lies above the metric's default margin (0.1 for a metric in [0, 1]):
/// "search reliance peaked at step 800 (mean 0.62) and fell to 0.31 by step 2000: a drop of 0.31
/// (95% interval 0.22 to 0.4) over 6 runs — transient". The peak is chosen from the same runs, so
/// the interval describes rather than tests: a prediction of transience is an `expect` trend along
/// `training.steps`.
struct TransienceFinder: FindingRule {
    static let metrics: [Metric] = [.searchReliance, .iclGate]

    func findings(in context: FindingContext) -> [Finding] {
        var order: [Point] = []
        var byPoint: [Point: [RunRecord]] = [:]
        for run in context.runs where !(run.checkpoints ?? []).isEmpty {
            if byPoint[run.point] == nil { order.append(run.point) }
            byPoint[run.point, default: []].append(run)
        }
        var findings: [Finding] = []
        for point in order {
            let runs = byPoint[point]!
            for metric in Self.metrics {
                if let finding = Self.finding(metric, point: point, runs: runs) { findings.append(finding) }
            }
        }
        return findings
    }

    static func finding(_ metric: Metric, point: Point, runs: [RunRecord]) -> Finding? {
        // Runs whose every checkpoint has the metric, at the same steps.
        let series = runs.compactMap { run -> [(step: Int, value: Double)]? in
            let values = (run.checkpoints ?? []).compactMap { c in c.metrics[metric].map { (c.step, $0) } }
            return values.count == run.checkpoints?.count ? values : nil
        }
        guard series.count >= 2, let first = series.first, first.count >= 3,
              series.allSatisfy({ $0.map(\.step) == first.map(\.step) }) else { return nil }
        let means = first.indices.map { k in series.reduce(0) { $0 + $1[k].value } / Double(series.count) }
        guard let peak = means.indices.max(by: { means[$0] < means[$1] }), peak < means.count - 1 else { return nil }
        let drops = series.map { $0[peak].value - $0[$0.count - 1].value }
        guard let drop = StudentTInterval.estimate(drops), let margin = metric.definition.defaultMargin,
              drop.lo > margin else { return nil }
        let place = point.coordinates.isEmpty ? "" : "At \(AxisNames.describe(point)), "
        let name = metric.definition.phrase
        let sentence = "\(place)\(name) peaked at step \(first[peak].step) (mean \(VerdictText.number(means[peak]))) and fell to "
            + "\(VerdictText.number(means[means.count - 1])) by step \(first[first.count - 1].step): a drop of "
            + "\(VerdictText.number(drop.mean)) (95% interval \(VerdictText.number(drop.lo)) to \(VerdictText.number(drop.hi))) "
            + "over \(VerdictText.runs(series.count)) — transient, as Singh et al. (2023) report for in-context learning."
        return Finding(kind: .transience, metric: metric.name, axis: "", value: drop.mean, lo: drop.lo, hi: drop.hi,
                       slice: point.coordinates.isEmpty ? nil : point, sentence: sentence.prefix(1).uppercased() + sentence.dropFirst())
    }
}
