import Foundation
import MesaScenario

/// Local search (docs/model.md `hill_climb`): from the initial model, `steps` proposals of one
/// mutation each, kept or undone by the acceptance rule.
///
/// Each step is propose → re-run → accept or revert. A mutation that needs parameters takes free
/// ones, or, when too few are free, takes them from the model's other parts — table entries,
/// machinery and detector parameters, drawn uniformly by the run's stream (the argument's "replace
/// the circuit's parameters with useful ones", as a move); when not even that suffices the proposal
/// is void. Only the instances a proposal touches are re-run: a table entry touches one instance, a
/// gene its group, the detector the instances it fires on, and machinery or weights every instance
/// only when the search in force changes (within a plateau nothing is re-run). Cost per step O(N)
/// for the loss sum plus the re-run episodes.
package struct HillClimber: BaseOptimizer {
    private var rng: Xoshiro256StarStar
    private let initial: MesaModel
    private let steps: Int
    private let acceptance: AcceptanceRule
    private let cancellation: CancellationFlag?
    /// Sees the current model and loss after every step (for tests).
    package var trace: ((_ step: Int, _ model: MesaModel, _ loss: Double) -> Void)?

    package init(seed: UInt64, initial: MesaModel, steps: Int, acceptance: AcceptanceRule = .neutral,
                 cancellation: CancellationFlag? = nil) {
        rng = Xoshiro256StarStar(seed: seed)
        self.initial = initial
        self.steps = steps
        self.acceptance = acceptance
        self.cancellation = cancellation
    }

    /// Runs the proposals. Checks cancellation every 256 steps.
    package mutating func select(with evaluator: inout TrainingEvaluator) throws -> Selection {
        var state = ClimbState(model: initial, evaluator: &evaluator)
        let modelClass = evaluator.modelClass
        let sampler = MutationSampler(MutationKind.available(in: modelClass))
        var life = DetectorLife(complete: modelClass.hasCompleteDetector(initial))
        for step in 0..<steps {
            if step & 255 == 0 { try CancellationFlag.check(cancellation) }
            guard let kind = sampler.draw(&rng) else { break }
            var proposal = Proposal(before: state.model)
            if propose(kind, &proposal, state: &state, modelClass: modelClass) {
                let rerun = proposal.instancesToRerun(state: state, evaluator: evaluator)
                let newLoss = state.rerun(rerun, evaluator: &evaluator)
                if accepts(newLoss, over: state.loss, step: step) {
                    let oldLoss = state.loss
                    state.accept(rerun, loss: newLoss)
                    life.record(step: step, complete: modelClass.hasCompleteDetector(state.model),
                                lossChange: newLoss - oldLoss)
                } else {
                    state.revert(proposal, rerun: rerun)
                }
            } else {
                state.revert(proposal, rerun: [])
            }
            trace?(step, state.model, state.loss)
        }
        return Selection(model: state.model, loss: state.loss, detectorLife: life)
    }

    /// The acceptance rule: strict (a decrease), neutral (no increase), tolerance ε (a rise of at
    /// most ε) or anneal T (Metropolis at a temperature cooling linearly to 0 by the last step).
    private mutating func accepts(_ newLoss: Double, over loss: Double, step: Int) -> Bool {
        switch acceptance {
        case .strict: return newLoss < loss - Tolerance.tie
        case .neutral: return newLoss <= loss
        case .tolerance(let epsilon): return newLoss <= loss + epsilon
        case .anneal(let temperature):
            if newLoss <= loss { return true }
            let current = temperature * (1 - Double(step) / Double(max(1, steps)))
            guard current > 0 else { return false }
            return rng.unit() < exp(-(newLoss - loss) / current)
        }
    }

    /// Applies one mutation of `kind` to the state's model, recording how to undo it and which
    /// instances it touches; false when it is infeasible (too few parameters to take).
    private mutating func propose(_ kind: MutationKind, _ proposal: inout Proposal, state: inout ClimbState,
                                  modelClass: ModelClass) -> Bool {
        switch kind {
        case .setEntry:
            let (slot, value) = proposeEntry(state, modelClass: modelClass)
            if state.model.table.values[slot] < 0,
               !acquire(1, for: .table, &proposal, state: &state, modelClass: modelClass) {
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
                // The first machinery parameter brings the weights' features into use.
                var grown = state.model
                grown.machinery += 1
                let needed = modelClass.searchParameters(grown) - modelClass.searchParameters(state.model)
                guard acquire(needed, for: .machinery, &proposal, state: &state, modelClass: modelClass) else { return false }
                state.model.machinery += 1
            }
        case .removeMachinery:
            if state.model.machinery > 0 { state.model.machinery -= 1 }
        case .perturbWeight:
            let grid = modelClass.weightGrid
            var changed = state.model
            if rng.below(2) == 0 {
                changed.weightGoal = otherValue(grid, state.model.weightGoal)
            } else {
                changed.weightProxy = otherValue(grid, state.model.weightProxy)
            }
            let needed = modelClass.featureParameters(changed) - modelClass.featureParameters(state.model)
            if needed > 0, !acquire(needed, for: .features, &proposal, state: &state, modelClass: modelClass) {
                return false
            }
            state.model.weightGoal = changed.weightGoal
            state.model.weightProxy = changed.weightProxy
        case .addDetectorParameter:
            guard let cost = modelClass.detectorCost, state.model.detector < cost else { return true }
            guard acquire(1, for: .detector, &proposal, state: &state, modelClass: modelClass) else { return false }
            if state.model.detector == 0, case .any = modelClass.detectorTarget {
                state.model.targetCell = rng.below(modelClass.cellCount)
            }
            state.model.detector += 1
        case .removeDetectorParameter:
            if state.model.detector > 0 { state.model.detector -= 1 }
        }
        return true
    }

    /// The part of the model a proposal grows: parameters are not taken from it.
    private enum Part { case table, machinery, features, detector }

    /// Frees `needed` parameters: free ones first, then parameters of the model's other parts
    /// (table entries, machinery, detector), each drawn uniformly among them.
    private mutating func acquire(_ needed: Int, for part: Part, _ proposal: inout Proposal, state: inout ClimbState,
                                  modelClass: ModelClass) -> Bool {
        let free = modelClass.budget - modelClass.parametersInUse(state.model)
        if free >= needed { return true }
        for _ in 0..<(needed - free) {
            let table = state.model.table.count
            let machinery = part == .machinery ? 0 : state.model.machinery
            let detector = part == .detector ? 0 : state.model.detector
            let pool = table + machinery + detector
            guard pool > 0 else { return false }
            let r = rng.below(pool)
            if r < table {
                proposal.set(state.model.table.tunedSlot(r), -1, in: &state.model, modelClass: modelClass)
            } else if r < table + machinery {
                state.model.machinery -= 1
            } else {
                state.model.detector -= 1
            }
        }
        // Losing machinery may drop the features out of use, or keep them: count again.
        return modelClass.parametersInUse(state.model) + needed <= modelClass.budget
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
