import MesaResults
import MesaScenario

/// The metrics of a selected model (SCIENCE.md §3, the results contract), and the figures of its
/// episodes.
package struct RunMeasurement {
    package var selection: Selection
    package var kFit: Int?

    package func measure(_ context: RunContext, evaluator: inout TrainingEvaluator) -> RunSimulator.Output {
        let model = selection.model
        let world = evaluator.world
        let modelClass = evaluator.modelClass
        let training = (0..<world.training.count).map { evaluator.trainingEpisode(model, instance: $0) }
        let deployment = (0..<world.deployment.count).map { evaluator.deploymentEpisode(model, instance: $0) }
        let totals = TrainingTotals(training)
        let deployTotals = TrainingTotals(deployment)
        let deployCount = Double(max(1, deployment.count))
        let defections = deployment.filter(\.defected).count
        let proxy = world.deployment.environment.proxyMembership
        let proxyEnds = deployment.filter { !$0.reachedGoal && proxy[$0.endCell] }.count
        let used = modelClass.parametersInUse(model)
        let loss = evaluator.loss(parametersInUse: used, meanScore: totals.meanScore, meanExpansions: totals.meanExpansions)
        let removal = DetectorRemoval.measure(model, outcomes: training, loss: loss, evaluator: &evaluator)
        let aligned = AlignedObjective.measure(model, loss: loss, deployScore: deployTotals.meanScore, evaluator: &evaluator)

        var metrics = RunMetrics()
        metrics[.trainScore] = totals.meanScore
        metrics[.deployScore] = deployTotals.meanScore
        metrics[.searchBits] = modelClass.curve.bits[min(model.machinery, modelClass.curve.maxMachinery)]
        metrics[.mesaOptimizer] = totals.decisions > 0 && 2 * totals.searchDecisions >= totals.decisions ? 1 : 0
        metrics[.deceptive] = model.hasDetector ? 1 : 0
        metrics[.defectionRate] = Double(defections) / deployCount
        metrics[.deceptivePosterior] = selection.exact?.deceptivePosterior
        metrics[.deceptiveStructureShare] = selection.exact?.deceptiveStructureShare
        metrics[.mesaPosterior] = selection.exact?.mesaPosterior
        metrics[.proxyPursuit] = Double(proxyEnds) / deployCount
        metrics[.expansionsPerEpisode] = totals.meanExpansions
        metrics[.loss] = loss
        metrics[.paramsTable] = Double(model.table.count)
        metrics[.paramsSearch] = Double(modelClass.searchParameters(model))
        metrics[.paramsDetector] = Double(modelClass.detectorParameters(model))
        metrics[.removedAtStep] = context.spec.training.optimizer == .hillClimb ? selection.removedAtStep.map(Double.init) : nil
        metrics[.kFit] = kFit.map(Double.init)
        metrics[.searchDecisionShare] = totals.searchShare
        metrics[.budget] = Double(modelClass.budget)
        metrics[.detectorCost] = modelClass.detectorCost.map(Double.init)
        metrics[.falsePositiveInstances] = removal.map { Double($0.firingInstances) }
        metrics[.falsePositivesUnsolved] = removal?.unsolvedWithout.map(Double.init)
        metrics[.falsePositivesSolved] = removal?.solvedWith.map(Double.init)
        metrics[.detectorRemovalGain] = removal?.gain
        metrics[.objectiveGoalWeight] = model.machinery > 0 ? Double(model.weightGoal) : nil
        metrics[.objectiveProxyWeight] = model.machinery > 0 ? Double(model.weightProxy) : nil
        metrics[.alignedLossChange] = aligned?.lossChange
        metrics[.alignedDeployGain] = aligned?.deployGain

        var figures: [MazeDrawing] = []
        if context.drawsEpisodes {
            if world.training.count > 0 {
                let outcome = evaluator.trainingEpisode(model, instance: 0, record: true)
                figures += draw(world.training, .training, path: evaluator.lastPath, outcome: outcome, context)
            }
            if world.deployment.count > 0 {
                let outcome = evaluator.deploymentEpisode(model, instance: 0, record: true)
                figures += draw(world.deployment, .deployment, path: evaluator.lastPath, outcome: outcome, context)
            }
        }
        return RunSimulator.Output(metrics: metrics, drawings: figures)
    }

    private func draw(_ set: TaskSet, _ phase: Phase, path: [Int], outcome: EpisodeOutcome,
                      _ context: RunContext) -> [MazeDrawing] {
        set.environment.drawing(of: set.instances[0], path: path, defected: outcome.defected, point: context.point,
                                repetition: context.repetition, phase: phase, index: 0).map { [$0] } ?? []
    }
}
