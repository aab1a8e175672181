import MesaScenario

/// The structures of a class for exact selection (docs/model.md): machinery m, weights (every pair
/// of the grid while the model has any search), and no detector or a complete one with each target.
/// Structures with the same search behaviour share one per-instance analysis (`behaviour`).
struct ExactStructures {
    struct Structure {
        var machinery: Int
        var weightGoal: Int
        var weightProxy: Int
        var hasDetector: Bool
        var targetCell: Int
        /// Parameters in use besides the table: machinery, features, detector.
        var base: Int
        /// Index into `behaviours`.
        var behaviour: Int
    }

    /// What a structure does on the training instances: the search (expansions, weights while it
    /// searches) and a detector that fires there, with its target.
    struct Behaviour: Hashable {
        var expansions: Int
        var weightGoal: Int
        var weightProxy: Int
        var firing: Bool
        var targetCell: Int
    }

    var structures: [Structure] = []
    var behaviours: [Behaviour] = []

    init(modelClass c: ModelClass, world: RunWorld) {
        let anyFires = world.training.detectorFires.contains(true)
        var detectorOptions: [(Bool, Int)] = [(false, -1)]
        if let d = c.detectorCost, d > 0, d <= c.budget {
            switch c.detectorTarget {
            case .corner(let corner):
                detectorOptions.append((true, world.training.environment.cornerState(corner)))
            case .any:
                for cell in 0..<world.training.stateCount { detectorOptions.append((true, cell)) }
            }
        }
        var index: [Behaviour: Int] = [:]
        let machineries = c.allowsSearch ? Array(0...c.curve.maxMachinery) : [0]
        for m in machineries {
            let searchAvailable = m > 0 || c.hasHardcodedSearch
            let e = c.curve.expansions[m]
            for (wg, wp) in ExactClass.weightings(searchAvailable: searchAvailable) {
                let searchBase = m + c.featureParameters(weightGoal: wg, weightProxy: wp, searchAvailable: searchAvailable)
                for (detector, target) in detectorOptions {
                    let base = searchBase + (detector ? c.detectorCost! : 0)
                    guard base <= c.budget else { continue }
                    let firing = detector && anyFires
                    let key = Behaviour(expansions: e, weightGoal: e > 0 ? wg : 0, weightProxy: e > 0 ? wp : 0,
                                        firing: firing, targetCell: firing ? target : -1)
                    let b: Int
                    if let existing = index[key] {
                        b = existing
                    } else {
                        b = behaviours.count
                        behaviours.append(key)
                        index[key] = b
                    }
                    structures.append(Structure(machinery: m, weightGoal: wg, weightProxy: wp, hasDetector: detector,
                                                targetCell: max(target, 0), base: base, behaviour: b))
                }
            }
        }
    }

    /// A model with structure `s` and an empty table.
    static func model(_ s: Structure, modelClass c: ModelClass) -> MesaModel {
        var model = MesaModel(slots: c.encoding.slotCount)
        model.machinery = s.machinery
        model.weightGoal = s.weightGoal
        model.weightProxy = s.weightProxy
        model.detector = s.hasDetector ? (c.detectorCost ?? 0) : 0
        model.targetCell = s.targetCell
        return model
    }
}
