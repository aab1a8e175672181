/// Trains a `two_circuit` learner in a regression world and measures it (docs/learned-worlds.md).
public enum RegressionTrainer {
    /// One run: `training.steps` Adam steps on minibatches of fresh sequences, with the metrics
    /// measured on the world's fixed evaluation sets (from `cache`, shared between runs and
    /// threads) at exactly 10 evenly spaced checkpoints, the last after the final step.
    ///
    /// `worldSeed` draws the tasks and the evaluation sets; `runSeed` the initialisation and the
    /// minibatches. The same arguments give bit-identical outcomes on any thread and machine of
    /// the same architecture and C library. `isCancelled` is checked before every step; when it
    /// returns true the run throws `CancellationError`. Invalid settings throw
    /// `RegressionSettingsError`.
    public static func train(world: RegressionWorldSettings, learner: TwoCircuitSettings, training: AdamTraining,
                             worldSeed: UInt64, runSeed: UInt64, cache: RegressionEvaluationCache,
                             isCancelled: () -> Bool) throws -> RegressionOutcome {
        if let problem = world.problem ?? learner.problem ?? trainingProblem(training) {
            throw RegressionSettingsError(message: problem)
        }
        if learner.dimension != world.dimension {
            throw RegressionSettingsError(message: "the learner's dimension \(learner.dimension) is not the world's \(world.dimension)")
        }
        if isCancelled() { throw CancellationError() }
        let evaluation = cache.evaluation(world, seed: worldSeed)
        var run = TwoCircuitRun<Float>(world: world, learner: learner, training: training, runSeed: runSeed,
                                       pool: evaluation.pool)
        let marks = checkpointSteps(training.steps)
        var checkpoints: [RegressionCheckpoint] = []
        var losses = [Double](repeating: 0, count: 10), counts = [Int](repeating: 0, count: 10)
        var next = 0
        while next < marks.count && marks[next] == 0 {
            checkpoints.append(RegressionCheckpoint(step: 0, metrics: measure(&run, evaluation)))
            next += 1
        }
        for step in 0..<training.steps {
            if isCancelled() { throw CancellationError() }
            let loss = run.step(step)
            let tenth = next < marks.count ? next : 9
            losses[tenth] += loss
            counts[tenth] += 1
            while next < marks.count && marks[next] == step + 1 {
                checkpoints.append(RegressionCheckpoint(step: step + 1, metrics: measure(&run, evaluation)))
                next += 1
            }
        }
        let curve = (0..<10).map { counts[$0] == 0 ? Double.nan : losses[$0] / Double(counts[$0]) }
        return RegressionOutcome(parameterCount: learner.parameterCount, final: checkpoints[checkpoints.count - 1].metrics,
                                 checkpoints: checkpoints, trainingLoss: curve)
    }

    /// The 10 checkpoint steps of a run of `steps`: k·steps/10 (integer division), k = 1 … 10.
    /// Below 10 steps some coincide (and some are 0: before training).
    public static func checkpointSteps(_ steps: Int) -> [Int] {
        (1...10).map { steps * $0 / 10 }
    }

    static func trainingProblem(_ training: AdamTraining) -> String? {
        if training.steps < 1 { return "steps must be at least 1 (it is \(training.steps))" }
        if training.batch < 1 { return "batch must be at least 1 (it is \(training.batch))" }
        if !(training.learningRate > 0) || !training.learningRate.isFinite {
            return "learning_rate must be positive (it is \(training.learningRate))"
        }
        if training.warmup < 0 { return "warmup must be at least 0 (it is \(training.warmup))" }
        if !(training.weightDecay >= 0) || !training.weightDecay.isFinite { return "weight decay must be at least 0" }
        return nil
    }

    /// The metrics of the run's current parameters.
    static func measure(_ run: inout TwoCircuitRun<Float>, _ evaluation: RegressionEvaluation) -> RegressionMetrics {
        let unseen = evaluation.unseen
        let (search, table, gate) = unseen.packed.withUnsafeBufferPointer {
            run.predict($0.baseAddress!, stride: unseen.stride, yy: unseen.yy, context: unseen.context)
        }
        let full = zip(search, table).map { gate * $0 + (1 - gate) * $1 }
        var metrics = RegressionMetrics()
        let mseUnseen = EvaluationSequences.meanSquare(full, unseen.targets)
        let mseSearch = EvaluationSequences.meanSquare(search, unseen.targets)
        let mseTable = EvaluationSequences.meanSquare(table, unseen.targets)
        metrics.mseUnseen = finite(mseUnseen)
        metrics.mseSearchOnly = finite(mseSearch)
        metrics.mseTableOnly = finite(mseTable)
        metrics.searchReliance = finite(reliance(mseUnseen, without: mseTable))
        metrics.tableReliance = finite(reliance(mseUnseen, without: mseSearch))
        metrics.iclGate = finite(gate)
        metrics.temperature = finite(Double(Float.exponential(run.parameters[run.layout.scalars][0])))
        metrics.mseRidge = evaluation.mseRidge
        metrics.ridgeSquare = evaluation.ridgeSquare
        let distRidge = EvaluationSequences.meanSquare(full, unseen.ridge)
        metrics.distRidge = finite(distRidge)
        if let seen = evaluation.seen, let dmmse = evaluation.unseenDmmse, let gap = evaluation.baselineGap {
            let (s, t, g) = seen.packed.withUnsafeBufferPointer {
                run.predict($0.baseAddress!, stride: seen.stride, yy: seen.yy, context: seen.context)
            }
            let seenFull = zip(s, t).map { g * $0 + (1 - g) * $1 }
            metrics.mseSeen = finite(EvaluationSequences.meanSquare(seenFull, seen.targets))
            metrics.generalizationGap = metrics.mseSeen.flatMap { seenError in finite(mseUnseen - seenError) }
            metrics.mseDmmse = evaluation.mseDmmse
            metrics.mseRidgeSeen = evaluation.mseRidgeSeen
            metrics.mseDmmseSeen = evaluation.mseDmmseSeen
            metrics.baselineGap = gap
            let distDmmse = EvaluationSequences.meanSquare(full, dmmse)
            metrics.distDmmse = finite(distDmmse)
            if distRidge.isFinite && distDmmse.isFinite {
                metrics.mesaOptimizer = mesaOptimizer(distRidge: distRidge, distDmmse: distDmmse, gap: gap,
                                                      ridgeSquare: evaluation.ridgeSquare) ? 1 : 0
            }
        }
        return metrics
    }

    /// clip(1 − full / ablated, 0, 1).
    static func reliance(_ full: Double, without ablated: Double) -> Double {
        guard ablated > 0 else { return 0 }
        return min(1, max(0, 1 - full / ablated))
    }

    /// The regression world's `mesa_optimizer` (docs/learned-worlds.md): the model tracks ridge —
    /// dist_ridge < ½·E[ridge²], so predicting 0 (dist_ridge = E[ridge²]) never counts — and,
    /// where the baselines differ (Δ ≥ 0.05·E[ridge²]), is nearer ridge than dMMSE by a tenth
    /// of Δ.
    public static func mesaOptimizer(distRidge: Double, distDmmse: Double, gap: Double, ridgeSquare: Double) -> Bool {
        guard distRidge < 0.5 * ridgeSquare else { return false }
        if gap < 0.05 * ridgeSquare { return true }
        return distRidge < distDmmse - 0.1 * gap
    }

    static func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }
}
