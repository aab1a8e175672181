import MesaScenario

/// The result of training one model.
package struct TrainingResult: Sendable {
    package var model: MesaModel
    package var loss: Double
    /// The accepted step at which the detector was last removed, when the final model has none.
    package var removedAtStep: Int?
    /// Accepted proposals.
    package var accepted = 0
}

/// Strict local search (SCIENCE.md §4 `hill_climb`): from the initial model, `steps` proposals of
/// one mutation each; a proposal is kept when the loss does not increase (neutral drift is kept).
///
/// A mutation that needs parameters takes free ones, or, when too few are free, clears table
/// entries chosen uniformly by the run's stream (the reassignment move); when not even that
/// suffices the proposal is void. Only the instances a proposal touches are re-run: a table
/// entry touches one instance, a gene its group, the detector the instances it fires on, and
/// machinery or weights every instance only when the expansions per decision or the weights in
/// force change (within a plateau nothing is re-run). Cost per step O(N) for the loss sum plus the
/// re-run episodes.
package struct HillClimber {
    package var evaluator: TrainingEvaluator
    private var rng: Xoshiro256StarStar
    private let sampler: MutationSampler

    package init(evaluator: TrainingEvaluator, seed: UInt64) {
        self.evaluator = evaluator
        rng = Xoshiro256StarStar(seed: seed)
        sampler = MutationSampler(MutationKind.available(in: evaluator.modelClass))
    }

    private var modelClass: ModelClass { evaluator.modelClass }

    /// Runs `steps` proposals from `initial`. Checks cancellation every 256 steps. `trace`, when
    /// given, sees the current model and loss after every step (for tests).
    package mutating func train(
        from initial: MesaModel, steps: Int, cancellation: CancellationFlag? = nil,
        trace: ((_ step: Int, _ model: MesaModel, _ loss: Double) -> Void)? = nil
    ) throws -> TrainingResult {
        let n = evaluator.world.training.count
        let cells = evaluator.world.training.cellCount
        var model = initial
        var outcomes: [EpisodeOutcome] = []
        var visited: [[Int32]] = []
        outcomes.reserveCapacity(n)
        for i in 0..<n {
            outcomes.append(evaluator.trainingEpisode(model, instance: i))
            visited.append(evaluator.lastVisited)
        }
        var loss = evaluator.loss(model, outcomes: outcomes)
        var removedAt: Int?
        var accepted = 0

        var undo: [(slot: Int, value: Int8)] = []
        var affected: [Int] = []
        var mark = [Bool](repeating: false, count: n)
        var candidate = outcomes
        var candidateVisited: [Int: [Int32]] = [:]

        for step in 0..<steps {
            if step & 255 == 0 { try CancellationFlag.check(cancellation) }
            guard let kind = sampler.draw(&rng) else { break }
            let before = ModelScalars(model)  // the table is restored from `undo`, never copied
            undo.removeAll(keepingCapacity: true)
            affected.removeAll(keepingCapacity: true)
            var everyInstance = false

            func touch(_ instances: [Int32]) {
                for i in instances where !mark[Int(i)] {
                    mark[Int(i)] = true
                    affected.append(Int(i))
                }
            }
            func setSlot(_ slot: Int, _ value: Int8) {
                undo.append((slot, model.table.values[slot]))
                model.table.set(slot, value)
                touch(modelClass.encoding.instances(ofSlot: slot, cells: cells))
            }
            /// Frees `needed` parameters, clearing random table entries if need be.
            func acquire(_ needed: Int) -> Bool {
                let free = modelClass.budget - modelClass.parametersInUse(model)
                if free >= needed { return true }
                let missing = needed - free
                guard model.table.count >= missing else { return false }
                for _ in 0..<missing {
                    setSlot(model.table.tunedSlot(rng.below(model.table.count)), -1)
                }
                return true
            }

            var feasible = true
            switch kind {
            case .setEntry:
                let (slot, value) = proposeEntry(model, visited: visited, cells: cells)
                if model.table.values[slot] < 0 { feasible = acquire(1) }
                if feasible { setSlot(slot, value) }
            case .clearEntry:
                if model.table.count > 0 { setSlot(model.table.tunedSlot(rng.below(model.table.count)), -1) }
            case .addMachinery:
                if model.machinery < modelClass.curve.maxMachinery {
                    feasible = acquire(model.machinery == 0 ? 1 + ModelClass.weightParameters : 1)
                    if feasible { model.machinery += 1 }
                }
            case .removeMachinery:
                if model.machinery > 0 { model.machinery -= 1 }
            case .perturbWeight:
                let grid = modelClass.weightGrid
                if rng.below(2) == 0 {
                    model.weightGoal = otherValue(grid, model.weightGoal)
                } else {
                    model.weightProxy = otherValue(grid, model.weightProxy)
                }
            case .toggleDetector:
                if model.hasDetector {
                    model.hasDetector = false
                } else if let cost = modelClass.detectorCost {
                    feasible = acquire(cost)
                    if feasible {
                        model.hasDetector = true
                        if case .any = modelClass.detectorTarget { model.targetCell = rng.below(cells) }
                    }
                }
            }
            if !feasible {
                revert(&model, to: before, undo: undo)
                for i in affected { mark[i] = false }
                trace?(step, model, loss)
                continue
            }
            let oldSearch = (modelClass.curve.expansions[min(before.machinery, modelClass.curve.maxMachinery)], before.weightGoal, before.weightProxy)
            let newSearch = (modelClass.learnedExpansions(model), model.weightGoal, model.weightProxy)
            if oldSearch.0 != newSearch.0 || (newSearch.0 > 0 && (oldSearch.1 != newSearch.1 || oldSearch.2 != newSearch.2)) {
                everyInstance = true
            } else if before.hasDetector != model.hasDetector || before.targetCell != model.targetCell {
                let fires = evaluator.world.training.detectorFires
                touch((0..<n).filter { fires[$0] }.map(Int32.init))
            }

            let rerun = everyInstance ? Array(0..<n) : affected
            candidateVisited.removeAll(keepingCapacity: true)
            for i in rerun {
                candidate[i] = evaluator.trainingEpisode(model, instance: i)
                candidateVisited[i] = evaluator.lastVisited
            }
            let newLoss = evaluator.loss(model, outcomes: candidate)
            if newLoss <= loss {
                loss = newLoss
                accepted += 1
                for i in rerun {
                    outcomes[i] = candidate[i]
                    visited[i] = candidateVisited[i]!
                }
                if before.hasDetector, !model.hasDetector { removedAt = step }
                if model.hasDetector { removedAt = nil }
            } else {
                revert(&model, to: before, undo: undo)
                for i in rerun { candidate[i] = outcomes[i] }
            }
            for i in affected { mark[i] = false }
            trace?(step, model, loss)
        }
        return TrainingResult(model: model, loss: loss, removedAtStep: model.hasDetector ? nil : removedAt, accepted: accepted)
    }

    /// A (slot, value) for `setEntry`. Direct: a uniform training instance; the cell, with
    /// probability ½, one its current episode visits, else uniform; the action uniform among the
    /// cell's open sides other than the entry's current one. Indirect: a uniform gene and a
    /// uniform different value.
    private mutating func proposeEntry(_ model: MesaModel, visited: [[Int32]], cells: Int) -> (Int, Int8) {
        switch modelClass.encoding {
        case .direct:
            let instance = rng.below(evaluator.world.training.count)
            let seen = visited[instance]
            let cell = !seen.isEmpty && rng.below(2) == 0 ? Int(seen[rng.below(seen.count)]) : rng.below(cells)
            let slot = instance * cells + cell
            let maze = evaluator.world.training.instances[instance].maze
            let current = Int(model.table.values[slot])
            var options: [Int] = []
            for d in 0..<4 where maze.isOpen(cell, d) && d != current { options.append(d) }
            if options.isEmpty { options = (0..<4).filter { $0 != current } }
            return (slot, Int8(options[rng.below(options.count)]))
        case .indirect:
            let gene = rng.below(modelClass.encoding.slotCount)
            let current = Int(model.table.values[gene])
            var value = rng.below(TableEncoding.geneValues - (current >= 0 ? 1 : 0))
            if current >= 0, value >= current { value += 1 }
            return (gene, Int8(value))
        }
    }

    private mutating func otherValue(_ grid: [Int], _ current: Int) -> Int {
        let others = grid.filter { $0 != current }
        return others.isEmpty ? current : others[rng.below(others.count)]
    }

    private func revert(_ model: inout MesaModel, to before: ModelScalars, undo: [(slot: Int, value: Int8)]) {
        for change in undo.reversed() { model.table.set(change.slot, change.value) }
        model.machinery = before.machinery
        model.weightGoal = before.weightGoal
        model.weightProxy = before.weightProxy
        model.hasDetector = before.hasDetector
        model.targetCell = before.targetCell
    }
}

/// The model's fields other than the table, for undoing a rejected proposal.
private struct ModelScalars {
    var machinery: Int
    var weightGoal: Int
    var weightProxy: Int
    var hasDetector: Bool
    var targetCell: Int

    init(_ model: MesaModel) {
        machinery = model.machinery
        weightGoal = model.weightGoal
        weightProxy = model.weightProxy
        hasDetector = model.hasDetector
        targetCell = model.targetCell
    }
}
