/// Local search (SCIENCE.md §4 `hill_climb`): from the initial model, `steps` proposals of one
/// mutation each; a proposal is kept when the loss does not increase (neutral drift is kept).
///
/// Each step is propose → re-run → accept or revert. A mutation that needs parameters takes free
/// ones, or, when too few are free, clears table entries chosen uniformly by the run's stream (the
/// reassignment move); when not even that suffices the proposal is void. Only the instances a
/// proposal touches are re-run: a table entry touches one instance, a gene its group, the detector
/// the instances it fires on, and machinery or weights every instance only when the expansions per
/// decision or the weights in force change (within a plateau nothing is re-run). Cost per step O(N)
/// for the loss sum plus the re-run episodes.
package struct HillClimber: BaseOptimizer {
    private var rng: Xoshiro256StarStar
    private let initial: MesaModel
    private let steps: Int
    private let cancellation: CancellationFlag?
    /// Sees the current model and loss after every step (for tests).
    package var trace: ((_ step: Int, _ model: MesaModel, _ loss: Double) -> Void)?

    package init(seed: UInt64, initial: MesaModel, steps: Int, cancellation: CancellationFlag? = nil) {
        rng = Xoshiro256StarStar(seed: seed)
        self.initial = initial
        self.steps = steps
        self.cancellation = cancellation
    }

    /// Runs the proposals. Checks cancellation every 256 steps.
    package mutating func select(with evaluator: inout TrainingEvaluator) throws -> Selection {
        var state = ClimbState(model: initial, evaluator: &evaluator)
        let sampler = MutationSampler(MutationKind.available(in: evaluator.modelClass))
        var removedAt: Int?
        for step in 0..<steps {
            if step & 255 == 0 { try CancellationFlag.check(cancellation) }
            guard let kind = sampler.draw(&rng) else { break }
            var proposal = Proposal(before: state.model, instanceCount: state.outcomes.count)
            if propose(kind, &proposal, state: &state, modelClass: evaluator.modelClass) {
                let rerun = proposal.instancesToRerun(state: state, evaluator: evaluator)
                let newLoss = state.rerun(rerun, evaluator: &evaluator)
                if newLoss <= state.loss {
                    let lostDetector = proposal.before.hasDetector && !state.model.hasDetector
                    state.accept(rerun, loss: newLoss)
                    if lostDetector { removedAt = step }
                    if state.model.hasDetector { removedAt = nil }
                } else {
                    state.revert(proposal, rerun: rerun)
                }
            } else {
                state.revert(proposal, rerun: [])
            }
            trace?(step, state.model, state.loss)
        }
        return Selection(model: state.model, loss: state.loss, removedAtStep: state.model.hasDetector ? nil : removedAt)
    }

    /// Applies one mutation of `kind` to the state's model, recording how to undo it and which
    /// instances it touches; false when it is infeasible (too few parameters to take).
    private mutating func propose(_ kind: MutationKind, _ proposal: inout Proposal, state: inout ClimbState,
                                  modelClass: ModelClass) -> Bool {
        switch kind {
        case .setEntry:
            let (slot, value) = proposeEntry(state, modelClass: modelClass)
            if state.model.table.values[slot] < 0, !acquire(1, &proposal, state: &state, modelClass: modelClass) {
                return false
            }
            proposal.set(slot, value, in: &state.model, modelClass: modelClass)
        case .clearEntry:
            if state.model.table.count > 0 {
                proposal.set(state.model.table.tunedSlot(rng.below(state.model.table.count)), -1, in: &state.model,
                             modelClass: modelClass)
            }
        case .addMachinery:
            if state.model.machinery < modelClass.curve.maxMachinery {
                let needed = state.model.machinery == 0 ? 1 + ModelClass.weightParameters : 1
                guard acquire(needed, &proposal, state: &state, modelClass: modelClass) else { return false }
                state.model.machinery += 1
            }
        case .removeMachinery:
            if state.model.machinery > 0 { state.model.machinery -= 1 }
        case .perturbWeight:
            let grid = modelClass.weightGrid
            if rng.below(2) == 0 {
                state.model.weightGoal = otherValue(grid, state.model.weightGoal)
            } else {
                state.model.weightProxy = otherValue(grid, state.model.weightProxy)
            }
        case .toggleDetector:
            if state.model.hasDetector {
                state.model.hasDetector = false
            } else if let cost = modelClass.detectorCost {
                guard acquire(cost, &proposal, state: &state, modelClass: modelClass) else { return false }
                state.model.hasDetector = true
                if case .any = modelClass.detectorTarget { state.model.targetCell = rng.below(modelClass.cellCount) }
            }
        }
        return true
    }

    /// Frees `needed` parameters, clearing table entries drawn uniformly if too few are free.
    private mutating func acquire(_ needed: Int, _ proposal: inout Proposal, state: inout ClimbState,
                                  modelClass: ModelClass) -> Bool {
        let free = modelClass.budget - modelClass.parametersInUse(state.model)
        if free >= needed { return true }
        let missing = needed - free
        guard state.model.table.count >= missing else { return false }
        for _ in 0..<missing {
            proposal.set(state.model.table.tunedSlot(rng.below(state.model.table.count)), -1, in: &state.model,
                         modelClass: modelClass)
        }
        return true
    }

    /// A (slot, value) for `setEntry`. Direct: a uniform training instance; the state, with
    /// probability ½, one its current episode visits, else uniform; the move uniform among the
    /// state's open moves other than the entry's current one. Indirect: a uniform gene and a
    /// uniform different value.
    private mutating func proposeEntry(_ state: ClimbState, modelClass: ModelClass) -> (Int, Int8) {
        let cells = modelClass.cellCount
        switch modelClass.encoding {
        case .direct:
            let instance = rng.below(state.visited.count)
            let seen = state.visited[instance]
            let cell = !seen.isEmpty && rng.below(2) == 0 ? Int(seen[rng.below(seen.count)]) : rng.below(cells)
            let slot = instance * cells + cell
            let task = state.instances[instance]
            let current = Int(state.model.table.values[slot])
            var options: [Int] = []
            for d in 0..<4 where task.isOpen(cell, d) && d != current { options.append(d) }
            if options.isEmpty { options = (0..<4).filter { $0 != current } }
            return (slot, Int8(options[rng.below(options.count)]))
        case .indirect:
            let gene = rng.below(modelClass.encoding.slotCount)
            let current = Int(state.model.table.values[gene])
            var value = rng.below(TableEncoding.geneValues - (current >= 0 ? 1 : 0))
            if current >= 0, value >= current { value += 1 }
            return (gene, Int8(value))
        }
    }

    private mutating func otherValue(_ grid: [Int], _ current: Int) -> Int {
        let others = grid.filter { $0 != current }
        return others.isEmpty ? current : others[rng.below(others.count)]
    }
}

/// The climb's current model with its per-instance outcomes, visited states and loss, and the
/// candidate outcomes of the proposal being tried.
private struct ClimbState {
    var model: MesaModel
    var outcomes: [EpisodeOutcome] = []
    var visited: [[Int32]] = []
    var loss: Double
    let instances: [TaskInstance]
    private var candidate: [EpisodeOutcome]
    private var candidateVisited: [Int: [Int32]] = [:]

    init(model: MesaModel, evaluator: inout TrainingEvaluator) {
        self.model = model
        instances = evaluator.world.training.instances
        for i in 0..<instances.count {
            outcomes.append(evaluator.trainingEpisode(model, instance: i))
            visited.append(evaluator.lastVisited)
        }
        loss = evaluator.loss(model, outcomes: outcomes)
        candidate = outcomes
    }

    /// Re-runs `instances` under the current (proposed) model; the loss it would have.
    mutating func rerun(_ instances: [Int], evaluator: inout TrainingEvaluator) -> Double {
        candidateVisited.removeAll(keepingCapacity: true)
        for i in instances {
            candidate[i] = evaluator.trainingEpisode(model, instance: i)
            candidateVisited[i] = evaluator.lastVisited
        }
        return evaluator.loss(model, outcomes: candidate)
    }

    mutating func accept(_ instances: [Int], loss: Double) {
        self.loss = loss
        for i in instances {
            outcomes[i] = candidate[i]
            visited[i] = candidateVisited[i]!
        }
    }

    mutating func revert(_ proposal: Proposal, rerun instances: [Int]) {
        proposal.undo(&model)
        for i in instances { candidate[i] = outcomes[i] }
    }
}

/// One proposal: the model's fields before it, the table changes to undo, and the instances they
/// touch.
private struct Proposal {
    let before: ModelScalars
    private var undoLog: [(slot: Int, value: Int8)] = []
    /// Touched instances in order of first touch (usually one: a scan beats a set here).
    private(set) var affected: [Int] = []

    init(before model: MesaModel, instanceCount: Int) {
        before = ModelScalars(model)
    }

    mutating func set(_ slot: Int, _ value: Int8, in model: inout MesaModel, modelClass: ModelClass) {
        undoLog.append((slot, model.table.values[slot]))
        model.table.set(slot, value)
        touch(modelClass.encoding.instances(ofSlot: slot, cells: modelClass.cellCount))
    }

    mutating func touch(_ instances: [Int32]) {
        for i in instances where !affected.contains(Int(i)) { affected.append(Int(i)) }
    }

    /// Every instance when the search in force changed (expansions, or weights while it searches);
    /// else the touched table instances plus, when the detector changed, those it fires on.
    func instancesToRerun(state: ClimbState, evaluator: TrainingEvaluator) -> [Int] {
        let modelClass = evaluator.modelClass
        let oldExpansions = modelClass.curve.expansions[min(before.machinery, modelClass.curve.maxMachinery)]
        let newExpansions = modelClass.learnedExpansions(state.model)
        let weightsChanged = before.weightGoal != state.model.weightGoal || before.weightProxy != state.model.weightProxy
        if oldExpansions != newExpansions || (newExpansions > 0 && weightsChanged) {
            return Array(0..<state.outcomes.count)
        }
        if before.hasDetector != state.model.hasDetector || before.targetCell != state.model.targetCell {
            var copy = self
            let fires = evaluator.world.training.detectorFires
            copy.touch((0..<fires.count).filter { fires[$0] }.map(Int32.init))
            return copy.affected
        }
        return affected
    }

    func undo(_ model: inout MesaModel) {
        for change in undoLog.reversed() { model.table.set(change.slot, change.value) }
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
