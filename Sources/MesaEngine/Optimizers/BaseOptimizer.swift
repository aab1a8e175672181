import MesaResults
import MesaScenario

/// A base optimizer (SCIENCE.md §4): selects one model of the class from the training loss. Hill
/// climbing and exact selection conform; `BaseOptimizers.make` picks the scenario's.
package protocol BaseOptimizer {
    /// Selects a model, evaluating candidates with `evaluator` (whose per-instance caches it may
    /// fill, and which the run then uses to measure the selected model).
    mutating func select(with evaluator: inout TrainingEvaluator) throws -> Selection
}

/// What a base optimizer selected.
package struct Selection: Sendable {
    package var model: MesaModel
    package var loss: Double
    /// Hill climbing: the detector's life during the climb.
    package var detectorLife: DetectorLife?
    /// Exact selection: the posterior over minimum-loss structures.
    package var exact: ExactSummary?
}

/// The optimizers a scenario can name.
package enum BaseOptimizers {
    /// The optimizer of `context.spec`, seeded from the run's streams.
    package static func make(_ context: RunContext, world: RunWorld, modelClass: ModelClass) -> any BaseOptimizer {
        let spec = context.spec
        switch spec.training.optimizer {
        case .hillClimb:
            let initial = InitialModelFactory.make(spec: spec, modelClass: modelClass, world: world, runSeed: context.runSeed)
            return HillClimber(seed: StreamSeed.derive(context.runSeed, .optimizer), initial: initial,
                               steps: spec.training.steps, acceptance: spec.training.acceptance,
                               cancellation: context.cancellation)
        case .exact:
            return ExactSelection(values: spec.training.values, drawSeed: StreamSeed.derive(context.runSeed, .posteriorDraw),
                                  worldSeed: context.worldSeed, cache: context.exactCache,
                                  cancellation: context.cancellation)
        case .adam:
            // The validator refuses Adam in the maze world, and learned worlds never reach here.
            preconditionFailure("Adam trains the learned worlds' networks, not the maze class")
        }
    }
}
