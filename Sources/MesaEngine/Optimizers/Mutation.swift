/// The hill climber's proposals (SCIENCE.md §4): each changes at most one parameter of the
/// model's own choosing (plus, when the budget is full, the table entries reassigned to pay for it).
package enum MutationKind: CaseIterable, Sendable {
    /// Set one table entry (or gene) to a value.
    case setEntry
    /// Clear one tuned table entry (or gene).
    case clearEntry
    /// Add one machinery parameter.
    case addMachinery
    /// Remove one machinery parameter.
    case removeMachinery
    /// Move w_goal or w_proxy to another grid value.
    case perturbWeight
    /// Install or remove the detector.
    case toggleDetector

    /// Relative proposal frequencies (docs/model.md): table edits are the most common, as the
    /// table has the most parameters.
    var weight: Int {
        switch self {
        case .setEntry: return 35
        case .clearEntry: return 15
        case .addMachinery, .removeMachinery: return 15
        case .perturbWeight: return 10
        case .toggleDetector: return 10
        }
    }

    /// The kinds a class allows: no table edits without the heuristic style, no machinery or
    /// weights without the search style, no detector without a `deception` block.
    static func available(in modelClass: ModelClass) -> [MutationKind] {
        allCases.filter { kind in
            switch kind {
            case .setEntry, .clearEntry: return modelClass.allowsTable
            case .addMachinery, .removeMachinery, .perturbWeight: return modelClass.allowsSearch
            case .toggleDetector: return modelClass.detectorCost != nil
            }
        }
    }
}

/// Draws mutation kinds with the `weight` frequencies among the available kinds.
struct MutationSampler {
    let kinds: [MutationKind]
    let cumulative: [Int]

    init(_ kinds: [MutationKind]) {
        self.kinds = kinds
        var total = 0
        cumulative = kinds.map { total += $0.weight; return total }
    }

    func draw(_ rng: inout Xoshiro256StarStar) -> MutationKind? {
        guard let total = cumulative.last else { return nil }
        let r = rng.below(total)
        for (i, c) in cumulative.enumerated() where r < c { return kinds[i] }
        return kinds.last
    }
}
