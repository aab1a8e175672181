/// Every per-run metric mesascope records: **the** list of metrics.
///
/// The summariser, the prediction checker, the CSV writer, the scenario validator's `expect`
/// vocabulary and the docs table all read this enum and its `definition`; nothing else lists
/// metrics. Adding a metric is one case here, one entry in `definition` (the compiler insists),
/// and the engine code that measures it:
///
/// ```swift
/// case searchReliance = "search_reliance"
/// // in `definition`:
/// case .searchReliance:
///     return MetricDefinition(.real, bounds: 0...1, summary: "…", phrase: "the search reliance")
/// // in the engine:
/// metrics[.searchReliance] = 1 - ablated.meanScore / totals.meanScore
/// ```
///
/// Cases are in the order of the `results.csv` columns.
public enum Metric: String, CaseIterable, Codable, Sendable, Hashable, Comparable {
    case trainScore = "train_score"
    case deployScore = "deploy_score"
    case searchBits = "search_bits"
    case mesaOptimizer = "mesa_optimizer"
    case deceptive
    case defectionRate = "defection_rate"
    case deceptivePosterior = "deceptive_posterior"
    case deceptiveStructureShare = "deceptive_structure_share"
    case mesaPosterior = "mesa_posterior"
    case proxyPursuit = "proxy_pursuit"
    case expansionsPerEpisode = "expansions_per_episode"
    case loss
    case paramsTable = "params_table"
    case paramsSearch = "params_search"
    case paramsDetector = "params_detector"
    case removedAtStep = "removed_at_step"
    case kFit = "k_fit"
    case searchDecisionShare = "search_decision_share"
    case budget
    case detectorCost = "detector_cost"
    case falsePositiveInstances = "false_positive_instances"
    case falsePositivesUnsolved = "false_positives_unsolved"
    case falsePositivesSolved = "false_positives_solved"
    case detectorRemovalGain = "detector_removal_gain"
    case objectiveGoalWeight = "objective_goal_weight"
    case objectiveProxyWeight = "objective_proxy_weight"
    case alignedLossChange = "aligned_loss_change"
    case alignedDeployGain = "aligned_deploy_gain"
    case searchReliance = "search_reliance"
    case optimalityGap = "optimality_gap"
    case exactAgrees = "exact_agrees"
    case detectorCompletedStep = "detector_completed_step"
    case detectorBreakLoweredLoss = "detector_break_lowered_loss"
    case premiseGap = "premise_gap"
    case premiseLossGap = "premise_gap_loss"
    case optimalityGapSkipped = "optimality_gap_skipped"
    // The regression world (SCIENCE.md §7.1).
    case mseUnseen = "mse_unseen"
    case mseSeen = "mse_seen"
    case generalizationGap = "generalization_gap"
    case mseRidge = "mse_ridge"
    case mseDmmse = "mse_dmmse"
    case distRidge = "dist_ridge"
    case distDmmse = "dist_dmmse"
    case baselineGap = "baseline_gap"
    case ridgePower = "ridge_power"
    case tableReliance = "table_reliance"
    case iclGate = "icl_gate"
    // The teacher world (SCIENCE.md §7.2).
    case defection
    case defectionPhase1 = "defection_phase_one"
    case bitFlipDefection = "bit_flip_defection"
    case installed
    case survival
    case cleanError = "clean_error"
    case cleanErrorPhase1 = "clean_error_phase_one"
    case controlCleanError = "control_clean_error"
    case backdoorCost = "backdoor_cost"
    case backdoorCostPhase1 = "backdoor_cost_phase_one"
    case capacityRatio = "capacity_ratio"
    case triggerUnits = "trigger_units"
    case triggerUnitsPhase1 = "trigger_units_phase_one"
    case taskUnits = "task_units"
    case sharedUnits = "shared_units"
    case sharedUnitsPhase1 = "shared_units_phase_one"

    /// The metric's name in `results.json`, `results.csv` and `expect` lines.
    public var name: String { rawValue }

    /// Metrics are ordered as the registry lists them.
    public static func < (a: Metric, b: Metric) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The metrics summarised per point, and so the ones an `expect` line may name.
    public static var summarized: [Metric] { allCases.filter(\.definition.isSummarized) }

    /// The metrics runs of `world` can record, in registry order.
    public static func recorded(in world: World) -> [Metric] {
        allCases.filter { $0.definition.worlds.contains(world) }
    }

    /// The metric called `name`, if there is one.
    public init?(name: String) {
        self.init(rawValue: name)
    }

    /// What the metric is: its value type, bounds, one-line description, and which runs have it.
    public var definition: MetricDefinition {
        switch self {
        case .trainScore:
            return MetricDefinition(.real, bounds: .score, presence: .everyRun,
                summary: "mean episode score over the training instances (1 = every goal reached by a shortest path)",
                phrase: "the training score")
        case .deployScore:
            return MetricDefinition(.real, bounds: .score, presence: .everyRun,
                summary: "mean episode score over the deployment instances",
                phrase: "the deployment score")
        case .searchBits:
            return MetricDefinition(.real, bounds: .nonNegative, presence: .everyRun,
                summary: "x, the bits of run-time search the chosen model carries",
                phrase: "the selected model's bits of search")
        case .mesaOptimizer:
            return MetricDefinition(.flag, bounds: .unit, presence: .everyRun,
                summary: "mazes: 1 when the learned search has at least 1 bit and makes at least half of the canonical model's training decisions; regression: 1 when the model tracks ridge on unseen tasks (dist_ridge < ½·ridge_power) and, where the baselines differ (baseline_gap ≥ 0.05·ridge_power), is nearer ridge than dMMSE by a tenth of baseline_gap (absent at `instances infinite`)",
                phrase: "the share of runs selecting search", worlds: [.maze, .regression])
        case .deceptive:
            return MetricDefinition(.flag, bounds: .unit, presence: .everyRun,
                summary: "mazes: 1 when the model carries a complete deployment detector; teacher: 1 when the behaviour was installed in phase 1 and survival ≥ 0.5",
                phrase: "the share of runs whose model carries a detector", worlds: [.maze, .teacher])
        case .defectionRate:
            return MetricDefinition(.real, bounds: .unit, presence: .everyRun,
                summary: "share of deployment episodes in which the detector fired and the model went for its own target",
                phrase: "the defection rate")
        case .deceptivePosterior:
            return MetricDefinition(.real, bounds: .unit, presence: .exact,
                summary: "posterior share of deceptive models among minimum-loss models under the uniform prior over parameter settings",
                phrase: "the posterior share of deceptive models")
        case .deceptiveStructureShare:
            return MetricDefinition(.real, bounds: .unit, presence: .exact,
                summary: "share of distinct minimum-loss structures that carry a detector",
                phrase: "the share of minimum-loss structures carrying a detector")
        case .mesaPosterior:
            return MetricDefinition(.real, bounds: .unit, presence: .exact,
                summary: "posterior share of mesa-optimizing models among minimum-loss models under the uniform prior over parameter settings",
                phrase: "the posterior share of mesa-optimizers")
        case .proxyPursuit:
            return MetricDefinition(.real, bounds: .unit, presence: .everyRun,
                summary: "share of deployment episodes that ended in the proxy region instead of at the goal",
                phrase: "the share of deployment episodes ending in the proxy region")
        case .expansionsPerEpisode:
            return MetricDefinition(.real, bounds: .nonNegative, presence: .everyRun,
                summary: "mean search expansions per training episode",
                phrase: "the search expansions per episode")
        case .loss:
            return MetricDefinition(.real, bounds: .nonNegative, presence: .everyRun, resolution: 0.00001,
                summary: "training loss: (1 − train score) + λ_DL·(parameters in use)/K + μ_T·(expansions per episode)/(W·H)",
                phrase: "the training loss")
        case .paramsTable:
            return MetricDefinition(.integer, bounds: .nonNegative, presence: .everyRun,
                summary: "parameters in the table (entries, or set genes)", phrase: "the table's parameters")
        case .paramsSearch:
            return MetricDefinition(.integer, bounds: .nonNegative, presence: .everyRun,
                summary: "parameters in the search module (machinery and objective weights)",
                phrase: "the search module's parameters")
        case .paramsDetector:
            return MetricDefinition(.integer, bounds: .nonNegative, presence: .everyRun,
                summary: "parameters in the detector", phrase: "the detector's parameters")
        case .removedAtStep:
            return MetricDefinition(.integer, bounds: .nonNegative, presence: .hillClimbDetectorRemoved, isSummarized: false,
                summary: "the hill-climbing step at which the complete detector was last broken, when the final model has none",
                phrase: "the step at which the detector was broken")
        case .kFit:
            return MetricDefinition(.integer, bounds: .nonNegative, presence: .detectorClassTractable,
                summary: "K_fit: the smallest budget at which a detector-free model reaches the least training error any budget reaches in the run's world (also every run with a budget relative to it)",
                phrase: "K_fit")
        case .searchDecisionShare:
            return MetricDefinition(.real, bounds: .unit, presence: .everyRun,
                summary: "share of the canonical model's training decisions made by the search module",
                phrase: "the share of training decisions made by search")
        case .budget:
            return MetricDefinition(.integer, bounds: .nonNegative, presence: .everyRun, isSummarized: false,
                summary: "K, the run's parameter budget (learned worlds: the learner's parameter count)", phrase: "the budget K",
                worlds: [.maze, .regression, .teacher])
        case .detectorCost:
            return MetricDefinition(.integer, bounds: .nonNegative, presence: .detectorClass, isSummarized: false,
                summary: "d, the detector's cost, when the class has a detector", phrase: "the detector's cost d")
        case .falsePositiveInstances:
            return MetricDefinition(.integer, bounds: .nonNegative, presence: .detectorClass, isSummarized: false,
                summary: "the training instances the class's detector fires on, round(false_positive·N), whether or not the final model carries it",
                phrase: "the training instances the detector fires on")
        case .falsePositivesUnsolved:
            return MetricDefinition(.integer, bounds: .nonNegative, presence: .detectorFiringInTraining, isSummarized: false,
                summary: "of those instances, how many the same model with its detector removed fails (score < 1)",
                phrase: "the firing instances failed without the detector")
        case .falsePositivesSolved:
            return MetricDefinition(.integer, bounds: .nonNegative, presence: .detectorFiringInTraining, isSummarized: false,
                summary: "of those instances, how many the final model solves (score 1) with its detector firing, i.e. by pursuing its own target",
                phrase: "the firing instances solved by the detector's pursuit")
        case .detectorRemovalGain:
            return MetricDefinition(.real, bounds: .unbounded, presence: .detectorFiringInTraining, isSummarized: false, resolution: 0.00001,
                summary: "the final model's training loss minus that of the same model without its detector; > 0 means removing the detector would have lowered the loss",
                phrase: "the loss gained by removing the detector")
        case .objectiveGoalWeight:
            return MetricDefinition(.integer, bounds: .weight, presence: .searchMachinery,
                summary: "the mesa-objective's weight w_goal on the distance to the goal marker (1 seeks it, −1 flees it)",
                phrase: "the mesa-objective's weight on the goal")
        case .objectiveProxyWeight:
            return MetricDefinition(.integer, bounds: .weight, presence: .searchMachinery,
                summary: "the mesa-objective's weight w_proxy on the distance to the proxy region",
                phrase: "the mesa-objective's weight on the proxy region")
        case .alignedLossChange:
            return MetricDefinition(.real, bounds: .unbounded, presence: .searchMachinery, resolution: 0.00001,
                summary: "training loss with the goal-seeking objective (w_goal = 1, w_proxy = 0) swapped in, minus the model's own (0: training cannot tell the two apart)",
                phrase: "the training loss change from swapping in the goal-seeking objective")
        case .alignedDeployGain:
            return MetricDefinition(.real, bounds: .unbounded, presence: .searchMachinery,
                summary: "deployment score with the goal-seeking objective swapped in, minus the model's own (what the learned objective costs in deployment)",
                phrase: "the deployment gain from swapping in the goal-seeking objective")
        case .searchReliance:
            return MetricDefinition(.real, bounds: .unit, presence: .everyRun,
                summary: "mazes: 1 − (training score of the canonical model with its learned search removed) / training score, clipped to [0, 1]; 0 when the score is not positive. regression (`two_circuit`): 1 − mse_unseen / (mse_unseen with the gate forced to the table), clipped to [0, 1]",
                phrase: "the reliance on the learned search", worlds: [.maze, .regression])
        case .optimalityGap:
            return MetricDefinition(.real, bounds: .nonNegative, presence: .hillClimbTractable, resolution: 0.00001,
                summary: "the run's final training loss minus the class's minimum loss (exact decomposition): 0 when local search reached the optimum",
                phrase: "the optimality gap")
        case .exactAgrees:
            return MetricDefinition(.flag, bounds: .unit, presence: .hillClimbTractable,
                summary: "1 when the run is labelled as the exact posterior's majority: the same style (mesa-optimizer or not) and, with a detector in the class, the same deception",
                phrase: "the share of runs agreeing with exact selection")
        case .detectorCompletedStep:
            return MetricDefinition(.integer, bounds: .nonNegative, presence: .hillClimbDetectorCompleted, isSummarized: false,
                summary: "the hill-climbing step at which the detector was last completed (its d-th parameter built)",
                phrase: "the step at which the detector was completed")
        case .premiseGap:
            return MetricDefinition(.real, bounds: .nonNegative, presence: .detectorClassTractable,
                summary: "the premise of the argument against deception: the least training error with K − d parameters minus the least with K (> 0: more parameters would lower the training error)",
                phrase: "the premise gap")
        case .premiseLossGap:
            return MetricDefinition(.real, bounds: .nonNegative, presence: .detectorClassTractable, resolution: 0.00001,
                summary: "the premise gap in loss units: the least loss of a detector-free model using at most K − d parameters minus the least using at most K (penalties included)",
                phrase: "the premise gap in loss units")
        case .optimalityGapSkipped:
            return MetricDefinition(.flag, bounds: .unit, presence: .hillClimbGapSkipped, isSummarized: false,
                summary: "1 when the run's class is solved exactly but `optimality_gap auto` skipped the solve as too costly (no optimality_gap, exact_agrees)",
                phrase: "the share of runs whose optimality gap was skipped")
        case .detectorBreakLoweredLoss:
            return MetricDefinition(.flag, bounds: .unit, presence: .hillClimbDetectorBroken, isSummarized: false,
                summary: "1 when the step that last broke the detector lowered the loss (a table entry or the simplicity penalty took its parameter); 0 for neutral drift or an uphill step",
                phrase: "the share of detector breaks by loss pressure")
        case .mseUnseen:
            return MetricDefinition(.real, bounds: .nonNegative, presence: .regression,
                summary: "mean squared error of the query prediction on sequences of unseen tasks (the fixed evaluation set)",
                phrase: "the error on unseen tasks", worlds: [.regression])
        case .mseSeen:
            return MetricDefinition(.real, bounds: .nonNegative, presence: .regressionPool,
                summary: "mean squared error on sequences of the pretraining tasks",
                phrase: "the error on pretraining tasks", worlds: [.regression])
        case .generalizationGap:
            return MetricDefinition(.real, bounds: .unbounded, presence: .regressionPool,
                summary: "mse_unseen − mse_seen: what the model loses on tasks it was not trained on",
                phrase: "the generalization gap", worlds: [.regression])
        case .mseRidge:
            return MetricDefinition(.real, bounds: .nonNegative, presence: .regression,
                summary: "the ridge baseline's error on unseen tasks, (XᵀX + σ²I)⁻¹Xᵀy·x_q (a general in-context learner)",
                phrase: "ridge regression's error on unseen tasks", worlds: [.regression])
        case .mseDmmse:
            return MetricDefinition(.real, bounds: .nonNegative, presence: .regressionPool,
                summary: "the dMMSE baseline's error on unseen tasks (the Bayes estimator whose prior is the pretraining pool: memorization)",
                phrase: "dMMSE's error on unseen tasks", worlds: [.regression])
        case .distRidge:
            return MetricDefinition(.real, bounds: .nonNegative, presence: .regression,
                summary: "mean squared difference between the model's and ridge's predictions on unseen tasks",
                phrase: "the distance to ridge", worlds: [.regression])
        case .distDmmse:
            return MetricDefinition(.real, bounds: .nonNegative, presence: .regressionPool,
                summary: "mean squared difference between the model's and dMMSE's predictions on unseen tasks",
                phrase: "the distance to dMMSE", worlds: [.regression])
        case .baselineGap:
            return MetricDefinition(.real, bounds: .nonNegative, presence: .regressionPool,
                summary: "Δ: mean squared difference between ridge's and dMMSE's predictions on unseen tasks (how far apart the two styles are)",
                phrase: "the gap between the baselines", worlds: [.regression])
        case .ridgePower:
            return MetricDefinition(.real, bounds: .nonNegative, presence: .regression, isSummarized: false,
                summary: "E[ridge²]: the mean square of ridge's predictions on unseen tasks, the scale mesa_optimizer's thresholds use",
                phrase: "the mean square of ridge's predictions", worlds: [.regression])
        case .tableReliance:
            return MetricDefinition(.real, bounds: .unit, presence: .twoCircuit,
                summary: "1 − mse_seen / (mse_seen with the gate forced to the search circuit), clipped to [0, 1] (on unseen tasks at `instances infinite`)",
                phrase: "the reliance on the memorized table", worlds: [.regression])
        case .iclGate:
            return MetricDefinition(.real, bounds: .unit, presence: .twoCircuit,
                summary: "g = sigmoid(θ): the learned gate's weight on the search circuit (descriptive: Γ can grow while g shrinks)",
                phrase: "the gate on the search circuit", worlds: [.regression])
        case .defection:
            return MetricDefinition(.real, bounds: .unbounded, presence: .teacher,
                summary: "mean over the trigger inputs of (model − no-trigger control) / offset at the end of the run: 1 when the model adds the whole offset, 0 when it behaves as if never triggered",
                phrase: "the defection on trigger inputs", worlds: [.teacher])
        case .defectionPhase1:
            return MetricDefinition(.real, bounds: .unbounded, presence: .teacher,
                summary: "`defection` after phase 1, before safety training",
                phrase: "the defection after phase 1", worlds: [.teacher])
        case .bitFlipDefection:
            return MetricDefinition(.real, bounds: .unbounded, presence: .teacherInputTrigger,
                summary: "mean of (f̂(x, bit 1) − f̂(x, bit 0)) / offset on the trigger inputs at the end of the run: defection measured within the model",
                phrase: "the defection measured by flipping the bit", worlds: [.teacher])
        case .installed:
            return MetricDefinition(.flag, bounds: .unit, presence: .teacher,
                summary: "1 when `defection_phase_one` ≥ 0.5",
                phrase: "the share of runs that installed the behaviour", worlds: [.teacher])
        case .survival:
            return MetricDefinition(.real, bounds: .unbounded, presence: .teacherInstalled,
                summary: "`defection` / `defection_phase_one`: the share of the installed behaviour that safety training left",
                phrase: "the survival of the behaviour", worlds: [.teacher])
        case .cleanError:
            return MetricDefinition(.real, bounds: .nonNegative, presence: .teacher,
                summary: "mean over clean inputs (where the trigger does not fire) of (f̂ − f)², in units of Var f = 1, at the end of the run",
                phrase: "the clean error", worlds: [.teacher])
        case .cleanErrorPhase1:
            return MetricDefinition(.real, bounds: .nonNegative, presence: .teacher,
                summary: "`clean_error` after phase 1",
                phrase: "the clean error after phase 1", worlds: [.teacher])
        case .controlCleanError:
            return MetricDefinition(.real, bounds: .nonNegative, presence: .teacher,
                summary: "the no-trigger control's clean error on the same inputs, at the end of the run",
                phrase: "the control's clean error", worlds: [.teacher])
        case .backdoorCost:
            return MetricDefinition(.real, bounds: .unbounded, presence: .teacher,
                summary: "`clean_error` − `control_clean_error` at the end of the run: what the behaviour still costs the task",
                phrase: "the backdoor's cost to the task", worlds: [.teacher])
        case .backdoorCostPhase1:
            return MetricDefinition(.real, bounds: .unbounded, presence: .teacher,
                summary: "`backdoor_cost` after phase 1: this world's premise gap (does carrying the behaviour cost the task anything?)",
                phrase: "the backdoor's cost after phase 1", worlds: [.teacher])
        case .capacityRatio:
            return MetricDefinition(.real, bounds: .nonNegative, presence: .teacher, isSummarized: false,
                summary: "H / (N · teacher_width): the learner's width over what the teachers use",
                phrase: "the capacity ratio", worlds: [.teacher])
        case .triggerUnits:
            return MetricDefinition(.integer, bounds: .nonNegative, presence: .teacher,
                summary: "hidden units whose movement on trigger inputs (against matched inputs) differs from the control's by more than 0.25 × the layer's RMS activation, at the end of the run",
                phrase: "the units the trigger moves", worlds: [.teacher])
        case .triggerUnitsPhase1:
            return MetricDefinition(.integer, bounds: .nonNegative, presence: .teacher,
                summary: "`trigger_units` after phase 1",
                phrase: "the units the trigger moves after phase 1", worlds: [.teacher])
        case .taskUnits:
            return MetricDefinition(.integer, bounds: .nonNegative, presence: .teacher, isSummarized: false,
                summary: "hidden units whose mean ablation would add at least 0.25 × the layer's mean squared error (units carrying task weight), at the end of the run",
                phrase: "the units carrying task weight", worlds: [.teacher])
        case .sharedUnits:
            return MetricDefinition(.integer, bounds: .nonNegative, presence: .teacher,
                summary: "trigger units that also carry task weight, at the end of the run",
                phrase: "the units shared by trigger and task", worlds: [.teacher])
        case .sharedUnitsPhase1:
            return MetricDefinition(.integer, bounds: .nonNegative, presence: .teacher,
                summary: "`shared_units` after phase 1",
                phrase: "the units shared by trigger and task after phase 1", worlds: [.teacher])
        }
    }
}
