import MesaResults

/// Turns runs into per-point summaries: every summarised metric's mean and 95% interval.
///
/// Flags (0/1 metrics such as `mesa_optimizer`) get the Wilson interval of the share; every other
/// metric the Student-t interval of its mean, clipped to the values the metric can take (the
/// registry's bounds: a share cannot be below 0, a score not above 1) and never narrower than the
/// metric's resolution (`MetricDefinition.resolution`). Optional metrics are
/// summarised over the runs that have them and skipped where no run of the point has them.
public enum Summarizer {
    /// The runs grouped by point, in order of each point's first appearance. O(runs).
    public static func groups(_ runs: [RunRecord]) -> [(point: Point, runs: [RunRecord])] {
        var order: [Point] = []
        var byPoint: [Point: [RunRecord]] = [:]
        for run in runs {
            if byPoint[run.point] == nil { order.append(run.point) }
            byPoint[run.point, default: []].append(run)
        }
        return order.map { ($0, byPoint[$0]!) }
    }

    /// One summary per point, in order of first appearance; `n` is the point's run count.
    /// O(runs × metrics).
    public static func summarize(_ runs: [RunRecord]) -> [PointSummary] {
        groups(runs).map { point, runs in
            var estimates: [Metric: Estimate] = [:]
            for metric in Metric.summarized {
                if let estimate = estimate(metric, runs.compactMap { $0.metrics[metric] }) {
                    estimates[metric] = estimate
                }
            }
            return PointSummary(point: point, n: runs.count, metrics: estimates)
        }
    }

    /// The estimate of `metric` from its values in some runs; nil when there are none.
    public static func estimate(_ metric: Metric, _ values: [Double]) -> Estimate? {
        guard !values.isEmpty else { return nil }
        let definition = metric.definition
        if definition.isFlag {
            return WilsonInterval.estimate(successes: values.filter { $0 >= 0.5 }.count, trials: values.count)
        }
        guard let estimate = StudentTInterval.estimate(values) else { return nil }
        let range = definition.bounds.range
        let (lo, hi) = definition.floored(mean: estimate.mean, lo: range.clamp(estimate.lo), hi: range.clamp(estimate.hi))
        return Estimate(mean: estimate.mean, lo: lo, hi: hi)
    }
}

private extension ClosedRange<Double> {
    func clamp(_ value: Double) -> Double { Swift.min(Swift.max(value, lowerBound), upperBound) }
}
