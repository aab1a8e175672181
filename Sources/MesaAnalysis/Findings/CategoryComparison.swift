import MesaResults

/// The search share across the values of a swept word axis other than `training.optimizer`
/// (e.g. `environment.teacher`: planner against scripted, SCIENCE.md §5.6), per slice of
/// the other axes.
///
/// "With teacher = planner, search was selected in 8 of 8 runs (95% interval 0.68–1); with
/// teacher = scripted, in 0 of 8 (0–0.32)." Adds whether the widest-apart pair of Wilson
/// intervals overlaps, so the sentence never implies a difference the runs do not show.
/// O(runs).
package struct CategoryComparison: FindingRule {
    package init() {}

    package func findings(in context: FindingContext) -> [Finding] {
        let runs = context.runs
        var findings: [Finding] = []
        for axis in context.axes where !axis.isNumeric && axis.key != OptimizerComparison.axisKey {
            var order: [Point] = []
            var bySlice: [Point: [PointValue: [Int]]] = [:]
            for run in runs {
                guard let category = run.point[axis.key] else { continue }
                let slice = Point(run.point.coordinates.filter { $0.key != axis.key })
                if bySlice[slice] == nil { order.append(slice) }
                bySlice[slice, default: [:]][category, default: []].append(run.metrics.isSet(.mesaOptimizer) ? 1 : 0)
            }
            for slice in order {
                let groups = bySlice[slice]!
                // Categories in the axis's own order.
                let present = axis.values.filter { groups[$0] != nil }
                guard present.count >= 2 else { continue }
                let estimates = present.map { value -> (value: PointValue, k: Int, n: Int, estimate: Estimate) in
                    let outcomes = groups[value]!
                    let k = outcomes.reduce(0, +)
                    return (value, k, outcomes.count, WilsonInterval.estimate(successes: k, trials: outcomes.count)!)
                }
                let name = AxisNames.short(axis.key)
                let parts = estimates.enumerated().map { index, entry in
                    let interval = NumberText.range(entry.estimate.lo, entry.estimate.hi)
                    return index == 0
                        ? "With \(name) = \(AxisNames.text(entry.value)), search was selected in \(entry.k) of \(entry.n) runs (95% interval \(interval))"
                        : "with \(name) = \(AxisNames.text(entry.value)), in \(entry.k) of \(entry.n) (\(interval))"
                }
                let highest = estimates.max { $0.estimate.mean < $1.estimate.mean }!
                let lowest = estimates.min { $0.estimate.mean < $1.estimate.mean }!
                let apart = lowest.estimate.hi < highest.estimate.lo
                let verdict = highest.estimate.mean == lowest.estimate.mean
                    ? "the shares are equal"
                    : "the intervals of the highest and lowest share \(apart ? "do not overlap" : "overlap")"
                var sentence = parts.joined(separator: "; ") + "; " + verdict + "."
                if !slice.coordinates.isEmpty { sentence = "At \(AxisNames.describe(slice)): " + sentence }
                findings.append(Finding(kind: .comparison, metric: Metric.mesaOptimizer.name, axis: axis.key,
                                        value: highest.estimate.mean - lowest.estimate.mean,
                                        slice: slice.coordinates.isEmpty ? nil : slice, sentence: sentence))
            }
        }
        return findings
    }
}
