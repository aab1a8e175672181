import MesaResults

/// Not reached, or selected against (SCIENCE.md §5.5; docs/model.md "Optimality gap"): where hill
/// climbing ended without search, was search worse for the loss, or did local search stop short of
/// a better model that uses it?
///
/// Hill-climbing runs in a class the exact decomposition solves carry `optimality_gap` (final loss
/// − the class's minimum) and `exact_agrees` (whether the run's style is the exact posterior's
/// majority). At each point where some such run ended without search, one sentence counts the runs that reached the minimum,
/// and splits the runs that ended without search into:
/// - **not reached**: the minimum-loss models use search (`exact_agrees` 0) and the run's loss is
///   above the minimum — local search stopped short of it;
/// - **selected against**: the minimum-loss models do not use search either (`exact_agrees` 1).
/// - **tied**: the run is at the minimum loss without search, though most minimum-loss models use it.
/// Classes with a detector are left out: there a disagreement can be about deception, not style.
/// Each sentence names the acceptance rule. O(runs).
package struct ReachabilityFinder: FindingRule {
    /// A gap at or below this is "reached" (losses are sums of doubles).
    package static let tie = 1e-9

    package init() {}

    package func findings(in context: FindingContext) -> [Finding] {
        (Self.skipped(context.runs).map { [$0] } ?? []) + judged(context)
    }

    /// The runs whose class qualifies for the gap but whose solve the rule skipped, in one
    /// sentence naming their points (at most 4); nil when there are none.
    static func skipped(_ runs: [RunRecord]) -> Finding? {
        var points: [Point] = []
        var count = 0
        for run in runs where run.metrics.isSet(.optimalityGapSkipped) {
            count += 1
            if !points.contains(run.point) { points.append(run.point) }
        }
        guard count > 0 else { return nil }
        let named = points.prefix(4).map { AxisNames.describe($0) }.joined(separator: "; ")
            + (points.count > 4 ? " and \(points.count - 4) more point\(points.count == 5 ? "" : "s")" : "")
        let sentence = "The optimality gap was not computed for \(count) hill-climbing run\(count == 1 ? "" : "s") (at \(named)): their class is solved exactly, but `optimality_gap auto` skipped the solve as too costly against the run (docs/model.md); `training { optimality_gap always }` computes it."
        return Finding(kind: .reachability, metric: Metric.optimalityGapSkipped.name, axis: "", value: Double(count),
                       sentence: sentence)
    }

    func judged(_ context: FindingContext) -> [Finding] {
        var order: [Point] = []
        var byPoint: [Point: [RunRecord]] = [:]
        for run in context.runs where run.optimizer == .hillClimb && run.metrics[.optimalityGap] != nil
            && run.metrics[.exactAgrees] != nil && run.metrics[.detectorCost] == nil {
            if byPoint[run.point] == nil { order.append(run.point) }
            byPoint[run.point, default: []].append(run)
        }
        guard !order.isEmpty else { return [] }

        var findings: [Finding] = []
        var total = Tally([])
        for point in order {
            let runs = byPoint[point]!
            let tally = Tally(runs)
            total.add(tally)
            guard tally.withoutSearch > 0 else { continue }
            let place = point.coordinates.isEmpty ? "At the single point" : "At \(AxisNames.describe(point))"
            let sentence = "\(place), hill climbing (\(Self.acceptance(runs))) reached the class's minimum loss in \(tally.reached) of \(tally.runs) runs; \(tally.withoutSearchText)."
            findings.append(Finding(kind: .reachability, metric: Metric.optimalityGap.name, axis: "",
                                    value: Double(tally.notReached), slice: point.coordinates.isEmpty ? nil : point,
                                    sentence: sentence))
        }
        let lead = total.withoutSearch == 0
            ? "Every hill-climbing run with a known optimum selected search; \(total.reached) of \(total.runs) reached the class's minimum loss."
            : "Over the hill-climbing runs with a known optimum, \(total.reached) of \(total.runs) reached the class's minimum loss; \(total.withoutSearchText)."
        return [Finding(kind: .reachability, metric: Metric.optimalityGap.name, axis: "", value: Double(total.notReached),
                        sentence: lead)] + findings
    }

    /// The acceptance rule of `runs` as the report names it ("accept strict"), or the rules when
    /// they differ.
    static func acceptance(_ runs: [RunRecord]) -> String {
        var rules: [String] = []
        for run in runs { if let rule = run.acceptance, !rules.contains(rule) { rules.append(rule) } }
        return rules.isEmpty ? "accept neutral" : "accept " + rules.joined(separator: " / ")
    }

    /// The counts of one point.
    struct Tally {
        var runs = 0
        var reached = 0
        var withoutSearch = 0
        var notReached = 0
        var selectedAgainst = 0
        var tied = 0
        var gapSum = 0.0

        init(_ records: [RunRecord]) {
            for run in records {
                runs += 1
                let gap = run.metrics[.optimalityGap] ?? 0
                if gap <= ReachabilityFinder.tie { reached += 1 }
                guard !run.metrics.isSet(.mesaOptimizer) else { continue }
                withoutSearch += 1
                if run.metrics.isSet(.exactAgrees) {
                    selectedAgainst += 1
                } else if gap > ReachabilityFinder.tie {
                    notReached += 1
                    gapSum += gap
                } else {
                    // At the minimum but against the majority's style: a tie between styles.
                    tied += 1
                }
            }
        }

        mutating func add(_ other: Tally) {
            runs += other.runs
            reached += other.reached
            withoutSearch += other.withoutSearch
            notReached += other.notReached
            selectedAgainst += other.selectedAgainst
            tied += other.tied
            gapSum += other.gapSum
        }

        /// "of the 12 runs that ended without search, 9 did not reach search (…), 2 selected
        /// against it (…) and 1 tied (…)"; counts of zero left out.
        var withoutSearchText: String {
            let parts = [
                notReached > 0 ? "\(notReached) did not reach search (the minimum-loss models use it; mean optimality gap \(NumberText.format(gapSum / Double(notReached))))" : nil,
                selectedAgainst > 0 ? "\(selectedAgainst) selected against it (the minimum-loss models use no search either)" : nil,
                tied > 0 ? "\(tied) tied (at the minimum loss without search, though most minimum-loss models use it)" : nil,
            ].compactMap { $0 }
            let list = parts.count > 1 ? parts.dropLast().joined(separator: ", ") + " and " + parts[parts.count - 1] : parts.first ?? "none"
            return "of the \(withoutSearch) run\(withoutSearch == 1 ? "" : "s") that ended without search, \(list)"
        }
    }
}
