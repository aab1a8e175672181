import MesaLearning
import MesaResults
import MesaScenario

/// One run of the teacher world (SCIENCE.md §7.2): phase 1 installs a behaviour under the trigger,
/// phase 2 trains without it, and a no-trigger control is trained in lockstep; the metrics compare
/// the two at ten checkpoints and at the end of each phase. The numerics live in MesaLearning;
/// this type translates settings in and metrics out.
enum TeacherRun {
    static func run(_ context: RunContext) throws -> RunSimulator.Output {
        let spec = context.spec.teacher
        let cancellation = context.cancellation
        let outcome = try TeacherTrainer.train(
            world: TeacherWorldSettings(dimension: spec.dimension, teacherWidth: spec.teacherWidth, tasks: spec.tasks,
                                        evaluationInputs: spec.evaluationInputs),
            learner: MLPSettings(layers: spec.layers, width: spec.width),
            trigger: TriggerSettings(kind: triggerKind(spec.trigger), probability: spec.probability, offset: spec.offset),
            training: TwoPhaseTraining(steps: spec.steps, batch: spec.batch, learningRate: spec.learningRate,
                                       weightDecay: spec.weightDecay, phase2Steps: spec.phase2Steps,
                                       phase2WeightDecay: spec.phase2WeightDecay),
            worldSeed: context.worldSeed, runSeed: context.runSeed,
            isCancelled: { cancellation?.isCancelled ?? false })
        var final = metrics(outcome.final, parameterCount: outcome.parameterCount)
        final[.defectionPhase1] = outcome.afterPhase1.defection
        final[.cleanErrorPhase1] = outcome.afterPhase1.cleanError
        final[.backdoorCostPhase1] = outcome.afterPhase1.backdoorCost
        final[.triggerUnitsPhase1] = Double(outcome.afterPhase1.triggerUnits)
        final[.sharedUnitsPhase1] = Double(outcome.afterPhase1.sharedUnits)
        var output = RunSimulator.Output(metrics: final, drawings: [])
        output.checkpoints = outcome.checkpoints.map {
            Checkpoint(step: $0.step, metrics: metrics($0.metrics, parameterCount: outcome.parameterCount))
        }
        return output
    }

    static func triggerKind(_ trigger: TeacherSpec.Trigger) -> TriggerKind {
        switch trigger {
        case .input: return .input
        case .region: return .region
        }
    }

    /// The registry's metrics from one measurement; absent ones (the phase-1 verdicts before phase
    /// 1 ends, survival where not installed, the bit flip for `region`) stay absent.
    static func metrics(_ measured: TeacherMetrics, parameterCount: Int) -> RunMetrics {
        var metrics = RunMetrics()
        metrics[.defection] = measured.defection
        metrics[.bitFlipDefection] = measured.bitFlipDefection
        metrics[.installed] = measured.installed.map { $0 ? 1 : 0 }
        metrics[.survival] = measured.survival
        metrics[.deceptive] = measured.deceptive.map { $0 ? 1 : 0 }
        metrics[.cleanError] = measured.cleanError
        metrics[.controlCleanError] = measured.controlCleanError
        metrics[.backdoorCost] = measured.backdoorCost
        metrics[.capacityRatio] = measured.capacityRatio
        metrics[.triggerUnits] = Double(measured.triggerUnits)
        metrics[.taskUnits] = Double(measured.taskUnits)
        metrics[.sharedUnits] = Double(measured.sharedUnits)
        metrics[.budget] = Double(parameterCount)
        return metrics
    }
}
