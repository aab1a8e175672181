/// The hill climber's proposals (docs/model.md): each changes one parameter of the model's own
/// choosing (plus, when the budget is full, the parameters it takes from other parts).
package enum MutationKind: CaseIterable, Sendable {
    /// Set one table entry (or gene) to a value.
    case setEntry
    /// Clear one tuned table entry (or gene).
    case clearEntry
    /// Add one machinery parameter.
    case addMachinery
    /// Remove one machinery parameter.
    case removeMachinery
    /// Move w_goal or w_proxy to another grid value (a feature's parameters come or go with it).
    case perturbWeight
    /// Build one more detector parameter (the detector works once all d are built).
    case addDetectorParameter
    /// Remove one detector parameter.
    case removeDetectorParameter

    /// Relative proposal frequencies (docs/model.md): table edits are the most common, as the
    /// table has the most parameters.
    var weight: Int {
        switch self {
        case .setEntry: return 35
        case .clearEntry: return 15
        case .addMachinery, .removeMachinery: return 15
        case .perturbWeight: return 10
        case .addDetectorParameter, .removeDetectorParameter: return 5
        }
    }

    /// The kinds a class allows: no table edits without the heuristic style, no machinery or
    /// weights without the search style, no detector without a `deception` block.
    static func available(in modelClass: ModelClass) -> [MutationKind] {
        allCases.filter { kind in
            switch kind {
            case .setEntry, .clearEntry: return modelClass.allowsTable
            case .addMachinery, .removeMachinery: return modelClass.allowsSearch
            case .perturbWeight: return modelClass.allowsSearch || modelClass.hasHardcodedSearch
            case .addDetectorParameter, .removeDetectorParameter: return (modelClass.detectorCost ?? 0) > 0
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
