/// What the model would do with the goal-seeking objective in place of the one it learned:
/// the same model with w_goal = 1 and w_proxy = 0, evaluated on the same training and
/// deployment instances. It measures how much the mesa-objective matters to behaviour — and so
/// whether training could have told a pseudo-aligned objective from the aligned one.
///
/// One extra evaluation of every training and deployment instance, only for models with
/// search machinery.
package struct AlignedObjective: Sendable, Equatable {
    /// Training loss with the goal-seeking objective minus the model's own (same loss,
    /// penalties included): > 0 when the learned objective does better in training, 0 when
    /// training cannot tell the two apart, < 0 when the goal-seeking one would do better.
    package var lossChange: Double
    /// Deployment score with the goal-seeking objective minus the model's own.
    package var deployGain: Double

    /// The comparison for `model`, whose training loss is `loss` and deployment score
    /// `deployScore`; nil when the model has no search (no weights exist).
    package static func measure(_ model: MesaModel, loss: Double, deployScore: Double,
                                evaluator: inout TrainingEvaluator) -> AlignedObjective? {
        guard evaluator.modelClass.hasSearch(model) else { return nil }
        var aligned = model
        aligned.weightGoal = 1
        aligned.weightProxy = 0
        let world = evaluator.world
        let training = (0..<world.training.count).map { evaluator.trainingEpisode(aligned, instance: $0) }
        let deployment = TrainingTotals((0..<world.deployment.count).map { evaluator.deploymentEpisode(aligned, instance: $0) })
        return AlignedObjective(lossChange: evaluator.loss(aligned, outcomes: training) - loss,
                                deployGain: deployment.meanScore - deployScore)
    }
}
