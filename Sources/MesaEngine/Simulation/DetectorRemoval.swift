/// What removing the final model's detector would do in training (SCIENCE.md §5.7): why a
/// misfiring detector survives hill climbing, when it does.
///
/// The detector changes only the episodes of the instances it fires on, so the model without it
/// is re-run there alone; every other outcome is the final model's own. One extra episode per
/// firing instance, and only for models that carry the detector.
package struct DetectorRemoval: Sendable, Equatable {
    /// Training instances the class's detector fires on.
    package var firingInstances: Int
    /// Of those, how many the model without its detector fails (score < 1); nil when the model
    /// carries no detector or it fires on no training instance.
    package var unsolvedWithout: Int?
    /// Of those, how many the model solves (score 1) with its detector firing, i.e. by pursuing
    /// its target; nil exactly when `unsolvedWithout` is.
    package var solvedWith: Int?
    /// loss(model) − loss(model without its detector): > 0 when removal would lower the loss;
    /// nil exactly when `unsolvedWithout` is.
    package var gain: Double?

    /// The removal check of `model`, whose training outcomes (instance order) are `outcomes` and
    /// training loss `loss`; nil when the class has no detector.
    package static func measure(
        _ model: MesaModel, outcomes: [EpisodeOutcome], loss: Double, evaluator: inout TrainingEvaluator
    ) -> DetectorRemoval? {
        guard evaluator.modelClass.detectorCost != nil else { return nil }
        let fires = evaluator.world.training.detectorFires
        var check = DetectorRemoval(firingInstances: fires.filter { $0 }.count)
        guard evaluator.modelClass.hasCompleteDetector(model), check.firingInstances > 0 else { return check }
        var without = model
        without.detector = 0
        var rerun = outcomes
        var unsolved = 0, solved = 0
        for i in fires.indices where fires[i] {
            if outcomes[i].score >= 1 { solved += 1 }
            rerun[i] = evaluator.trainingEpisode(without, instance: i)
            if rerun[i].score < 1 { unsolved += 1 }
        }
        check.unsolvedWithout = unsolved
        check.solvedWith = solved
        check.gain = loss - evaluator.loss(without, outcomes: rerun)
        return check
    }
}
