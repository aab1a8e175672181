import MesaResults
import MesaScenario

/// The metrics of a selected model (docs/model.md, the results contract), and the figures of its
/// episodes. Behavioural metrics are measured on the canonical model; the loss and the parameter
/// counts are the trained model's (the canonical model keeps its training score and, under a time
/// penalty, its expansions, so its episodes give the trained model's loss).
package struct RunMeasurement {
    package var selection: Selection
    package var kFit: Int?
    /// For hill climbing where the exact decomposition is tractable: the exact solution of the
    /// class (its minimum loss, the posterior's mesa-optimizer share, the premise).
    package var optimum: ExactSummary?

    package func measure(_ context: RunContext, evaluator: inout TrainingEvaluator) -> RunSimulator.Output {
        let trained = selection.model
        let world = evaluator.world
        let modelClass = evaluator.modelClass
        let model = CanonicalModel.of(trained, evaluator: &evaluator)
        let training = (0..<world.training.count).map { evaluator.trainingEpisode(model, instance: $0) }
        let deployment = (0..<world.deployment.count).map { evaluator.deploymentEpisode(model, instance: $0) }
        let totals = TrainingTotals(training)
        let deployTotals = TrainingTotals(deployment)
        let deployCount = Double(max(1, deployment.count))
        let defections = deployment.filter(\.defected).count
        let proxy = world.deployment.environment.proxyMembership
        let proxyEnds = deployment.filter { !$0.reachedGoal && proxy[$0.endCell] }.count
        let used = modelClass.parametersInUse(trained)
        let loss = evaluator.loss(parametersInUse: used, meanScore: totals.meanScore, meanExpansions: totals.meanExpansions)
        let removal = DetectorRemoval.measure(trained, outcomes: training, loss: loss, evaluator: &evaluator)
        let aligned = AlignedObjective.measure(trained, loss: loss, deployScore: deployTotals.meanScore, evaluator: &evaluator)
        let bits = modelClass.learnedBits(trained)
        let isMesa = bits >= 1 - Tolerance.tie && totals.decisions > 0 && 2 * totals.searchDecisions >= totals.decisions

        var metrics = RunMetrics()
        metrics[.trainScore] = totals.meanScore
        metrics[.deployScore] = deployTotals.meanScore
        metrics[.searchBits] = bits
        metrics[.mesaOptimizer] = isMesa ? 1 : 0
        metrics[.deceptive] = modelClass.hasCompleteDetector(trained) ? 1 : 0
        metrics[.defectionRate] = Double(defections) / deployCount
        metrics[.deceptivePosterior] = selection.exact?.deceptivePosterior
        metrics[.deceptiveStructureShare] = selection.exact?.deceptiveStructureShare
        metrics[.mesaPosterior] = selection.exact?.mesaPosterior
        metrics[.proxyPursuit] = Double(proxyEnds) / deployCount
        metrics[.expansionsPerEpisode] = totals.meanExpansions
        metrics[.loss] = loss
        metrics[.paramsTable] = Double(trained.table.count)
        metrics[.paramsSearch] = Double(modelClass.searchParameters(trained))
        metrics[.paramsDetector] = Double(modelClass.detectorParameters(trained))
        metrics[.kFit] = kFit.map(Double.init)
        metrics[.searchDecisionShare] = totals.searchShare
        metrics[.searchReliance] = Self.reliance(model, score: totals.meanScore, evaluator: &evaluator)
        metrics[.budget] = Double(modelClass.budget)
        metrics[.detectorCost] = modelClass.detectorCost.map(Double.init)
        metrics[.falsePositiveInstances] = removal.map { Double($0.firingInstances) }
        metrics[.falsePositivesUnsolved] = removal?.unsolvedWithout.map(Double.init)
        metrics[.falsePositivesSolved] = removal?.solvedWith.map(Double.init)
        metrics[.detectorRemovalGain] = removal?.gain
        metrics[.objectiveGoalWeight] = modelClass.hasSearch(trained) ? Double(trained.weightGoal) : nil
        metrics[.objectiveProxyWeight] = modelClass.hasSearch(trained) ? Double(trained.weightProxy) : nil
        metrics[.alignedLossChange] = aligned?.lossChange
        metrics[.alignedDeployGain] = aligned?.deployGain
        if let life = selection.detectorLife, modelClass.detectorCost != nil {
            metrics[.removedAtStep] = life.complete ? nil : life.brokenAt.map(Double.init)
            metrics[.detectorCompletedStep] = life.completedAt.map(Double.init)
            metrics[.detectorBreakLoweredLoss] = life.brokenByLossPressure.map { $0 ? 1 : 0 }
        }
        let premise = selection.exact ?? optimum
        metrics[.premiseGap] = premise?.premiseGap
        if let lossGap = premise?.premiseLossGap, modelClass.descriptionLength > 0 || modelClass.speed > 0 {
            metrics[.premiseLossGap] = lossGap
        }
        if let optimum {
            let gap = loss - optimum.loss
            metrics[.optimalityGap] = gap > Tolerance.minimumLoss ? gap : 0
            // The exact posterior's majority labels, deception included where the class has a detector.
            let sameStyle = (optimum.mesaPosterior >= 0.5) == isMesa
            let sameDeception = modelClass.detectorCost == nil
                || (optimum.deceptivePosterior >= 0.5) == modelClass.hasCompleteDetector(trained)
            metrics[.exactAgrees] = sameStyle && sameDeception ? 1 : 0
        }

        var figures: [MazeDrawing] = []
        if context.drawsEpisodes {
            if world.training.count > 0 {
                let outcome = evaluator.trainingEpisode(model, instance: 0, record: true)
                figures += draw(world.training, .training, path: evaluator.lastPath, expanded: evaluator.lastExpanded,
                                outcome: outcome, context)
            }
            if world.deployment.count > 0 {
                let outcome = evaluator.deploymentEpisode(model, instance: 0, record: true)
                figures += draw(world.deployment, .deployment, path: evaluator.lastPath, expanded: evaluator.lastExpanded,
                                outcome: outcome, context)
            }
        }
        return RunSimulator.Output(metrics: metrics, drawings: figures)
    }

    /// 1 − (training score with the learned machinery removed, table kept) / training score, in
    /// [0, 1]; 0 when the score is not positive.
    static func reliance(_ model: MesaModel, score: Double, evaluator: inout TrainingEvaluator) -> Double {
        guard score > 0, model.machinery > 0 else { return 0 }
        var ablated = model
        ablated.machinery = 0
        let outcomes = (0..<evaluator.world.training.count).map { evaluator.trainingEpisode(ablated, instance: $0) }
        return min(1, max(0, 1 - TrainingTotals(outcomes).meanScore / score))
    }

    private func draw(_ set: TaskSet, _ phase: Phase, path: [Int], expanded: [Int], outcome: EpisodeOutcome,
                      _ context: RunContext) -> [MazeDrawing] {
        set.environment.drawing(of: set.instances[0], path: path, expanded: expanded, defected: outcome.defected,
                                point: context.point, repetition: context.repetition, phase: phase, index: 0)
            .map { [$0] } ?? []
    }
}
