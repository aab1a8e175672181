import MesaResults
import MesaScenario

/// One run: build the run's world and class from its seed, train with the spec's optimizer, and
/// measure the chosen model in training and deployment.
package enum RunSimulator {
    /// Everything a run produced.
    package struct Output: Sendable {
        package var metrics: RunMetrics
        package var drawings: [MazeDrawing]
        /// Search expansions computed during the run (training, K_fit and measurement).
        package var expansionsComputed = 0
    }

    /// Runs `spec` with run seed `runSeed` (the optimizer's streams) in the world seeded
    /// `worldSeed` (mazes, demonstrations, detector firing, gene expansion; by default the run
    /// seed); `drawings` asks for one training and one deployment maze with the paths the model
    /// takes, captioned with `caption`.
    package static func run(
        spec: SimulationSpec, runSeed: UInt64, worldSeed: UInt64? = nil, drawings: Bool = false, caption: String = "",
        cancellation: CancellationFlag? = nil
    ) throws -> Output {
        let world = RunWorld(spec: spec, runSeed: worldSeed ?? runSeed)
        let modelClass = ModelClass(spec: spec, runSeed: worldSeed ?? runSeed)
        var evaluator = TrainingEvaluator(world: world, modelClass: modelClass)
        var model: MesaModel
        var removedAt: Int?
        var exactSummary: ExactSummary?
        switch spec.training.optimizer {
        case .hill_climb:
            let initial = InitialModelFactory.make(spec: spec, modelClass: modelClass, world: world, runSeed: runSeed)
            var climber = HillClimber(evaluator: evaluator, seed: StreamSeed.derive(runSeed, .optimizer))
            let result = try climber.train(from: initial, steps: spec.training.steps, cancellation: cancellation)
            evaluator = climber.evaluator
            model = result.model
            removedAt = result.removedAtStep
        case .exact:
            var optimizer = try ExactOptimizer(evaluator: evaluator, values: spec.training.values)
            optimizer.cancellation = cancellation
            let result = try optimizer.solve(drawSeed: StreamSeed.derive(runSeed, .posteriorDraw))
            evaluator = optimizer.evaluator
            model = result.model
            exactSummary = result
        }
        var kFit: Int?
        if spec.deception != nil {
            if let summary = exactSummary {
                kFit = summary.kFit
            } else if var fitter = try? ExactOptimizer(evaluator: evaluator, values: spec.training.values) {
                // A class too large for the exact decomposition still trains by hill climbing;
                // its K_fit is then absent rather than the run failing.
                fitter.cancellation = cancellation
                kFit = try fitter.fittingBudget()
                evaluator = fitter.evaluator
            }
        }
        var output = measure(model: model, evaluator: &evaluator, spec: spec, removedAt: removedAt, exact: exactSummary,
                             kFit: kFit, drawings: drawings, caption: caption)
        output.expansionsComputed = evaluator.expansionsComputed
        return output
    }

    /// The metrics of `model` (SCIENCE.md §3, DESIGN.md results.json).
    package static func measure(
        model: MesaModel, evaluator: inout TrainingEvaluator, spec: SimulationSpec, removedAt: Int?,
        exact: ExactSummary?, kFit: Int?, drawings: Bool, caption: String
    ) -> Output {
        let world = evaluator.world
        let modelClass = evaluator.modelClass
        let training = (0..<world.training.count).map { evaluator.trainingEpisode(model, instance: $0) }
        let deployment = (0..<world.deployment.count).map { evaluator.deploymentEpisode(model, instance: $0) }
        let totals = TrainingTotals(training)
        let deployTotals = TrainingTotals(deployment)
        let deployCount = Double(max(1, deployment.count))
        let defections = deployment.filter(\.defected).count
        let proxyEnds = deployment.filter { !$0.reachedGoal && world.deployment.proxy.contains[$0.endCell] }.count
        let used = modelClass.parametersInUse(model)
        let loss = evaluator.loss(parametersInUse: used, meanScore: totals.meanScore, meanExpansions: totals.meanExpansions)
        let removal = DetectorRemoval.measure(model, outcomes: training, loss: loss, evaluator: &evaluator)
        let aligned = AlignedObjective.measure(model, loss: loss, deployScore: deployTotals.meanScore, evaluator: &evaluator)
        let metrics = RunMetrics(
            train_score: totals.meanScore,
            deploy_score: deployTotals.meanScore,
            search_bits: modelClass.curve.bits[min(model.machinery, modelClass.curve.maxMachinery)],
            mesa_optimizer: totals.decisions > 0 && 2 * totals.searchDecisions >= totals.decisions ? 1 : 0,
            deceptive: model.hasDetector ? 1 : 0,
            defection_rate: Double(defections) / deployCount,
            deceptive_posterior: exact?.deceptivePosterior,
            deceptive_structure_share: exact?.deceptiveStructureShare,
            mesa_posterior: exact?.mesaPosterior,
            proxy_pursuit: Double(proxyEnds) / deployCount,
            expansions_per_episode: totals.meanExpansions,
            loss: loss,
            params_table: model.table.count,
            params_search: modelClass.searchParameters(model),
            params_detector: modelClass.detectorParameters(model),
            removed_at_step: spec.training.optimizer == .hill_climb ? removedAt : nil,
            k_fit: kFit,
            search_decision_share: totals.searchShare,
            budget: modelClass.budget,
            detector_cost: modelClass.detectorCost,
            false_positive_instances: removal?.firingInstances,
            false_positives_unsolved: removal?.unsolvedWithout,
            false_positives_solved: removal?.solvedWith,
            detector_removal_gain: removal?.gain,
            objective_goal_weight: model.machinery > 0 ? model.weightGoal : nil,
            objective_proxy_weight: model.machinery > 0 ? model.weightProxy : nil,
            aligned_loss_change: aligned?.lossChange,
            aligned_deploy_gain: aligned?.deployGain
        )
        var figures: [MazeDrawing] = []
        if drawings {
            if world.training.count > 0 {
                let outcome = evaluator.trainingEpisode(model, instance: 0, record: true)
                figures.append(drawing(world.training, 0, path: evaluator.lastPath, outcome: outcome,
                                       phase: "training", caption: "training instance 0 — " + caption))
            }
            if world.deployment.count > 0 {
                let outcome = evaluator.deploymentEpisode(model, instance: 0, record: true)
                figures.append(drawing(world.deployment, 0, path: evaluator.lastPath, outcome: outcome,
                                       phase: "deployment", caption: "deployment instance 0 — " + caption))
            }
        }
        return Output(metrics: metrics, drawings: figures)
    }

    private static func drawing(_ set: TaskSet, _ index: Int, path: [Int], outcome: EpisodeOutcome,
                                phase: String, caption: String) -> MazeDrawing {
        let instance = set.instances[index]
        let usesProxy = set.spec.goal == .region
        return MazeDrawing(caption: caption, phase: phase, width: instance.maze.width, height: instance.maze.height,
                           openings: instance.maze.openings, start: instance.start, goal: instance.goal,
                           proxy: usesProxy ? set.proxy.cells : [], path: path, defected: outcome.defected)
    }
}
