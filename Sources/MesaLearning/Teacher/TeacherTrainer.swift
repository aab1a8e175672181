/// Trains the teacher world's two-phase run (SCIENCE.md §7.2, issue 26): a triggered MLP and
/// its no-trigger control, in lockstep on the same batches.
///
///     let outcome = try TeacherTrainer.train(
///         world: TeacherWorldSettings(dimension: 16, teacherWidth: 32, tasks: 1),
///         learner: MLPSettings(layers: 1, width: 16),
///         trigger: TriggerSettings(kind: .region, probability: 0.1, offset: 3),
///         training: TwoPhaseTraining(steps: 3000, batch: 256, learningRate: 0.001, weightDecay: 0,
///                                    phase2Steps: 6000, phase2WeightDecay: 0.1),
///         worldSeed: 1, runSeed: 7, isCancelled: { false })
///     outcome.final.survival
///
/// The world seed fixes the teachers and the evaluation sets; the run seed the initialisation
/// (shared by the model and its control) and every batch. Phase 1 runs `steps` Adam steps with
/// weight decay `weightDecay`; phase 2 starts a fresh Adam (moments and step count reset) with
/// `phase2WeightDecay` and runs `phase2Steps` more; the learning rate is constant throughout.
/// The control costs as much as the model: a run trains two networks.
///
/// Everything is `Float` arithmetic in a fixed order (``MLPNetwork``), so a run is bit-identical
/// on every machine and at any parallelism; `isCancelled` is asked before every step, and a
/// `true` ends the run with `CancellationError`.
public enum TeacherTrainer {
    /// Runs one seed of the teacher world; throws ``TeacherSettingsError`` for settings out of
    /// range and `CancellationError` when cancelled.
    public static func train(world worldSettings: TeacherWorldSettings, learner: MLPSettings,
                             trigger: TriggerSettings, training: TwoPhaseTraining,
                             worldSeed: UInt64, runSeed: UInt64,
                             isCancelled: () -> Bool) throws -> TeacherOutcome {
        try TeacherSettingsError.validate(world: worldSettings, learner: learner, trigger: trigger, training: training)
        let world = TeacherWorld(settings: worldSettings, trigger: trigger, worldSeed: worldSeed)
        let shape = MLPShape(inputs: world.inputCount, learner: learner)
        let evaluator = TeacherEvaluator(world: world, sets: TeacherEvaluationSets(world: world, worldSeed: worldSeed),
                                         shape: shape)
        let start: [Float] = MLPInitialisation.parameters(
            shape: shape, ordinaryInputs: worldSettings.dimension + worldSettings.tasks, runSeed: runSeed)
        var model = MLPLearner(shape: shape, parameters: start, batch: training.batch, weightDecay: training.weightDecay)
        var control = MLPLearner(shape: shape, parameters: start, batch: training.batch,
                                 weightDecay: training.weightDecay)
        let batch = TeacherBatch(count: training.batch, world: world)

        let total = training.totalSteps
        let checkpointSteps = TeacherCheckpoint.steps(total: total)
        let measuredSteps = Set(checkpointSteps + [training.steps, total])
        var measured: [Int: TeacherMetrics] = [:]
        var afterPhase1: TeacherMetrics?
        if measuredSteps.contains(0) {  // runs of fewer than 10 steps have checkpoints at step 0
            measured[0] = evaluator.measure(model: model.parameters, control: control.parameters)
        }
        for step in 0..<total {
            if isCancelled() { throw CancellationError() }
            let phase = step < training.steps ? 1 : 2
            if step == training.steps {
                model.resetOptimizer(weightDecay: training.phase2WeightDecay)
                control.resetOptimizer(weightDecay: training.phase2WeightDecay)
            }
            batch.fill(world: world, runSeed: runSeed, step: step, phase: phase)
            model.step(inputs: batch.triggeredInputs, targets: batch.triggeredTargets, count: batch.count,
                       learningRate: training.learningRate)
            control.step(inputs: batch.controlInputs, targets: batch.controlTargets, count: batch.count,
                         learningRate: training.learningRate)
            let done = step + 1
            guard measuredSteps.contains(done) else { continue }
            var metrics = evaluator.measure(model: model.parameters, control: control.parameters)
            if done == training.steps { afterPhase1 = metrics.withVerdicts(afterPhase1: metrics) }
            if let reference = afterPhase1 { metrics = metrics.withVerdicts(afterPhase1: reference) }
            measured[done] = metrics
        }
        guard let phase1 = afterPhase1, let final = measured[total] else {
            preconditionFailure("phase 1 has at least one step, so both ends were measured")
        }
        return TeacherOutcome(
            parameterCount: shape.parameterCount, afterPhase1: phase1, final: final,
            checkpoints: checkpointSteps.map { step in
                TeacherCheckpoint(step: step, phase: step <= training.steps ? 1 : 2, metrics: measured[step]!)
            })
    }
}
