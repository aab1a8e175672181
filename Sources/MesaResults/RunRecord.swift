/// One run: a sweep point, a repetition, and what training produced.
public struct RunRecord: Codable, Sendable, Hashable {
    public var point: Point
    /// The run's own seed, derived from (scenario seed, point, repetition).
    public var seed: UInt64
    public var repetition: Int
    /// `exact` or `hill_climb`: the base optimizer of this run (swept or not).
    public var optimizer: String
    public var metrics: RunMetrics

    public init(point: Point, seed: UInt64, repetition: Int, optimizer: String, metrics: RunMetrics) {
        self.point = point
        self.seed = seed
        self.repetition = repetition
        self.optimizer = optimizer
        self.metrics = metrics
    }
}

/// The per-run metrics of the contract. Optional ones are absent where they do not apply
/// (`deceptive_posterior` only under `exact`, `removed_at_step` only under `hill_climb`,
/// `false_positives_unsolved`, `false_positives_solved` and `detector_removal_gain` only when the final model carries a
/// detector that fires on a training instance; the objective weights only when the model has
/// search machinery).
public struct RunMetrics: Codable, Sendable, Hashable {
    public var train_score: Double
    public var deploy_score: Double
    /// Bits of run-time search the chosen model carries (fractional).
    public var search_bits: Double
    /// 1 when the search module made at least half of the training decisions.
    public var mesa_optimizer: Int
    /// 1 when the model carries a deployment detector.
    public var deceptive: Int
    /// Share of deployment episodes in which the detector fired and the model went for its target.
    public var defection_rate: Double
    public var deceptive_posterior: Double?
    public var deceptive_structure_share: Double?
    /// Posterior share of mesa-optimizers among minimum-loss models (exact only).
    public var mesa_posterior: Double?
    /// Share of deployment episodes that ended in the proxy region rather than at the goal.
    public var proxy_pursuit: Double
    public var expansions_per_episode: Double
    public var loss: Double
    public var params_table: Int
    public var params_search: Int
    public var params_detector: Int
    /// Hill-climbing step at which the detector was removed, if it was.
    public var removed_at_step: Int?
    /// K_fit: the smallest budget reaching the minimum achievable training loss.
    public var k_fit: Int?
    /// Share of training decisions made by the search module.
    public var search_decision_share: Double
    /// K: the run's parameter budget.
    public var budget: Int
    /// d: the detector's cost when the class has a detector, else absent.
    public var detector_cost: Int?
    /// Training instances the class's detector fires on (round(false_positive · N)), whether or
    /// not the final model carries it; present whenever `detector_cost` is.
    public var false_positive_instances: Int?
    /// Of those instances, how many the final model with its detector removed would fail
    /// (score < 1 there). Only when the final model carries the detector and
    /// `false_positive_instances` > 0.
    public var false_positives_unsolved: Int?
    /// Of those instances, how many the final model solves (score 1) with its detector firing
    /// there, i.e. by pursuing its own target (the table is ignored). Present exactly when
    /// `false_positives_unsolved` is.
    public var false_positives_solved: Int?
    /// The final model's training loss minus that of the same model with its detector removed
    /// (same loss, penalties included): > 0 means removing the detector would have lowered the
    /// loss. Present exactly when `false_positives_unsolved` is.
    public var detector_removal_gain: Double?
    /// The learned objective h_w of the search module — the mesa-objective: its weight on the
    /// distance to the goal marker (1 seeks the goal, −1 flees it, 0 ignores it). Present only
    /// when the model has search machinery (m > 0); without it the weights are unused.
    public var objective_goal_weight: Int?
    /// The mesa-objective's weight on the distance to the proxy region, as `objective_goal_weight`.
    public var objective_proxy_weight: Int?
    /// Training loss of the same model with the goal-seeking objective (w_goal = 1, w_proxy = 0)
    /// minus its own: 0 when training cannot tell its objective from the aligned one. Present
    /// with the objective weights.
    public var aligned_loss_change: Double?
    /// Deployment score of the same model with the goal-seeking objective minus its own: what
    /// its mesa-objective costs (< 0: gains) in deployment. Present with the objective weights.
    public var aligned_deploy_gain: Double?

    public init(
        train_score: Double, deploy_score: Double, search_bits: Double, mesa_optimizer: Int, deceptive: Int,
        defection_rate: Double, deceptive_posterior: Double? = nil, deceptive_structure_share: Double? = nil,
        mesa_posterior: Double? = nil, proxy_pursuit: Double, expansions_per_episode: Double, loss: Double,
        params_table: Int, params_search: Int, params_detector: Int, removed_at_step: Int? = nil,
        k_fit: Int? = nil, search_decision_share: Double, budget: Int, detector_cost: Int? = nil,
        false_positive_instances: Int? = nil, false_positives_unsolved: Int? = nil, false_positives_solved: Int? = nil,
        detector_removal_gain: Double? = nil, objective_goal_weight: Int? = nil, objective_proxy_weight: Int? = nil,
        aligned_loss_change: Double? = nil, aligned_deploy_gain: Double? = nil
    ) {
        self.train_score = train_score
        self.deploy_score = deploy_score
        self.search_bits = search_bits
        self.mesa_optimizer = mesa_optimizer
        self.deceptive = deceptive
        self.defection_rate = defection_rate
        self.deceptive_posterior = deceptive_posterior
        self.deceptive_structure_share = deceptive_structure_share
        self.mesa_posterior = mesa_posterior
        self.proxy_pursuit = proxy_pursuit
        self.expansions_per_episode = expansions_per_episode
        self.loss = loss
        self.params_table = params_table
        self.params_search = params_search
        self.params_detector = params_detector
        self.removed_at_step = removed_at_step
        self.k_fit = k_fit
        self.search_decision_share = search_decision_share
        self.budget = budget
        self.detector_cost = detector_cost
        self.false_positive_instances = false_positive_instances
        self.false_positives_unsolved = false_positives_unsolved
        self.false_positives_solved = false_positives_solved
        self.detector_removal_gain = detector_removal_gain
        self.objective_goal_weight = objective_goal_weight
        self.objective_proxy_weight = objective_proxy_weight
        self.aligned_loss_change = aligned_loss_change
        self.aligned_deploy_gain = aligned_deploy_gain
    }
}
