import MesaResults
import MesaScenario

/// One run: build the run's world and class, select a model with the spec's base optimizer, and
/// measure it in training and deployment.
package enum RunSimulator {
    /// Everything a run produced.
    package struct Output: Sendable {
        package var metrics: RunMetrics
        package var drawings: [MazeDrawing]
        /// Search expansions computed during the run (training, K_fit and measurement).
        package var expansionsComputed = 0
    }

    /// Runs `context`; throws `ExactRefusal` for a class exact selection cannot run, and
    /// `CancellationError` when cancelled.
    package static func run(_ context: RunContext) throws -> Output {
        let spec = context.spec
        let world = RunWorld(spec: spec, worldSeed: context.worldSeed)
        let modelClass = ModelClass(spec: spec, stateCount: world.training.stateCount, worldSeed: context.worldSeed)
        var evaluator = TrainingEvaluator(world: world, modelClass: modelClass)
        var optimizer = BaseOptimizers.make(context, world: world, modelClass: modelClass)
        let selection = try optimizer.select(with: &evaluator)
        var kFit: Int?
        if spec.deception != nil {
            if let summary = selection.exact {
                kFit = summary.kFit
            } else if var fitter = try? ExactOptimizer(evaluator: evaluator, values: spec.training.values) {
                // A class too large for the exact decomposition still trains by hill climbing;
                // its K_fit is then absent rather than the run failing.
                fitter.cancellation = context.cancellation
                kFit = try fitter.fittingBudget()
                evaluator = fitter.evaluator
            }
        }
        var output = RunMeasurement(selection: selection, kFit: kFit).measure(context, evaluator: &evaluator)
        output.expansionsComputed = evaluator.expansionsComputed
        return output
    }
}
