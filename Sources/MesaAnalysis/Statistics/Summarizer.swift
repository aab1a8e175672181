import MesaResults

/// Turns runs into per-point summaries: every metric's mean and 95% interval.
///
/// Shares (the 0/1 metrics `mesa_optimizer` and `deceptive`) get the Wilson interval; every
/// other metric the Student-t interval of its mean, clipped to the values the metric can take
/// (`bounds(of:)`: a share cannot be below 0, a score not above 1). Optional metrics are
/// summarised over the runs that have them and skipped where no run of the point has them.
public enum Summarizer {
    /// Metrics summarised with the Wilson interval.
    public static let shareMetrics = ["mesa_optimizer", "deceptive"]

    /// Every metric the summary can hold, in a fixed order.
    public static let metricNames = [
        "train_score", "deploy_score", "search_bits", "mesa_optimizer", "deceptive", "defection_rate",
        "deceptive_posterior", "deceptive_structure_share", "mesa_posterior", "proxy_pursuit",
        "expansions_per_episode", "loss", "params_table", "params_search", "params_detector",
        "search_decision_share", "k_fit", "objective_goal_weight", "objective_proxy_weight",
        "aligned_loss_change", "aligned_deploy_gain",
    ]

    /// The values metric `name` can take, where the model bounds it: shares and rates in
    /// [0, 1]; scores at most 1 (a run can end farther from the goal than it started, so a
    /// score has no lower bound); the detector's removal gain and the aligned-objective
    /// differences are differences of losses or scores, unbounded;
    /// the objective weights in [−1, 1]; counts, bits and loss at least 0.
    public static func bounds(of name: String) -> ClosedRange<Double> {
        switch name {
        case "mesa_optimizer", "deceptive", "defection_rate", "deceptive_posterior", "deceptive_structure_share",
             "mesa_posterior", "proxy_pursuit", "search_decision_share":
            return 0...1
        case "train_score", "deploy_score":
            return -Double.infinity...1
        case "detector_removal_gain", "aligned_loss_change", "aligned_deploy_gain":
            return -Double.infinity...Double.infinity
        case "objective_goal_weight", "objective_proxy_weight":
            return -1...1
        default:
            return 0...Double.infinity
        }
    }

    /// The value of metric `name` in one run, `nil` when the run does not have it.
    public static func value(of name: String, in metrics: RunMetrics) -> Double? {
        switch name {
        case "train_score": return metrics.train_score
        case "deploy_score": return metrics.deploy_score
        case "search_bits": return metrics.search_bits
        case "mesa_optimizer": return Double(metrics.mesa_optimizer)
        case "deceptive": return Double(metrics.deceptive)
        case "defection_rate": return metrics.defection_rate
        case "deceptive_posterior": return metrics.deceptive_posterior
        case "deceptive_structure_share": return metrics.deceptive_structure_share
        case "mesa_posterior": return metrics.mesa_posterior
        case "proxy_pursuit": return metrics.proxy_pursuit
        case "expansions_per_episode": return metrics.expansions_per_episode
        case "loss": return metrics.loss
        case "params_table": return Double(metrics.params_table)
        case "params_search": return Double(metrics.params_search)
        case "params_detector": return Double(metrics.params_detector)
        case "search_decision_share": return metrics.search_decision_share
        case "k_fit": return metrics.k_fit.map(Double.init)
        case "removed_at_step": return metrics.removed_at_step.map(Double.init)
        case "budget": return Double(metrics.budget)
        case "detector_cost": return metrics.detector_cost.map(Double.init)
        case "false_positive_instances": return metrics.false_positive_instances.map(Double.init)
        case "false_positives_unsolved": return metrics.false_positives_unsolved.map(Double.init)
        case "false_positives_solved": return metrics.false_positives_solved.map(Double.init)
        case "detector_removal_gain": return metrics.detector_removal_gain
        case "objective_goal_weight": return metrics.objective_goal_weight.map(Double.init)
        case "objective_proxy_weight": return metrics.objective_proxy_weight.map(Double.init)
        case "aligned_loss_change": return metrics.aligned_loss_change
        case "aligned_deploy_gain": return metrics.aligned_deploy_gain
        default: return nil
        }
    }

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
            var estimates: [String: Estimate] = [:]
            for name in metricNames {
                let values = runs.compactMap { value(of: name, in: $0.metrics) }
                guard !values.isEmpty else { continue }
                if shareMetrics.contains(name) {
                    estimates[name] = WilsonInterval.estimate(successes: values.filter { $0 >= 0.5 }.count, trials: values.count)
                } else if let estimate = StudentTInterval.estimate(values) {
                    let range = bounds(of: name)
                    estimates[name] = Estimate(mean: estimate.mean, lo: range.clamp(estimate.lo), hi: range.clamp(estimate.hi))
                }
            }
            return PointSummary(point: point, n: runs.count, metrics: estimates)
        }
    }
}

private extension ClosedRange<Double> {
    func clamp(_ value: Double) -> Double { Swift.min(Swift.max(value, lowerBound), upperBound) }
}
