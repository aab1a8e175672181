import Foundation
import MesaScenario

/// The outcome of exact selection for one run.
package struct ExactSummary: Sendable {
    /// The model drawn from the posterior over minimum-loss models.
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
    /// The premise of the argument against deception, when the class has a detector: the least
    /// training error with K − d parameters minus the least with K (> 0: more parameters would
    /// lower the training error), and the same difference of minimum losses (penalties included).
    package var premiseGap: Double?
    package var premiseLossGap: Double?
}

/// Exact selection (docs/model.md): every minimum-loss model of the class, weighed by the uniform
/// prior over parameter settings.
///
/// Decomposition: a structure is (machinery m, weights, no detector or a complete one with its
/// target) — `ExactStructures`. Its search behaviour on each instance is fixed, so its loss is
/// 1 + λ·(base + t)/K + Σᵢ cᵢ(kᵢ) with Σ kᵢ = t table entries, base its other parameters, and
/// cᵢ(k) = (−scoreᵢ + μ·expansionsᵢ/(W·H))/N the best contribution of instance i with k entries
/// (`TableCompletions`). The best allocation for every t is an exact knapsack by dynamic
/// programming, O(N · T · options). Structures sharing a behaviour share one knapsack, and the
/// per-instance analyses are shared across the runs of a sweep (`ExactAnalysisCache`).
///
/// Weights: a structure at its minimum loss weighs Σ over optimal allocations of
/// V^(K − base − t) × Πᵢ (distinct minimal tables of instance i reaching its part), in logs.
package struct ExactOptimizer {
    package var evaluator: TrainingEvaluator
    /// Polled between instances.
    package var cancellation: CancellationFlag?
    /// Shared per-instance analyses, keyed by the world drawn from `worldSeed`.
    var cache: ExactAnalysisCache?
    var worldSeed: UInt64
    let values: Int
    let structures: ExactStructures

    package init(evaluator: TrainingEvaluator, values: Int, worldSeed: UInt64 = 0, cache: ExactAnalysisCache? = nil) throws {
        self.evaluator = evaluator
        self.values = max(2, values)
        self.cache = cache
        self.worldSeed = worldSeed
        let c = evaluator.modelClass
        if case .indirect = c.encoding { throw ExactRefusal.indirectEncoding }
        if c.curve.bits.count > ExactClass.machineryLimit {
            throw ExactRefusal.machineryTooLarge(sizes: Double(c.curve.bits.count), limit: ExactClass.machineryLimit)
        }
        structures = ExactStructures(modelClass: c, world: evaluator.world)
        let world = evaluator.world
        let cells = Double(world.training.stateCount)
        // `ExactClass` computes the same size from the spec, so `check` refuses these classes first.
        let work = Double(structures.behaviours.count) * Double(world.training.count) * cells * cells * 6
        if work > ExactClass.workLimit {
            throw ExactRefusal.classTooLarge(structures: structures.structures.count, behaviours: structures.behaviours.count,
                                             work: work, limit: ExactClass.workLimit)
        }
    }

    var modelClass: ModelClass { evaluator.modelClass }

    /// A model of the behaviour's first structure, with an empty table.
    func representative(_ behaviour: Int) -> MesaModel {
        let s = structures.structures.first { $0.behaviour == behaviour }!
        return ExactStructures.model(s, modelClass: modelClass)
    }

    /// Per instance, the best option for each number of entries (ties counted), from the shared
    /// cache where another run analysed the same instance.
    mutating func options(forBehaviour behaviour: Int) throws -> [[InstanceOption]] {
        let model = representative(behaviour)
        let set = evaluator.world.training
        let c = modelClass
        let cells = Double(set.stateCount)
        var result: [[InstanceOption]] = []
        for i in 0..<set.count {
            try CancellationFlag.check(cancellation)
            let key = ExactAnalysisCache.Key(
                worldSeed: worldSeed, environment: set.spec, instance: i, behaviour: structures.behaviours[behaviour],
                fires: set.detectorFires[i] && structures.behaviours[behaviour].firing, memory: c.memory,
                greedyFallback: c.greedyFallback, allowsTable: c.allowsTable, speed: c.speed)
            if let cached = cache?.options(key) {
                result.append(cached)
                continue
            }
            let options = instanceOptions(model, instance: i, cells: cells)
            cache?.insert(options, for: key)
            result.append(options)
        }
        return result
    }

    /// The best option of instance `i` for each number of entries, ranked by −score + μ·expansions/(W·H).
    private mutating func instanceOptions(_ model: MesaModel, instance i: Int, cells: Double) -> [InstanceOption] {
        let c = modelClass
        var best: [Int: (option: InstanceOption, rank: Double)] = [:]
        let candidates = c.allowsTable
            ? TableCompletions.candidates(evaluator: &evaluator, model: model, instance: i)
            : [TableCompletions.Candidate(entries: [], outcome: evaluator.trainingEpisode(model, instance: i))]
        for candidate in candidates {
            let o = candidate.outcome
            let k = candidate.cost
            let rank = -o.score + c.speed * Double(o.expansions) / cells
            let option = InstanceOption(cost: k, score: o.score, expansions: o.expansions, logCount: 0,
                                        decisions: o.decisions, searchDecisions: o.searchDecisions, entries: candidate.entries)
            if let current = best[k] {
                if rank < current.rank - Tolerance.tie {
                    best[k] = (option, rank)
                } else if abs(rank - current.rank) <= Tolerance.tie {
                    best[k]!.option.logCount = logAdd(current.option.logCount, 0)
                }
            } else {
                best[k] = (option, rank)
            }
        }
        return best.keys.sorted().map { best[$0]!.option }
    }
}

/// Exact selection as a `BaseOptimizer`: the decomposition, the posterior, and one draw from it.
package struct ExactSelection: BaseOptimizer {
    let values: Int
    let drawSeed: UInt64
    let worldSeed: UInt64
    let cache: ExactAnalysisCache?
    let cancellation: CancellationFlag?

    package mutating func select(with evaluator: inout TrainingEvaluator) throws -> Selection {
        var optimizer = try ExactOptimizer(evaluator: evaluator, values: values, worldSeed: worldSeed, cache: cache)
        optimizer.cancellation = cancellation
        let summary = try optimizer.solve(drawSeed: drawSeed)
        evaluator = optimizer.evaluator
        return Selection(model: summary.model, loss: summary.loss, exact: summary)
    }
}
