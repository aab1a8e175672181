import MesaLearning
import MesaResults
import MesaScenario

/// One run of the regression world (SCIENCE.md §7.1): train the scenario's learner with Adam on the
/// run's pool of tasks, and measure it on the world's fixed evaluation sets at ten checkpoints and
/// at the end. The numerics live in MesaLearning; this type translates settings in and metrics out.
enum RegressionRun {
    static func run(_ context: RunContext) throws -> RunSimulator.Output {
        let spec = context.spec.regression
        let cancellation = context.cancellation
        let outcome = try RegressionTrainer.train(
            world: worldSettings(spec), learner: learnerSettings(spec), training: training(spec),
            worldSeed: context.worldSeed, runSeed: context.runSeed,
            cache: (context.learnedCache ?? LearnedWorldCache()).regression,
            isCancelled: { cancellation?.isCancelled ?? false })
        var output = RunSimulator.Output(metrics: metrics(outcome.final, parameterCount: outcome.parameterCount), drawings: [])
        output.checkpoints = outcome.checkpoints.map {
            Checkpoint(step: $0.step, metrics: metrics($0.metrics, parameterCount: outcome.parameterCount))
        }
        return output
    }

    static func worldSettings(_ spec: RegressionSpec) -> RegressionWorldSettings {
        RegressionWorldSettings(
            dimension: spec.dimension, context: spec.context, noise: spec.noise, tasks: spec.tasks,
            evaluationContext: spec.evaluationContext ?? spec.context, evaluationNoise: spec.evaluationNoise ?? spec.noise,
            unseenTasks: spec.unseenTasks, evaluationSequences: spec.evaluationSequences)
    }

    static func learnerSettings(_ spec: RegressionSpec) -> TwoCircuitSettings {
        TwoCircuitSettings(dimension: spec.dimension, searchSteps: spec.searchSteps, memory: spec.memorySlots)
    }

    static func training(_ spec: RegressionSpec) -> AdamTraining {
        let schedule: LearningRateSchedule
        switch spec.schedule {
        case .constant: schedule = .constant
        case .cosine: schedule = .cosine
        }
        return AdamTraining(steps: spec.steps, batch: spec.batch, learningRate: spec.learningRate,
                            warmup: spec.warmup, schedule: schedule)
    }

    /// The registry's metrics from the learner's measurement; absent ones stay absent.
    static func metrics(_ measured: RegressionMetrics, parameterCount: Int) -> RunMetrics {
        var metrics = RunMetrics()
        metrics[.mseUnseen] = measured.mseUnseen
        metrics[.mseSeen] = measured.mseSeen
        metrics[.generalizationGap] = measured.generalizationGap
        metrics[.mseRidge] = measured.mseRidge
        metrics[.mseDmmse] = measured.mseDmmse
        metrics[.distRidge] = measured.distRidge
        metrics[.distDmmse] = measured.distDmmse
        metrics[.baselineGap] = measured.baselineGap
        metrics[.ridgePower] = measured.ridgeSquare
        metrics[.searchReliance] = measured.searchReliance
        metrics[.tableReliance] = measured.tableReliance
        metrics[.iclGate] = measured.iclGate
        metrics[.mesaOptimizer] = measured.mesaOptimizer.map(Double.init)
        metrics[.budget] = Double(parameterCount)
        return metrics
    }
}
