/// Why exact selection cannot run a class, known from the spec alone: `check` and `plan` report it
/// at the `optimizer` line before anything runs, and the engine refuses the same classes.
public enum ExactRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// Indirect encodings have no per-instance decomposition (a gene sets decisions in many
    /// instances).
    case indirectEncoding
    /// The decomposition would need more work than `ExactClass.workLimit`.
    case classTooLarge(structures: Int, behaviours: Int, work: Double, limit: Double)

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
        }
    }
}

/// The size of the exact decomposition of one run's class (SCIENCE.md §4 `exact`; the engine's
/// `ExactOptimizer`): structures are (machinery m, weights on the grid when m > 0, detector off or
/// on with each target); structures with the same search behaviour (expansions per decision, the
/// weights while it searches, a detector that fires in training and its target) share one
/// per-instance analysis, which costs about N · (W·H)² · 6 episode steps.
public struct ExactClass: Sendable, Hashable {
    /// Episode steps the decomposition may spend before the class is refused.
    public static let workLimit = 4e9
    public var structures: Int
    public var behaviours: Int
    public var work: Double

    /// The decomposition of `spec`'s class.
    public init(_ spec: SimulationSpec) {
        let budget = spec.model.parameters
        let curve = MachineryCurve(model: spec.model)
        let cells = spec.environment.width * spec.environment.height
        let instances = spec.environment.instances
        let detectorCost = spec.deception?.detectorCost
        let fires = (spec.deception?.falsePositive ?? 0) * Double(instances)
        let anyFires = Int(fires.rounded()) > 0
        var targets: Int = 0
        if let d = detectorCost, d <= budget {
            if case .corner = spec.deception?.target { targets = 1 } else { targets = cells }
        }
        let grid = ModelSpec.weightGrid.count
        var structures = 0
        // Distinct search behaviours (expansions, and the weights while it searches) of the
        // structures without a detector, and of those with room for one.
        var plain = Set<[Int]>(), withDetector = Set<[Int]>()
        let machineries = spec.model.styles.contains(.search) ? Array(0...curve.maxMachinery) : [0]
        for m in machineries {
            let weightings = m == 0 ? 1 : grid * grid
            let searchBase = m + (m > 0 ? ModelSpec.weightParameters : 0)
            let e = curve.expansions[m]
            for w in 0..<weightings {
                let behaviour = [e, e > 0 ? w : -1]
                if searchBase <= budget {
                    structures += 1
                    plain.insert(behaviour)
                }
                if let d = detectorCost, targets > 0, searchBase + d <= budget {
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

    /// Why exact selection refuses `spec`, or nil when it can run it.
    public static func refusal(_ spec: SimulationSpec) -> ExactRefusal? {
        if case .indirect = spec.model.encoding { return .indirectEncoding }
        let size = ExactClass(spec)
        guard size.work <= workLimit else {
            return .classTooLarge(structures: size.structures, behaviours: size.behaviours, work: size.work, limit: workLimit)
        }
        return nil
    }
}
