/// A prediction the scenario states in its `expect` block, checked against the runs after the
/// simulation: the report says whether the numbers show it, contradict it, or cannot tell.
///
/// ```
/// expect {
///   mesa_optimizer rises along instances
///   mesa_optimizer at_most 0.2 at instances 1
///   crossover instances rises along parameters
/// }
/// ```
public struct Expectation: Sendable, Hashable {
    /// What is predicted.
    public enum Claim: Sendable, Hashable {
        /// The metric's mean is higher (rises) or lower (falls) at the last value of `axis` than
        /// at its first, in every slice of the other axes.
        case trend(metric: String, direction: Direction, axis: String)
        /// The metric's mean is at most / at least `value` at every matching point.
        case level(metric: String, bound: Bound, value: Double)
        /// N*, the value of the numeric `axis` where the share of runs selecting search first
        /// reaches one half, is larger (rises) or smaller (falls) at the last value of `along`
        /// than at its first.
        case crossover(axis: String, direction: Direction, along: String)
    }

    public enum Direction: String, Sendable, Hashable, CaseIterable {
        case rises, falls
    }

    public enum Bound: String, Sendable, Hashable, CaseIterable {
        case atMost = "at_most"
        case atLeast = "at_least"
    }

    /// Restricts a claim to the points where a swept axis has one value (`at instances 1`).
    public struct Filter: Sendable, Hashable {
        /// The axis, as `block.key`.
        public var axis: String
        /// The value as `SettingValue.text` writes it.
        public var value: String

        public init(axis: String, value: String) {
            self.axis = axis
            self.value = value
        }
    }

    public var claim: Claim
    public var filters: [Filter]
    /// The statement as written (`mesa_optimizer rises along instances`), for the report.
    public var text: String

    public init(claim: Claim, filters: [Filter], text: String) {
        self.claim = claim
        self.filters = filters
        self.text = text
    }

    /// The metrics a claim can name: the per-run metrics that the summary of every point holds
    /// (where they apply).
    public static let metrics = [
        "mesa_optimizer", "deceptive", "train_score", "deploy_score", "search_bits", "defection_rate",
        "proxy_pursuit", "search_decision_share", "expansions_per_episode", "loss", "params_table",
        "params_search", "params_detector", "deceptive_posterior", "deceptive_structure_share",
        "mesa_posterior", "k_fit", "objective_goal_weight", "objective_proxy_weight",
        "aligned_loss_change", "aligned_deploy_gain",
    ]

    /// The statement key of a crossover claim.
    public static let crossoverKey = "crossover"
}
