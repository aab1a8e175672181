import MesaResults
import MesaScenario

/// The class S_M of one run (docs/model.md): everything that is the same for all its models —
/// the budget K, the machinery curve, the weight grid and the features' prices, the table's
/// encoding, the detector's price and target, and the loss's penalties.
package struct ModelClass: Sendable {
    /// K: every model has exactly this many parameters, tuned or free.
    package let budget: Int
    package let allowsTable: Bool
    package let allowsSearch: Bool
    package let curve: MachineryCurve
    /// The values each of w_goal and w_proxy may take.
    package let weightGrid: [Int]
    /// Whether the system provides search bits (`hardcoded_search b`, b > 0): the objective weights
    /// then exist even without learned machinery.
    package let hasHardcodedSearch: Bool
    /// Parameters the goal-marker feature and the proxy feature cost while their weight is non-zero.
    package let goalFeatureCost: Int
    package let proxyFeatureCost: Int
    package let memory: Bool
    package let greedyFallback: Bool
    /// nil without a `deception` block.
    package let detectorCost: Int?
    package let detectorTarget: DetectorTarget
    /// λ_DL and μ_T.
    package let descriptionLength: Double
    package let speed: Double
    /// The table's layout: direct (one slot per (instance, cell)) or indirect (one per gene).
    package let encoding: TableEncoding
    package let instanceCount: Int
    /// States of the training layout: the table has one decision per (instance, state).
    package let cellCount: Int

    /// The default weight grid {−1, 0, 1} (docs/model.md).
    package static let defaultWeightGrid = ModelSpec.weightGrid

    /// The class of `spec` on a world whose training layout has `stateCount` states; the indirect
    /// encoding's gene assignment is drawn from `worldSeed`.
    package init(spec: SimulationSpec, stateCount: Int, worldSeed: UInt64, weightGrid: [Int] = ModelClass.defaultWeightGrid) {
        let model = spec.model
        budget = model.parameters
        allowsTable = model.styles.contains(.heuristic)
        allowsSearch = model.styles.contains(.search)
        curve = MachineryCurve(model: model)
        self.weightGrid = weightGrid
        hasHardcodedSearch = model.hardcodedSearch > 0
        goalFeatureCost = model.goalFeatureCost
        proxyFeatureCost = model.proxyFeatureCost
        memory = model.memory == .episode
        greedyFallback = model.fallback == .greedy
        detectorCost = spec.deception?.detectorCost
        detectorTarget = spec.deception?.target ?? .corner(.bottom_left)
        descriptionLength = spec.bias.descriptionLength
        speed = spec.bias.speed
        instanceCount = spec.environment.instances
        cellCount = stateCount
        switch model.encoding {
        case .direct:
            encoding = .direct(slots: instanceCount * cellCount)
        case .indirect(let genes):
            encoding = TableEncoding.indirect(genes: max(1, genes), instances: instanceCount, cells: cellCount,
                                              seed: StreamSeed.derive(worldSeed, .geneExpansion))
        }
    }

    /// Parameters in use: table entries (or set genes) + machinery + the features of the non-zero
    /// weights while any search is available + the detector's parameters built so far. Always ≤ K.
    package func parametersInUse(_ model: MesaModel) -> Int {
        model.table.count + searchParameters(model) + detectorParameters(model)
    }

    /// Machinery plus the parameters of the objective's features in use.
    package func searchParameters(_ model: MesaModel) -> Int {
        model.machinery + featureParameters(model)
    }

    /// The parameters the objective's features cost: the goal feature while w_goal ≠ 0 and the proxy
    /// feature while w_proxy ≠ 0, whenever the model has any search (learned machinery or
    /// hard-coded bits); without search the weights do not exist.
    package func featureParameters(_ model: MesaModel) -> Int {
        featureParameters(weightGoal: model.weightGoal, weightProxy: model.weightProxy,
                          searchAvailable: hasSearch(model))
    }

    package func featureParameters(weightGoal: Int, weightProxy: Int, searchAvailable: Bool) -> Int {
        guard searchAvailable else { return 0 }
        return (weightGoal != 0 ? goalFeatureCost : 0) + (weightProxy != 0 ? proxyFeatureCost : 0)
    }

    /// Whether the model has any search: learned machinery, or bits the system provides.
    package func hasSearch(_ model: MesaModel) -> Bool { model.machinery > 0 || hasHardcodedSearch }

    /// Detector parameters built so far.
    package func detectorParameters(_ model: MesaModel) -> Int { model.detector }

    /// Whether the detector is complete (all d parameters built): only a complete detector fires.
    package func hasCompleteDetector(_ model: MesaModel) -> Bool {
        detectorIsComplete(built: model.detector)
    }

    /// Whether `built` detector parameters make a working detector (a class without one, or with
    /// d = 0, has none).
    package func detectorIsComplete(built: Int) -> Bool {
        guard let d = detectorCost, d > 0 else { return false }
        return built >= d
    }

    /// Expansions per decision of the model's search, learned and hard-coded bits together.
    package func searchExpansions(_ model: MesaModel) -> Int {
        curve.expansions[min(model.machinery, curve.maxMachinery)]
    }

    /// The learned bits x of the model's machinery.
    package func learnedBits(_ model: MesaModel) -> Double { curve.learnedBits(model.machinery) }

    /// The target state of a firing detector in `set`: the named corner, or the model's own state
    /// (given on the training layout; the state at the same position, clamped, on another one).
    package func targetCell(_ model: MesaModel, in set: TaskSet, training: TaskSet) -> Int {
        switch detectorTarget {
        case .corner(let corner):
            return set.environment.cornerState(corner)
        case .any:
            let position = training.environment.position(of: model.targetCell)
            return set.environment.state(nearest: position)
        }
    }
}

/// How table parameters map to (instance, cell) decisions.
package enum TableEncoding: Sendable {
    /// Slot `instance · states + state` holds that decision's move (a `Direction`'s raw value).
    case direct(slots: Int)
    /// G genes; decision (instance, cell) belongs to gene `geneOf[…]` (a fixed seeded
    /// assignment); a gene set to value v ∈ 0..<16 gives that decision the action
    /// mix(salt, decision, v) mod 4, so one gene fixes its whole group pseudo-randomly.
    case indirect(geneOf: [Int32], instancesOfGene: [[Int32]], salt: UInt64)

    /// Values an indirect gene can take.
    package static let geneValues = 16

    static func indirect(genes: Int, instances: Int, cells: Int, seed: UInt64) -> TableEncoding {
        var rng = Xoshiro256StarStar(seed: seed)
        var geneOf = [Int32](repeating: 0, count: instances * cells)
        var sets = [Set<Int32>](repeating: [], count: genes)
        for decision in geneOf.indices {
            let gene = rng.below(genes)
            geneOf[decision] = Int32(gene)
            sets[gene].insert(Int32(decision / cells))
        }
        return .indirect(geneOf: geneOf, instancesOfGene: sets.map { $0.sorted() }, salt: rng.next())
    }

    /// The number of table parameter slots.
    package var slotCount: Int {
        switch self {
        case .direct(let slots): return slots
        case .indirect(_, let instancesOfGene, _): return instancesOfGene.count
        }
    }

    /// Values a slot can hold.
    package var valueCount: Int {
        switch self {
        case .direct: return 4
        case .indirect: return TableEncoding.geneValues
        }
    }

    /// The move the table gives at `decision` = instance · states + state, if any.
    @inline(__always)
    package func action(_ table: ParameterTable, decision: Int) -> Direction? {
        switch self {
        case .direct:
            return Direction(rawValue: Int(table.values[decision]))
        case let .indirect(geneOf, _, salt):
            let value = table.values[Int(geneOf[decision])]
            if value < 0 { return nil }
            return Direction(rawValue: Int(SplitMix64.mix(salt ^ (UInt64(decision) << 5 | UInt64(value))) & 3))
        }
    }

    /// The training instances whose decisions slot `slot` sets.
    package func instances(ofSlot slot: Int, cells: Int) -> [Int32] {
        switch self {
        case .direct: return [Int32(slot / cells)]
        case .indirect(_, let instancesOfGene, _): return instancesOfGene[slot]
        }
    }
}
