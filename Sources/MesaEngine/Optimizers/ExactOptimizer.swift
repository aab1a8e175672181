import Foundation
import MesaScenario

/// The outcome of exact selection for one run.
package struct ExactSummary: Sendable {
    /// The model drawn from the posterior over minimum-loss structures.
    package var model: MesaModel
    /// The minimum training loss of the class.
    package var loss: Double
    /// Posterior (uniform prior over parameter settings) share of mesa-optimizers / deceptive
    /// models among minimum-loss models.
    package var mesaPosterior: Double
    package var deceptivePosterior: Double
    /// Share of deceptive structures among distinct minimum-loss structures, each counted once.
    package var deceptiveStructureShare: Double
    /// Distinct minimum-loss structures.
    package var minimumLossStructures: Int
    /// K_fit, when computed.
    package var kFit: Int?
}

/// Exact selection (SCIENCE.md §4 `exact`): every minimum-loss model of the class, weighed by
/// the uniform prior over parameter settings.
///
/// Decomposition: a structure is (machinery m, weights w on the grid when m > 0, detector
/// off / on with its target). Its search behaviour on each instance is fixed, so the loss is
/// 1 + λ·(base + t)/K + Σᵢ cᵢ(kᵢ) with Σ kᵢ = t table entries, base = m + 2·[m > 0] + d·[detector],
/// and cᵢ(k) = −scoreᵢ/N + μ·expansionsᵢ/(N·W·H) the best contribution of instance i with
/// k entries (`TableCompletions`). The best allocation for every t is an exact knapsack by dynamic
/// programming, O(N · T · options). Structures sharing a behaviour (same expansions per decision,
/// weights, firing detector) share one knapsack.
///
/// Weights: a structure at its minimum loss weighs Σ over optimal allocations of
/// V^(K − base − t) × Πᵢ (distinct minimal tables of instance i reaching its part), in logs.
package struct ExactOptimizer {
    package var evaluator: TrainingEvaluator
    /// Polled between instances.
    package var cancellation: CancellationFlag?
    let values: Int
    let structures: [Structure]
    let groupOf: [Int]
    let groupKeys: [GroupKey]

    struct Structure {
        var machinery: Int
        var weightGoal: Int
        var weightProxy: Int
        var hasDetector: Bool
        var targetCell: Int
        var base: Int
    }

    struct GroupKey: Hashable {
        var expansions: Int
        var weightGoal: Int
        var weightProxy: Int
        var firing: Bool
        var targetCell: Int
    }

    /// The best contribution of one instance with exactly `cost` entries.
    struct Option {
        var cost: Int
        var contribution: Double
        var score: Double
        var logCount: Double
        var decisions: Int
        var searchDecisions: Int
        var entries: [(cell: Int, action: Int)]
    }

    package init(evaluator: TrainingEvaluator, values: Int) throws {
        self.evaluator = evaluator
        self.values = max(2, values)
        let c = evaluator.modelClass
        if case .indirect = c.encoding { throw ExactRefusal.indirectEncoding }
        let world = evaluator.world
        let cells = world.training.stateCount
        let anyFires = world.training.detectorFires.contains(true)
        var detectorOptions: [(Bool, Int)] = [(false, -1)]
        if let d = c.detectorCost, d <= c.budget {
            switch c.detectorTarget {
            case .corner(let corner):
                detectorOptions.append((true, world.training.environment.cornerState(corner)))
            case .any:
                for cell in 0..<cells { detectorOptions.append((true, cell)) }
            }
        }
        var structures: [Structure] = []
        var groupOf: [Int] = []
        var keys: [GroupKey] = []
        var index: [GroupKey: Int] = [:]
        let machineries = c.allowsSearch ? Array(0...c.curve.maxMachinery) : [0]
        for m in machineries {
            let weights = m == 0 ? [(0, 0)] : c.weightGrid.flatMap { g in c.weightGrid.map { (g, $0) } }
            for (wg, wp) in weights {
                for (detector, target) in detectorOptions {
                    let base = m + (m > 0 ? ModelClass.weightParameters : 0) + (detector ? c.detectorCost! : 0)
                    guard base <= c.budget else { continue }
                    let e = c.curve.expansions[m]
                    let firing = detector && anyFires
                    let key = GroupKey(expansions: e, weightGoal: e > 0 ? wg : 0, weightProxy: e > 0 ? wp : 0,
                                       firing: firing, targetCell: firing ? target : -1)
                    let g: Int
                    if let existing = index[key] { g = existing } else {
                        g = keys.count
                        keys.append(key)
                        index[key] = g
                    }
                    structures.append(Structure(machinery: m, weightGoal: wg, weightProxy: wp, hasDetector: detector,
                                                targetCell: max(target, 0), base: base))
                    groupOf.append(g)
                }
            }
        }
        let work = Double(keys.count) * Double(world.training.count) * Double(cells) * Double(cells) * 6
        // `ExactClass` computes the same size from the spec, so `check` refuses these classes first.
        if work > ExactClass.workLimit {
            throw ExactRefusal.classTooLarge(structures: structures.count, behaviours: keys.count, work: work,
                                             limit: ExactClass.workLimit)
        }
        self.structures = structures
        self.groupOf = groupOf
        groupKeys = keys
    }

    /// A model with the group's behaviour and an empty table.
    func representative(_ s: Structure) -> MesaModel {
        var model = MesaModel(slots: evaluator.modelClass.encoding.slotCount)
        model.machinery = s.machinery
        model.weightGoal = s.weightGoal
        model.weightProxy = s.weightProxy
        model.hasDetector = s.hasDetector
        model.targetCell = s.targetCell
        return model
    }

    /// Per instance, the best option for each number of entries (ties counted).
    mutating func options(for model: MesaModel) throws -> [[Option]] {
        let c = evaluator.modelClass
        let n = Double(evaluator.world.training.count)
        let cells = Double(evaluator.world.training.stateCount)
        var result: [[Option]] = []
        for i in 0..<evaluator.world.training.count {
            try CancellationFlag.check(cancellation)
            var best: [Int: Option] = [:]
            let candidates = c.allowsTable
                ? TableCompletions.candidates(evaluator: &evaluator, model: model, instance: i)
                : [TableCompletions.Candidate(entries: [], outcome: evaluator.trainingEpisode(model, instance: i))]
            for candidate in candidates {
                let o = candidate.outcome
                let k = candidate.cost
                // The entries' description length is charged once, through t, by the caller.
                let value = -o.score / n + c.speed * Double(o.expansions) / (n * cells)
                let option = Option(cost: k, contribution: value, score: o.score, logCount: 0, decisions: o.decisions,
                                    searchDecisions: o.searchDecisions, entries: candidate.entries)
                if let current = best[k] {
                    if value < current.contribution - Tolerance.tie {
                        best[k] = option
                    } else if abs(value - current.contribution) <= Tolerance.tie {
                        best[k]!.logCount = ExactOptimizer.logAdd(current.logCount, 0)
                    }
                } else {
                    best[k] = option
                }
            }
            result.append(best.keys.sorted().map { best[$0]! })
        }
        return result
    }

    /// log(e^a + e^b).
    static func logAdd(_ a: Double, _ b: Double) -> Double {
        if a == -.infinity { return b }
        if b == -.infinity { return a }
        let m = max(a, b)
        return m + log(exp(a - m) + exp(b - m))
    }
}

/// Exact selection as a `BaseOptimizer`: the decomposition, the posterior, and one draw from it.
package struct ExactSelection: BaseOptimizer {
    let values: Int
    let drawSeed: UInt64
    let cancellation: CancellationFlag?

    package mutating func select(with evaluator: inout TrainingEvaluator) throws -> Selection {
        var optimizer = try ExactOptimizer(evaluator: evaluator, values: values)
        optimizer.cancellation = cancellation
        let summary = try optimizer.solve(drawSeed: drawSeed)
        evaluator = optimizer.evaluator
        return Selection(model: summary.model, loss: summary.loss, exact: summary)
    }
}
