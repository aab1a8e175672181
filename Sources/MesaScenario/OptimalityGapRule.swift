/// When a hill-climbing run also solves its class exactly, for its optimality gap (docs/model.md
/// "Optimality gap"): only classes the decomposition solves exactly qualify, and there the solve
/// can cost far more than the climb.
public enum OptimalityGapRule: String, Sendable, Hashable, CaseIterable {
    /// When the solve is affordable: estimated at most `autoBudgetSeconds` on the reference
    /// machine, or at most the run's own cost.
    case auto
    /// Whenever the class qualifies, whatever the solve costs.
    case always
    /// Never.
    case never

    /// The solve `auto` accepts whatever the run costs, in single-thread seconds on the
    /// reference machine (`CostModel.reference`).
    public static let autoBudgetSeconds = 1.0
}

extension Scenario {
    /// Whether a hill-climbing run of `spec` solves its class for the optimality gap: the class is
    /// solved exactly (`ExactClass.isExact`) and the rule allows the solve. Decided from the spec
    /// alone, so a run's results depend on its own settings only.
    public static func computesOptimalityGap(_ spec: SimulationSpec) -> Bool {
        guard spec.training.optimizer == .hillClimb, ExactClass.isExact(spec) else { return false }
        switch spec.training.optimalityGap {
        case .never: return false
        case .always: return true
        case .auto: return optimalityGapIsAffordable(spec)
        }
    }

    /// Whether `auto` solves the class of `spec`: the solve's estimated cost is at most the budget
    /// or the run's own (climb, measurement, fixed) cost.
    public static func optimalityGapIsAffordable(_ spec: SimulationSpec) -> Bool {
        let model = CostModel.reference
        var run = work(of: spec, solvingGap: false)
        let own = model.seconds(run)
        run = work(of: spec, solvingGap: true)
        let solve = run.exactAnalysis * model.secondsPerExactUnit
        return solve <= max(OptimalityGapRule.autoBudgetSeconds, own)
    }

    /// Whether a hill-climbing run of `spec` qualifies for the gap but the rule skips the solve.
    public static func skipsOptimalityGap(_ spec: SimulationSpec) -> Bool {
        spec.training.optimizer == .hillClimb && ExactClass.isExact(spec) && !computesOptimalityGap(spec)
    }
}
