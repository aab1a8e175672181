/// The training loss of models of one class on one run's instances, per instance and cached.
///
/// Loss = (1 − mean training score) + λ_DL · (parameters in use) / K
///        + μ_T · (mean search expansions per episode) / (W·H).
///
/// Per-instance outcomes are kept so that a change touching a few instances re-runs only their
/// episodes; fresh-search decisions are memoised per (expansions, weights) setting, so returning
/// to a setting costs table look-ups only.
package struct TrainingEvaluator: Sendable {
    package let world: RunWorld
    package let modelClass: ModelClass
    private var runner: EpisodeRunner
    private var caches: [SearchDecisionCache] = []
    private var cacheIndex: [CacheKey: Int] = [:]
    private var noCache = SearchDecisionCache.empty

    struct CacheKey: Hashable {
        var expansions: Int
        var weightGoal: Int
        var weightProxy: Int
    }

    /// Memoised decisions kept before the cache is cleared (slots × settings).
    private static let cacheCapacity = 16_000_000

    package init(world: RunWorld, modelClass: ModelClass) {
        self.world = world
        self.modelClass = modelClass
        runner = EpisodeRunner(cellCount: max(world.training.stateCount, world.deployment.stateCount))
    }

    /// The behaviour of `model` on task set `set`.
    package func behaviour(_ model: MesaModel, on set: TaskSet) -> EpisodeBehaviour {
        var b = EpisodeBehaviour()
        b.searchExpansions = modelClass.searchExpansions(model)
        b.weightGoal = model.weightGoal
        b.weightProxy = model.weightProxy
        b.greedyFallback = modelClass.greedyFallback
        b.memory = modelClass.memory
        b.hasDetector = modelClass.hasCompleteDetector(model)
        b.targetCell = b.hasDetector ? modelClass.targetCell(model, in: set, training: world.training) : 0
        b.stepLimit = set.spec.effectiveStepLimit
        b.scripted = set.spec.teacher == .scripted
        return b
    }

    /// The training episode of `model` on instance `index`; `visited` then holds its cells.
    package mutating func trainingEpisode(_ model: MesaModel, instance index: Int, record: Bool = false) -> EpisodeOutcome {
        let base = index * world.training.stateCount
        let encoding = modelClass.encoding
        let table = model.table
        return trainingEpisode(model, instance: index, table: { cell in encoding.action(table, decision: base + cell) },
                               record: record)
    }

    /// The training episode of `model` on instance `index` with `table(state)` in place of the
    /// model's own table (nil: no entry).
    package mutating func trainingEpisode(
        _ model: MesaModel, instance index: Int, table lookup: (Int) -> Direction?, record: Bool = false
    ) -> EpisodeOutcome {
        let set = world.training
        let b = behaviour(model, on: set)
        let cells = set.stateCount
        let base = index * cells
        if b.searchExpansions > 0, !b.memory {
            let key = CacheKey(expansions: b.searchExpansions, weightGoal: b.weightGoal, weightProxy: b.weightProxy)
            let slot = cacheSlot(for: key, slots: set.count * cells)
            return runner.run(instance: set.instances[index], proxyFeature: set.proxyFeature, behaviour: b,
                              fires: set.detectorFires[index], table: lookup, cache: &caches[slot], cacheBase: base,
                              useCache: true, record: record)
        }
        return runner.run(instance: set.instances[index], proxyFeature: set.proxyFeature, behaviour: b,
                          fires: set.detectorFires[index], table: lookup, cache: &noCache, cacheBase: 0,
                          useCache: false, record: record)
    }

    /// What `model` does on training instance `index` where its table has no entry, for every state
    /// at once; nil unless that is a fixed function of the state (no `memory episode`, a planner
    /// teacher, no detector firing on the instance). Search decisions come from the same memo as
    /// episodes'.
    package mutating func untabledPolicy(_ model: MesaModel, instance index: Int) -> UntabledPolicy? {
        let set = world.training
        let b = behaviour(model, on: set)
        guard !b.memory, !b.scripted, !(b.hasDetector && set.detectorFires[index]) else { return nil }
        let cells = set.stateCount
        let instance = set.instances[index]
        let proxy = set.proxyFeature
        var decisions: [(move: Direction?, bySearch: Bool, expansions: Int)] = []
        decisions.reserveCapacity(cells)
        if b.searchExpansions > 0 {
            let key = CacheKey(expansions: b.searchExpansions, weightGoal: b.weightGoal, weightProxy: b.weightProxy)
            let slot = cacheSlot(for: key, slots: set.count * cells)
            for state in 0..<cells {
                decisions.append(runner.decision(at: state, instance: instance, proxyFeature: proxy, behaviour: b,
                                                 fires: false, cache: &caches[slot], cacheBase: index * cells,
                                                 useCache: true))
            }
        } else {
            for state in 0..<cells {
                decisions.append(runner.decision(at: state, instance: instance, proxyFeature: proxy, behaviour: b,
                                                 fires: false, cache: &noCache, cacheBase: 0, useCache: false))
            }
        }
        return UntabledPolicy(instance: instance, stepLimit: b.stepLimit, decisions: decisions)
    }

    /// The deployment episode of `model` on deployment instance `index` (no table entry applies:
    /// the table is keyed by training instances).
    package mutating func deploymentEpisode(_ model: MesaModel, instance index: Int, record: Bool = false) -> EpisodeOutcome {
        let set = world.deployment
        let b = behaviour(model, on: set)
        return runner.run(instance: set.instances[index], proxyFeature: set.proxyFeature, behaviour: b,
                          fires: set.detectorFires[index], table: { _ in nil }, cache: &noCache, cacheBase: 0,
                          useCache: false, record: record)
    }

    /// Search expansions computed so far (memoised decisions are not recomputed).
    package var expansionsComputed: Int { runner.expansionsComputed }

    /// Cells of the last episode run, in first-visit order.
    package var lastVisited: [Int32] { runner.visited }
    /// The path of the last episode run with `record: true`.
    package var lastPath: [Int] { runner.path }
    /// The cells the search expanded in the last episode run with `record: true`.
    package var lastExpanded: [Int] { runner.expanded }

    private mutating func cacheSlot(for key: CacheKey, slots: Int) -> Int {
        if let slot = cacheIndex[key] { return slot }
        if (caches.count + 1) * slots > TrainingEvaluator.cacheCapacity {
            caches.removeAll()
            cacheIndex.removeAll()
        }
        caches.append(SearchDecisionCache(slots: slots))
        cacheIndex[key] = caches.count - 1
        return caches.count - 1
    }

    /// The training loss of `model` given its per-instance outcomes.
    package func loss(_ model: MesaModel, outcomes: [EpisodeOutcome]) -> Double {
        let totals = TrainingTotals(outcomes)
        return loss(parametersInUse: modelClass.parametersInUse(model), meanScore: totals.meanScore,
                    meanExpansions: totals.meanExpansions)
    }

    package func loss(parametersInUse: Int, meanScore: Double, meanExpansions: Double) -> Double {
        (1 - meanScore) + modelClass.descriptionLength * Double(parametersInUse) / Double(modelClass.budget)
            + modelClass.speed * meanExpansions / Double(world.training.stateCount)
    }
}

/// Sums over a set of episodes, always accumulated in instance order (so equal outcomes give
/// bit-identical losses).
package struct TrainingTotals: Sendable {
    package var meanScore = 0.0
    package var meanExpansions = 0.0
    package var decisions = 0
    package var searchDecisions = 0

    package init(_ outcomes: [EpisodeOutcome]) {
        guard !outcomes.isEmpty else { return }
        var score = 0.0, expansions = 0
        for o in outcomes {
            score += o.score
            expansions += o.expansions
            decisions += o.decisions
            searchDecisions += o.searchDecisions
        }
        meanScore = score / Double(outcomes.count)
        meanExpansions = Double(expansions) / Double(outcomes.count)
    }

    /// Share of decisions made by the learned search (0 when there were none).
    package var searchShare: Double { decisions > 0 ? Double(searchDecisions) / Double(decisions) : 0 }
}
