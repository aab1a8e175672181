/// Why exact selection cannot run a class, known from the spec alone: `check` and `plan` report it
/// at the `optimizer` line before anything runs, and the engine refuses the same classes.
public enum ExactRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// Indirect encodings have no per-instance decomposition (a gene sets decisions in many
    /// instances).
    case indirectEncoding
    /// The decomposition would need more work than `ExactClass.workLimit`.
    case classTooLarge(structures: Int, behaviours: Int, work: Double, limit: Double)
    /// The machinery takes more sizes than `ExactClass.machineryLimit` (each is a structure).
    case machineryTooLarge(sizes: Double, limit: Int)

    public var description: String {
        switch self {
        case .indirectEncoding:
            return "the exact optimizer supports only `encoding direct` (an indirect gene sets decisions in many"
                + " instances, so the table does not decompose per instance); use `optimizer hill_climb`"
        case let .classTooLarge(structures, behaviours, work, limit):
            return "the exact optimizer refuses this class: \(structures) structures (machinery × weights × detector"
                + " variants) with \(behaviours) distinct behaviours need about \(Int(work)) episode steps,"
                + " above the limit of \(Int(limit)); use fewer instances, a smaller maze, budget or weight grid,"
                + " or `optimizer hill_climb`"
        case let .machineryTooLarge(sizes, limit):
            return "the exact optimizer refuses this class: its search machinery takes \(sizes < 1e15 ? String(Int(sizes)) : "more than 1e15") sizes"
                + " (0 parameters up to what reaches max_bits or the budget), above the limit of \(limit); use a cheaper"
                + " search_cost, a smaller max_bits or budget, or `optimizer hill_climb`"
        }
    }
}

/// The size of the exact decomposition of one run's class (docs/model.md; the engine's
/// `ExactOptimizer`): structures are (machinery m, weights on the grid while any search exists,
/// detector off or complete with each target); structures with the same search behaviour
/// (expansions per decision, the weights while it searches, a detector that fires in training and
/// its target) share one per-instance analysis, which costs about N · (W·H)² · 6 episode steps.
public struct ExactClass: Sendable, Hashable {
    /// Episode steps the decomposition may spend before the class is refused.
    public static let workLimit = 4e9
    /// Machinery sizes (0 … m_max) the decomposition may enumerate before the class is refused.
    public static let machineryLimit = 100_000
    public var structures: Int
    public var behaviours: Int
    public var work: Double

    /// The decomposition of `spec`'s class.
    public init(_ spec: SimulationSpec) {
        let budget = spec.model.parameters
        let curve = MachineryCurve(model: spec.model)
        let cells = spec.environment.width * spec.environment.height
        let instances = spec.environment.distinctInstances
        let detectorCost = spec.deception?.detectorCost
        let fires = (spec.deception?.falsePositive ?? 0) * Double(instances)
        let anyFires = Int(fires.rounded()) > 0
        var targets: Int = 0
        if let d = detectorCost, d <= budget {
            if case .corner = spec.deception?.target { targets = 1 } else { targets = cells }
        }
        var structures = 0
        // Distinct search behaviours (expansions, and the weights while it searches) of the
        // structures without a detector, and of those with room for one.
        var plain = Set<[Int]>(), withDetector = Set<[Int]>()
        let machineries = spec.model.styles.contains(.search) ? Array(0...curve.maxMachinery) : [0]
        let hardcoded = spec.model.hardcodedSearch > 0
        for m in machineries {
            let searchAvailable = m > 0 || hardcoded
            let e = curve.expansions[m]
            for (wg, wp) in Self.weightings(searchAvailable: searchAvailable) {
                let base = m + Self.featureCost(spec.model, wg, wp, searchAvailable: searchAvailable)
                let behaviour = e > 0 ? [e, wg, wp] : [0, 0, 0]
                if base <= budget {
                    structures += 1
                    plain.insert(behaviour)
                }
                if let d = detectorCost, targets > 0, base + d <= budget {
                    structures += targets
                    // A detector that never fires in training behaves like no detector there.
                    if anyFires { withDetector.insert(behaviour) } else { plain.insert(behaviour) }
                }
            }
        }
        let behaviours = plain.count + targets * withDetector.count
        self.structures = structures
        self.behaviours = behaviours
        work = Double(behaviours) * Double(instances) * Double(cells) * Double(cells) * 6
    }

    /// The (w_goal, w_proxy) pairs of the class: every pair of the grid while the model has any
    /// search (the weights exist then), only (0, 0) without.
    public static func weightings(searchAvailable: Bool) -> [(Int, Int)] {
        searchAvailable ? ModelSpec.weightGrid.flatMap { g in ModelSpec.weightGrid.map { (g, $0) } } : [(0, 0)]
    }

    /// Parameters the objective's features cost for weights (w_goal, w_proxy).
    public static func featureCost(_ model: ModelSpec, _ weightGoal: Int, _ weightProxy: Int, searchAvailable: Bool) -> Int {
        guard searchAvailable else { return 0 }
        return (weightGoal != 0 ? model.goalFeatureCost : 0) + (weightProxy != 0 ? model.proxyFeatureCost : 0)
    }

    /// Why exact selection refuses `spec`, or nil when it can run it. A budget relative to each
    /// world is judged at `uncappedBudget`, the largest it can come to.
    /// Whether the decomposition finds the true minimum of the class, not a lower bound on what the
    /// table can do: a perfect maze (`loops 0`) and a memoryless search (docs/model.md "What the
    /// table can achieve"). Hill-climbing runs get an optimality gap only then.
    /// How many machinery sizes the class of `model` has (m = 0 … m_max, `MachineryCurve`), counted
    /// without building the curve.
    static func machinerySizes(_ model: ModelSpec) -> Double {
        guard model.styles.contains(.search), model.maxBits > 0 else { return 1 }
        let top = model.searchCost.evaluate(at: model.maxBits)
        return top < Double(model.parameters) ? max(1, top.rounded(.up)) + 1 : Double(model.parameters) + 1
    }

    public static func isExact(_ spec: SimulationSpec) -> Bool {
        spec.environment.loops == 0 && spec.model.memory == .none && refusal(spec) == nil
    }

    public static func refusal(_ spec: SimulationSpec) -> ExactRefusal? {
        if case .indirect = spec.model.encoding { return .indirectEncoding }
        let judged = spec.model.relativeBudget == nil ? spec : spec.withUncappedBudget
        let sizes = machinerySizes(judged.model)
        guard sizes <= Double(machineryLimit) else { return .machineryTooLarge(sizes: sizes, limit: machineryLimit) }
        let size = ExactClass(judged)
        guard size.work <= workLimit else {
            return .classTooLarge(structures: size.structures, behaviours: size.behaviours, work: size.work, limit: workLimit)
        }
        return nil
    }
}

extension SimulationSpec {
    /// A budget no model of the class can use up: every table slot, the machinery that reaches
    /// max_bits, both features and the detector. The class at this K is "not capped at K": its
    /// K_fit is the world's own.
    public var uncappedBudget: Int {
        let table = environment.distinctInstances * environment.width * environment.height
        let top = model.searchCost.evaluate(at: model.maxBits)
        // At most the largest budget a scenario may set (a cost of 1e305 is not an Int).
        let machinery = top < 1e7 ? max(0, Int(max(0, top).rounded(.up))) : 10_000_000
        return table + machinery + model.goalFeatureCost + model.proxyFeatureCost + (deception?.detectorCost ?? 0) + 1
    }

    /// The spec with K at `uncappedBudget` and no relative budget: the class whose K_fit a relative
    /// budget is computed from.
    public var withUncappedBudget: SimulationSpec {
        var spec = self
        spec.model.parameters = uncappedBudget
        spec.model.relativeBudget = nil
        return spec
    }
}
