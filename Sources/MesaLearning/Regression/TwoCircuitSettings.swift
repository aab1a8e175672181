/// The `two_circuit` learner (docs/learned-worlds.md): a search circuit of s steps of learned
/// preconditioned gradient descent on the context, a table circuit of m memory slots with
/// dMMSE-style retrieval, and a learned gate mixing them. K = s·d² + m·d + 2.
public struct TwoCircuitSettings: Sendable, Hashable {
    /// d, the width of the learner's inputs; it must equal the world's dimension (`train`
    /// refuses a mismatch). Kept here so that `parameterCount` needs nothing else.
    public var dimension: Int
    /// s, the steps of in-context gradient descent (s·d² parameters: one Γ_t per step).
    public var searchSteps: Int
    /// m, the table slots (m·d parameters).
    public var memory: Int
    /// The standard deviation of the initial Γ_t entries and slot entries (default 0.01: both
    /// circuits start near predicting 0, the prior mean, so neither starts ahead).
    public var initialScale: Double

    /// A learner; s = 2, m = 64 are the prototype's settings.
    public init(dimension: Int = 8, searchSteps: Int = 2, memory: Int = 64, initialScale: Double = 0.01) {
        self.dimension = dimension
        self.searchSteps = searchSteps
        self.memory = memory
        self.initialScale = initialScale
    }

    /// K = s·d² + m·d + 2: Γ₀…Γ_{s−1}, the slots, the temperature β and the gate θ.
    public var parameterCount: Int {
        searchSteps * dimension * dimension + memory * dimension + 2
    }

    /// The slots a budget of `parameters` leaves with `searchSteps` steps in dimension d:
    /// ⌊(K − s·d² − 2)/d⌋, or nil when the search circuit alone exceeds the budget.
    public static func memory(parameters: Int, searchSteps: Int, dimension d: Int) -> Int? {
        let left = parameters - searchSteps * d * d - 2
        return left < 0 || d < 1 ? nil : left / d
    }

    /// What is wrong with these settings, or nil.
    public var problem: String? {
        if dimension < 1 { return "dimension must be at least 1 (it is \(dimension))" }
        if searchSteps < 0 { return "search_steps must be at least 0 (it is \(searchSteps))" }
        if memory < 0 { return "memory must be at least 0 (it is \(memory))" }
        if !(initialScale >= 0) || !initialScale.isFinite { return "the initial scale must be a finite number ≥ 0" }
        return nil
    }
}
