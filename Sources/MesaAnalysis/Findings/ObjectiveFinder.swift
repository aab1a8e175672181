import MesaResults

/// What the mesa-optimizers learned to want (SCIENCE.md §3: the search module's evaluation h_w
/// *is* the mesa-objective): among the runs that selected search, how many objectives sought
/// the goal marker alone (w_goal > 0 ≥ w_proxy), the proxy region alone, both, or neither —
/// the inner-alignment question, answered from the weights. When several points were swept,
/// the sentence names the points with runs whose objective did not seek the goal alone. Where
/// the runs record it, it then says what swapping in the goal-seeking objective would change:
/// in how many runs training could not tell the two apart (equal loss), and the mean change of
/// the deployment score with its 95% interval. O(runs).
package struct ObjectiveFinder: FindingRule {
    enum Aim: Equatable {
        case goal, proxy, both, neither
    }

    static func aim(goalWeight: Int, proxyWeight: Int) -> Aim {
        switch (goalWeight > 0, proxyWeight > 0) {
        case (true, false): return .goal
        case (false, true): return .proxy
        case (true, true): return .both
        case (false, false): return .neither
        }
    }

    /// Points named in the sentence before the rest are only counted.
    static let pointLimit = 6

    /// What a run's objective seeks, or nil when the run did not select search or has no weights.
    static func aim(of run: RunRecord) -> Aim? {
        guard run.metrics.isSet(.mesaOptimizer), let goal = run.metrics.integer(.objectiveGoalWeight),
              let proxy = run.metrics.integer(.objectiveProxyWeight)
        else { return nil }
        return aim(goalWeight: goal, proxyWeight: proxy)
    }

    package init() {}

    package func findings(in context: FindingContext) -> [Finding] {
        let searching = context.runs.filter { Self.aim(of: $0) != nil }
        guard !searching.isEmpty else { return [] }
        func count(_ aim: Aim) -> Int { searching.filter { Self.aim(of: $0) == aim }.count }
        let total = searching.count
        let goal = count(.goal)
        var sentence = "The learned objective (the mesa-objective h_w) of the \(total) \(total == 1 ? "run" : "runs") that selected search sought the goal marker alone in \(goal), the proxy region alone in \(count(.proxy)), both in \(count(.both)) and neither in \(count(.neither))"
        let points = Summarizer.groups(searching)
        if points.count > 1, goal < total {
            let astray = points.compactMap { entry -> String? in
                let off = entry.runs.filter { Self.aim(of: $0) != .goal }.count
                guard off > 0 else { return nil }
                return "at \(AxisNames.describe(entry.point)) (\(off) of \(entry.runs.count))"
            }
            let shown = astray.prefix(Self.pointLimit).joined(separator: "; ")
            let more = astray.count > Self.pointLimit ? "; and at \(astray.count - Self.pointLimit) more points" : ""
            sentence += "; those that did not seek the goal alone were \(shown)\(more)"
        }
        sentence += Self.swapClause(searching)
        let interval = WilsonInterval.estimate(successes: goal, trials: total)
        return [Finding(kind: .objective, metric: Metric.objectiveGoalWeight.name, axis: "", value: interval?.mean,
                        lo: interval?.lo, hi: interval?.hi, sentence: sentence + ".")]
    }

    /// Loss differences within this are "the same": rounding, not behaviour.
    static let tolerance = 1e-12

    /// "; with the goal-seeking objective (w_goal = 1, w_proxy = 0) in its place, training loss
    /// would be the same in 30 of 39 runs, higher in 5 and lower in 4, and the deployment score
    /// would change by 0.02 on average (95% interval −0.01–0.05)"; empty without the metrics.
    static func swapClause(_ runs: [RunRecord]) -> String {
        let changes = runs.compactMap { $0.metrics[.alignedLossChange] }
        let gains = runs.compactMap { $0.metrics[.alignedDeployGain] }
        guard !changes.isEmpty, gains.count == changes.count else { return "" }
        let same = changes.filter { abs($0) <= tolerance }.count
        let higher = changes.filter { $0 > tolerance }.count
        let lower = changes.count - same - higher
        var clause = "; with the goal-seeking objective (w_goal = 1, w_proxy = 0) in its place, the training loss would be the same in \(same) of \(changes.count) \(changes.count == 1 ? "run" : "runs"), higher in \(higher) and lower in \(lower), and the deployment score would change by "
        if let estimate = StudentTInterval.estimate(gains) {
            clause += "\(NumberText.format(estimate.mean, significant: 2)) on average (95% interval \(NumberText.range(estimate.lo, estimate.hi)))"
        } else {
            clause += NumberText.format(gains[0], significant: 2)
        }
        return clause
    }
}
