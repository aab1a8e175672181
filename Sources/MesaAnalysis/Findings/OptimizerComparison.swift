import MesaResults

/// Reachability (SCIENCE.md §5.5): the mesa-optimizer share under exact selection against
/// hill climbing, point by point, when `training.optimizer` is swept.
///
/// Points are paired by their other coordinates; each pair gets a sentence with both counts
/// and Wilson intervals, and a leading finding counts where exact selection is ahead, behind
/// or level, and where the intervals do not overlap. O(runs).
package struct OptimizerComparison: FindingRule {
    package static let axisKey = "training.optimizer"

    package init() {}

    package func findings(in context: FindingContext) -> [Finding] {
        let runs = context.runs
        let axisKey = Self.axisKey
        guard context.axes.contains(where: { $0.key == axisKey }) else { return [] }
        var order: [Point] = []
        var bySlice: [Point: (exact: [Int], hill: [Int], hillRuns: [RunRecord])] = [:]
        for run in runs {
            let slice = Point(run.point.coordinates.filter { $0.key != axisKey })
            if bySlice[slice] == nil {
                order.append(slice)
                bySlice[slice] = ([], [], [])
            }
            let selected = run.metrics.isSet(.mesaOptimizer) ? 1 : 0
            switch run.optimizer {
            case .exact: bySlice[slice]!.exact.append(selected)
            case .hillClimb:
                bySlice[slice]!.hill.append(selected)
                bySlice[slice]!.hillRuns.append(run)
            case .adam: continue   // a learned world: no exact class to compare with
            }
        }
        var perPoint: [Finding] = []
        var ahead = 0, behind = 0, level = 0, apartAhead = 0, apartBehind = 0
        for slice in order {
            let (exact, hill, _) = bySlice[slice]!
            guard let e = WilsonInterval.estimate(successes: exact.reduce(0, +), trials: exact.count),
                  let h = WilsonInterval.estimate(successes: hill.reduce(0, +), trials: hill.count)
            else { continue }
            let apart = e.hi < h.lo || h.hi < e.lo
            if e.mean > h.mean { ahead += 1; if apart { apartAhead += 1 } }
            else if e.mean < h.mean { behind += 1; if apart { apartBehind += 1 } }
            else { level += 1 }
            let place = slice.coordinates.isEmpty ? "At the single point" : "At \(AxisNames.describe(slice))"
            let sentence = "\(place), search was selected in \(exact.reduce(0, +)) of \(exact.count) runs under exact selection (95% interval \(NumberText.range(e.lo, e.hi))) and in \(hill.reduce(0, +)) of \(hill.count) under hill climbing (\(ReachabilityFinder.acceptance(bySlice[slice]!.hillRuns))) (\(NumberText.range(h.lo, h.hi))); the intervals \(apart ? "do not overlap" : "overlap")."
            perPoint.append(Finding(kind: .optimizerComparison, metric: Metric.mesaOptimizer.name, axis: axisKey,
                                    value: e.mean - h.mean, slice: slice.coordinates.isEmpty ? nil : slice,
                                    sentence: sentence))
        }
        guard !perPoint.isEmpty else { return [] }
        let summary = Self.summarySentence(total: perPoint.count, ahead: ahead, behind: behind, level: level,
                                      apartAhead: apartAhead, apartBehind: apartBehind)
        return [Finding(kind: .optimizerComparison, metric: Metric.mesaOptimizer.name, axis: axisKey,
                        value: Double(ahead - behind), sentence: summary)] + perPoint
    }

    /// "Across 6 points run under both optimizers, exact selection chose search more often than
    /// hill climbing at 3 and as often at 3; the 95% intervals overlap at every point." Counts of
    /// zero are left out.
    static func summarySentence(total: Int, ahead: Int, behind: Int, level: Int, apartAhead: Int, apartBehind: Int)
        -> String
    {
        let counts = [(ahead, "more often than hill climbing at"), (behind, "less often at"), (level, "as often at")]
            .filter { $0.0 > 0 }.map { "\($0.1) \($0.0)" }
        let chose = counts.count > 1
            ? counts.dropLast().joined(separator: ", ") + " and " + counts[counts.count - 1]
            : counts.first ?? ""
        let noun = total == 1 ? "point" : "points"
        let apart = apartAhead + apartBehind
        let intervals: String
        if apart == 0 {
            intervals = total == 1 ? "the 95% intervals overlap" : "the 95% intervals overlap at every point"
        } else {
            let who = apartBehind == 0 ? "exact ahead at each"
                : apartAhead == 0 ? "hill climbing ahead at each"
                : "exact ahead at \(apartAhead), hill climbing at \(apartBehind)"
            intervals = "the 95% intervals are apart at \(apart) of the \(total) \(noun), \(who)"
        }
        return "Across \(total) \(noun) run under both optimizers, exact selection chose search \(chose); \(intervals)."
    }
}
