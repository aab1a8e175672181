/// The climb's current model with its per-instance outcomes, visited states and loss, and the
/// candidate outcomes of the proposal being tried.
struct ClimbState {
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
struct Proposal {
    let before: ModelScalars
    private var undoLog: [(slot: Int, value: Int8)] = []
    /// Touched instances in order of first touch (usually one: a scan beats a set here).
    private(set) var affected: [Int] = []

    init(before model: MesaModel) {
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
    /// else the touched table instances plus, when the working detector changed, those it fires on.
    func instancesToRerun(state: ClimbState, evaluator: TrainingEvaluator) -> [Int] {
        let modelClass = evaluator.modelClass
        let oldExpansions = modelClass.curve.expansions[min(before.machinery, modelClass.curve.maxMachinery)]
        let newExpansions = modelClass.searchExpansions(state.model)
        let weightsChanged = before.weightGoal != state.model.weightGoal || before.weightProxy != state.model.weightProxy
        if oldExpansions != newExpansions || (newExpansions > 0 && weightsChanged) {
            return Array(0..<state.outcomes.count)
        }
        let wasComplete = modelClass.detectorIsComplete(built: before.detector)
        let isComplete = modelClass.hasCompleteDetector(state.model)
        if wasComplete != isComplete || (isComplete && before.targetCell != state.model.targetCell) {
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
        model.detector = before.detector
        model.targetCell = before.targetCell
    }
}

/// The model's fields other than the table, for undoing a rejected proposal.
struct ModelScalars {
    var machinery: Int
    var weightGoal: Int
    var weightProxy: Int
    var detector: Int
    var targetCell: Int

    init(_ model: MesaModel) {
        machinery = model.machinery
        weightGoal = model.weightGoal
        weightProxy = model.weightProxy
        detector = model.detector
        targetCell = model.targetCell
    }
}

/// The detector's life under hill climbing (docs/model.md): when it was last completed, when it
/// was last broken, and whether that accepted step lowered the loss (loss pressure: a table entry or
/// the description-length penalty took its parameter) or left it unchanged (neutral drift).
package struct DetectorLife: Sendable, Hashable {
    /// Whether the detector is complete now.
    package private(set) var complete: Bool
    /// The step at which it was last completed (nil: never during the run).
    package private(set) var completedAt: Int?
    /// The step at which it was last broken (nil: never during the run).
    package private(set) var brokenAt: Int?
    /// Whether the step that last broke it lowered the loss.
    package private(set) var brokenByLossPressure: Bool?

    package init(complete: Bool) {
        self.complete = complete
    }

    /// An accepted step: the detector's state after it and how much the loss changed.
    mutating func record(step: Int, complete now: Bool, lossChange: Double) {
        if now, !complete { completedAt = step }
        if !now, complete {
            brokenAt = step
            brokenByLossPressure = lossChange < -Tolerance.tie
        }
        complete = now
    }
}
