import MesaResults
import MesaScenario

/// One run: build the run's world and class, select a model with the spec's base optimizer, and
/// measure it in training and deployment.
package enum RunSimulator {
    /// Everything a run produced.
    package struct Output: Sendable {
        package var metrics: RunMetrics
        package var drawings: [MazeDrawing]
        /// A learned world's metrics along training.
        package var checkpoints: [Checkpoint] = []
        /// Search expansions computed during the run (training, K_fit and measurement).
        package var expansionsComputed = 0
    }

    /// Runs `context`; throws `ExactRefusal` for a class exact selection cannot run, and
    /// `CancellationError` when cancelled.
    package static func run(_ context: RunContext) throws -> Output {
        if context.spec.world == .regression { return try RegressionRun.run(context) }
        if context.spec.world == .teacher { return try TeacherRun.run(context) }
        var context = context
        // A pool of P mazes: the run trains on its min(N, P) distinct mazes (`distinctInstances`).
        context.spec.environment.instances = context.spec.environment.distinctInstances
        context.spec.environment.pool = nil
        var fittingBudget: Int?
        if let relative = context.spec.model.relativeBudget {
            // K relative to this world: its K_fit first, from the class not capped at K.
            let kFit = try worldFittingBudget(context)
            context.spec.model.parameters = relative.budget(kFit: kFit, detectorCost: context.spec.deception?.detectorCost ?? 0)
            fittingBudget = kFit
        }
        let spec = context.spec
        let world = RunWorld(spec: spec, worldSeed: context.worldSeed)
        let modelClass = ModelClass(spec: spec, stateCount: world.training.stateCount, worldSeed: context.worldSeed)
        var evaluator = TrainingEvaluator(world: world, modelClass: modelClass)
        var optimizer = BaseOptimizers.make(context, world: world, modelClass: modelClass)
        let selection = try optimizer.select(with: &evaluator)
        var kFit = fittingBudget ?? selection.exact?.kFit
        var optimum: ExactSummary?
        if selection.exact == nil, Scenario.computesOptimalityGap(spec),
           var exact = try? ExactOptimizer(evaluator: evaluator, values: spec.training.values,
                                           worldSeed: context.worldSeed, cache: context.exactCache) {
            // Hill climbing in a class the exact decomposition solves exactly, where the rule allows
            // the solve (`OptimalityGapRule`): the optimality gap, and K_fit when the class has a
            // detector (elsewhere there is no true minimum to compare).
            exact.cancellation = context.cancellation
            let summary = try exact.solve(drawSeed: 0)
            optimum = summary
            if spec.deception != nil, fittingBudget == nil { kFit = summary.kFit }
            evaluator = exact.evaluator
        }
        var output = RunMeasurement(selection: selection, kFit: kFit, optimum: optimum).measure(context, evaluator: &evaluator)
        if Scenario.skipsOptimalityGap(spec) { output.metrics[.optimalityGapSkipped] = 1 }
        output.expansionsComputed = evaluator.expansionsComputed
        return output
    }

    /// K_fit of the run's world: the smallest budget reaching the least training error, in the
    /// class with K not capped (`SimulationSpec.uncappedBudget`), detector excluded.
    static func worldFittingBudget(_ context: RunContext) throws -> Int {
        let spec = context.spec.withUncappedBudget
        let world = RunWorld(spec: spec, worldSeed: context.worldSeed)
        let modelClass = ModelClass(spec: spec, stateCount: world.training.stateCount, worldSeed: context.worldSeed)
        var fitter = try ExactOptimizer(evaluator: TrainingEvaluator(world: world, modelClass: modelClass),
                                        values: spec.training.values, worldSeed: context.worldSeed,
                                        cache: context.exactCache)
        fitter.cancellation = context.cancellation
        return try fitter.fittingBudget()
    }
}
