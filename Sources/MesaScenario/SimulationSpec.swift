import MesaResults

/// Everything one simulation run needs, fully resolved: one point of the sweep.
///
/// Defaults here are the documented defaults of `docs/scenario-language.md`.
public struct SimulationSpec: Sendable, Hashable {
    /// The world the runs simulate; the maze blocks below apply to `maze`, `regression` to the
    /// regression world, `teacher` to the teacher world.
    public var world = World.maze
    /// The regression world's settings (used when `world` is `.regression`).
    public var regression = RegressionSpec()
    /// The teacher world's settings (used when `world` is `.teacher`).
    public var teacher = TeacherSpec()
    public var environment = EnvironmentSpec()
    /// The deployment distribution: `environment` with the `deployment` block's overrides.
    public var deployment = EnvironmentSpec()
    public var model = ModelSpec()
    /// The detector circuit; `nil` when the file has no `deception` block.
    public var deception: DeceptionSpec?
    public var training = TrainingSpec()
    public var bias = BiasSpec()
    /// Keys the `deployment` block set itself; the rest follow `environment`.
    public var deploymentOverrides: Set<String> = []

    public init() {}
}

/// Where goals are placed.
public enum GoalPlacement: String, Sendable, Hashable, CaseIterable {
    /// Uniformly among the cells other than the start.
    case anywhere
    /// Inside the proxy region with probability `goal_correlation`, else outside it.
    case region
}

/// A corner of the grid, naming the proxy region or a detector's target.
public enum Corner: String, Sendable, Hashable, CaseIterable {
    case top_left, top_right, bottom_left, bottom_right
}

/// Who demonstrates the task the training score measures.
public enum Teacher: String, Sendable, Hashable, CaseIterable {
    /// An optimal planner: score is progress toward the goal, d*/steps on success.
    case planner
    /// A fixed seeded random walk per instance: score is the share reproduced.
    case scripted
}

/// The `environment` (and `deployment`) block.
public struct EnvironmentSpec: Sendable, Hashable {
    public var width = 9
    public var height = 9
    /// N: the number of distinct maze instances.
    public var instances = 16
    /// Probability that each remaining interior wall is removed after generation.
    public var loops = 0.0
    public var goal = GoalPlacement.anywhere
    public var proxyCorner = Corner.top_right
    /// Side R of the square proxy region.
    public var proxySide = 3
    public var goalCorrelation = 1.0
    public var teacher = Teacher.planner
    /// Episode step limit; `nil` means the default 4·W·H.
    public var stepLimit: Int?
    /// Task restriction (training only): the N instances come from a pool of this many mazes, spread
    /// evenly over it, so they hold `distinctInstances` distinct mazes; `nil`: no pool.
    public var pool: Int?

    public init() {}

    /// The distinct mazes among the N instances: min(N, pool), each weighing equally in training.
    /// One table entry serves every copy of a maze (an agent sees the maze it is in), so a run
    /// trains on these alone (docs/scenario-language.md `pool`).
    public var distinctInstances: Int { pool.map { min(instances, $0) } ?? instances }

    /// The step limit in force: the explicit one or 4·W·H.
    public var effectiveStepLimit: Int { stepLimit ?? 4 * width * height }
}

/// How the table is encoded.
public enum Encoding: Sendable, Hashable {
    /// Each table entry is one parameter.
    case direct
    /// The table is grown from this many genes by a fixed seeded expansion.
    case indirect(genes: Int)
}

/// The two styles a model may use.
public enum ModelStyle: String, Sendable, Hashable, CaseIterable {
    case heuristic, search
}

/// What the agent does when neither the table nor the search decides.
public enum Fallback: String, Sendable, Hashable, CaseIterable {
    /// The agent halts.
    case none
    /// Step to the neighbour closest to the goal marker by Manhattan distance.
    case greedy
}

/// Whether the search tree survives between steps of an episode.
public enum Memory: String, Sendable, Hashable, CaseIterable {
    case none, episode
}

/// The `model` block: the class S_M with its fixed budget K.
public struct ModelSpec: Sendable, Hashable {
    /// K: every model has exactly this many parameters.
    public var parameters = 512
    /// K written relative to each run's world; the run sets `parameters` from it once it knows its
    /// world's K_fit.
    public var relativeBudget: RelativeBudget?
    public var styles: Set<ModelStyle> = [.heuristic, .search]
    /// Parameters an x-bit search costs.
    public var searchCost = Expression.binary(.multiply, .number(16), .variable)
    public var maxBits = 8.0
    /// Below this many bits the search expands nothing.
    public var searchThreshold = 0.0
    /// Bits of search the system provides for free, ranked by the model's learned h_w.
    public var hardcodedSearch = 0.0
    public var memory = Memory.none
    public var fallback = Fallback.none
    public var encoding = Encoding.direct
    /// Parameters the goal-marker feature of h_w costs while w_goal ≠ 0.
    public var goalFeatureCost = 1
    /// Parameters the proxy-region feature of h_w costs while w_proxy ≠ 0.
    public var proxyFeatureCost = 1

    /// The values each of the objective weights w_goal and w_proxy may take (docs/model.md).
    public static let weightGrid = [-1, 0, 1]

    public init() {}
}

/// What a deceptive model pursues when its detector fires.
public enum DetectorTarget: Sendable, Hashable {
    case corner(Corner)
    /// Any cell: every cell is a distinct deceptive model.
    case any
}

/// The `deception` block: a deployment detector inside the same budget.
public struct DeceptionSpec: Sendable, Hashable {
    /// d: parameters the detector costs.
    public var detectorCost = 8
    /// Share of training instances on which the detector fires.
    public var falsePositive = 0.0
    /// Share of deployment instances on which the detector fires.
    public var truePositive = 1.0
    public var target = DetectorTarget.corner(.bottom_left)
    /// Share of runs whose initial model carries the detector.
    public var initialShare = 0.0

    public init() {}
}

/// The initial model of a hill climb.
public enum InitialModel: String, Sendable, Hashable, CaseIterable {
    /// No table entries, no machinery.
    case empty
    /// Random table entries filling the budget.
    case random
}

/// The `training` block.
public struct TrainingSpec: Sendable, Hashable {
    public var optimizer = Optimizer.hillClimb
    /// P: hill-climbing steps, each changing at most one parameter.
    public var steps = 20_000
    /// Repetitions per sweep point (not sweepable).
    public var seeds = 4
    /// The scenario seed every run's stream derives from.
    public var seed: UInt64 = 1
    public var initial = InitialModel.empty
    /// V: settings per parameter in the exact optimizer's prior.
    public var values = 4
    /// How hill climbing accepts a proposal.
    public var acceptance = AcceptanceRule.neutral
    /// When a hill-climbing run also solves its class for the optimality gap.
    public var optimalityGap = OptimalityGapRule.auto

    public init() {}
}

/// The `bias` block: penalties added to the training loss.
public struct BiasSpec: Sendable, Hashable {
    /// λ_DL: weight on parameters in use / K.
    public var descriptionLength = 0.0
    /// μ_T: weight on mean search expansions per episode / (W·H).
    public var speed = 0.0

    public init() {}
}
