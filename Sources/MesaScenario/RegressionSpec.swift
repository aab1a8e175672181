import MesaResults

/// The regression world's settings (SCIENCE.md §7.1, docs/learned-worlds.md): in-context linear
/// regression with a pool of N pretraining tasks, the `two_circuit` learner and Adam.
///
/// Defaults here are the documented defaults of `docs/scenario-language.md`.
public struct RegressionSpec: Sendable, Hashable {
    /// d: the dimension of inputs and tasks.
    public var dimension = 8
    /// n: context pairs per training sequence.
    public var context = 16
    /// σ²: the variance of the label noise in training sequences.
    public var noise = 0.25
    /// N: pretraining tasks; `nil` for `instances infinite` (a fresh task for every sequence).
    public var tasks: Int? = 16
    /// Unseen evaluation tasks (`deployment.instances`; never inherited from `environment`).
    public var unseenTasks = 4096
    /// Context pairs and noise of the evaluation sequences; `nil` follows training.
    public var evaluationContext: Int?
    public var evaluationNoise: Double?
    /// Evaluation sequences in each of the unseen and seen sets.
    public var evaluationSequences = 5000
    public var learner = Learner.twoCircuit
    /// s: steps of the search circuit's in-context gradient descent.
    public var searchSteps = 2
    /// m: the table circuit's memory slots; derived from `parameters` when that is given instead.
    public var memory = 64
    /// K given instead of `memory`: memory is ⌊(K − s·d² − 2)/d⌋.
    public var parameters: Int?
    public var steps = 2000
    public var batch = 256
    public var learningRate = 0.003
    public var warmup = 0
    public var schedule = Schedule.constant

    public init() {}

    /// The memory slots in force: `memory`, or the largest that fits `parameters`.
    public var memorySlots: Int {
        guard let parameters else { return memory }
        return Self.memory(forBudget: parameters, dimension: dimension, searchSteps: searchSteps)
    }

    /// K = s·d² + m·d + 2 (the Γ_t matrices, the memory slots, the temperature and the gate).
    public var parameterCount: Int { searchSteps * dimension * dimension + memorySlots * dimension + 2 }

    /// The most memory slots a budget of K parameters holds beside s steps of search: ⌊(K − s·d² − 2)/d⌋,
    /// negative when the search alone does not fit.
    public static func memory(forBudget budget: Int, dimension: Int, searchSteps: Int) -> Int {
        let rest = budget - searchSteps * dimension * dimension - 2
        return rest >= 0 ? rest / dimension : -1
    }

    /// The learners of the regression world.
    public enum Learner: String, Sendable, Hashable, CaseIterable {
        /// A search circuit (in-context gradient descent) and a table circuit (retrieval over memory
        /// slots) mixed by a learned gate.
        case twoCircuit = "two_circuit"
    }

    /// How the learning rate moves over training (after any linear warm-up).
    public enum Schedule: String, Sendable, Hashable, CaseIterable {
        case constant, cosine
    }
}
