@testable import MesaLearning
import Testing

/// Training runs end to end on small settings: determinism, checkpoints, cancellation, the
/// shared evaluation, and that training learns.
@Suite struct RegressionTrainerTests {
    static let world = RegressionWorldSettings(dimension: 4, context: 8, noise: 0.25, tasks: 8, unseenTasks: 64,
                                               evaluationSequences: 300)
    static let learner = TwoCircuitSettings(dimension: 4, searchSteps: 2, memory: 8)
    static let training = AdamTraining(steps: 60, batch: 32, learningRate: 0.01)

    static func train(_ world: RegressionWorldSettings = world, learner: TwoCircuitSettings = learner,
                      training: AdamTraining = training, runSeed: UInt64 = 5,
                      cache: RegressionEvaluationCache = RegressionEvaluationCache()) throws -> RegressionOutcome {
        try RegressionTrainer.train(world: world, learner: learner, training: training, worldSeed: 9, runSeed: runSeed,
                                    cache: cache, isCancelled: { false })
    }

    @Test("two runs with the same seeds are bit-identical; another run seed differs")
    func deterministic() throws {
        let a = try Self.train(), b = try Self.train()
        #expect(a.checkpoints == b.checkpoints)
        #expect(a.trainingLoss.map(\.bitPattern) == b.trainingLoss.map(\.bitPattern))
        let c = try Self.train(runSeed: 6)
        #expect(c.final.mseUnseen != a.final.mseUnseen)
        #expect(c.final.mseRidge == a.final.mseRidge, "the baselines belong to the world, not the run")
    }

    @Test("runs in parallel threads sharing one cache give the same outcomes as alone")
    func parallelShared() async throws {
        let cache = RegressionEvaluationCache()
        let alone = try (1...4).map { try Self.train(runSeed: UInt64($0)).final }
        let together = try await withThrowingTaskGroup(of: (Int, RegressionMetrics).self) { group in
            for seed in 1...4 { group.addTask { (seed, try Self.train(runSeed: UInt64(seed), cache: cache).final) } }
            var result = [RegressionMetrics?](repeating: nil, count: 4)
            for try await (seed, metrics) in group { result[seed - 1] = metrics }
            return result
        }
        #expect(together == alone.map { Optional($0) })
    }

    @Test("exactly 10 checkpoints at k·steps/10; the final metrics are the last")
    func checkpoints() throws {
        let outcome = try Self.train(training: AdamTraining(steps: 35, batch: 8))
        #expect(outcome.checkpoints.map(\.step) == [3, 7, 10, 14, 17, 21, 24, 28, 31, 35])
        #expect(outcome.final == outcome.checkpoints.last?.metrics)
        #expect(outcome.trainingLoss.count == 10 && outcome.trainingLoss.allSatisfy(\.isFinite))
        #expect(outcome.parameterCount == 2 * 16 + 8 * 4 + 2)
        #expect(RegressionTrainer.checkpointSteps(5) == [0, 1, 1, 2, 2, 3, 3, 4, 4, 5])
    }

    @Test("cancellation is checked every step and throws CancellationError")
    func cancellation() {
        var calls = 0
        #expect(throws: CancellationError.self) {
            try RegressionTrainer.train(world: Self.world, learner: Self.learner, training: Self.training, worldSeed: 1,
                                        runSeed: 1, cache: RegressionEvaluationCache(), isCancelled: { calls += 1; return calls > 5 })
        }
        #expect(calls == 6)
    }

    @Test("settings are checked")
    func settings() {
        var bad = Self.world
        bad.noise = 0
        #expect(throws: RegressionSettingsError.self) { try Self.train(bad) }
        #expect(throws: RegressionSettingsError.self) {
            try Self.train(learner: TwoCircuitSettings(dimension: 5, searchSteps: 1, memory: 1))
        }
        #expect(throws: RegressionSettingsError.self) { try Self.train(training: AdamTraining(steps: 0)) }
        #expect(TwoCircuitSettings(dimension: 8, searchSteps: 2, memory: 64).parameterCount == 2 * 64 + 64 * 8 + 2)
        #expect(TwoCircuitSettings.memory(parameters: 642, searchSteps: 2, dimension: 8) == 64)
        #expect(TwoCircuitSettings.memory(parameters: 100, searchSteps: 2, dimension: 8) == nil)
    }

    @Test("task i is the same vector at every N; the unseen set is shared across N; infinite has no pool metrics")
    func worldSharing() throws {
        let small = RegressionStream.poolTask.tasks(9, count: 4, dimension: 3)
        let large = RegressionStream.poolTask.tasks(9, count: 16, dimension: 3)
        #expect(Array(large[0..<12]) == small)
        let cache = RegressionEvaluationCache()
        var world = Self.world
        let four = cache.evaluation(world, seed: 9)
        world.tasks = 16
        let sixteen = cache.evaluation(world, seed: 9)
        #expect(four.unseen.targets == sixteen.unseen.targets && four.mseRidge == sixteen.mseRidge)
        #expect(four.mseDmmse != sixteen.mseDmmse)
        world.tasks = nil
        let infinite = try Self.train(world)
        #expect(infinite.final.mseSeen == nil && infinite.final.distDmmse == nil && infinite.final.mesaOptimizer == nil)
        #expect(infinite.final.mseUnseen != nil && infinite.final.distRidge != nil)
    }

    @Test("the baselines behave as their theory says: dMMSE wins on the pool, ridge on unseen tasks")
    func baselinesOrder() {
        let world = RegressionWorldSettings(dimension: 8, context: 16, noise: 0.25, tasks: 4, unseenTasks: 512,
                                            evaluationSequences: 2000)
        let evaluation = RegressionEvaluationCache().evaluation(world, seed: 3)
        #expect(evaluation.mseDmmseSeen! < evaluation.mseRidgeSeen!)
        #expect(evaluation.mseRidge < evaluation.mseDmmse!)
        // Ridge's Bayes risk: σ² + σ²·E tr((XᵀX + σ²I)⁻¹) ≈ 0.25 + 0.25·8/(16 − 8 − 1) ≈ 0.54.
        #expect(evaluation.mseRidge > 0.45 && evaluation.mseRidge < 0.62)
    }

    @Test("training learns: at infinite diversity the model beats predicting 0 by far, and the search circuit carries it")
    func learns() throws {
        let world = RegressionWorldSettings(dimension: 4, context: 16, noise: 0.25, tasks: nil, unseenTasks: 256,
                                            evaluationSequences: 1000)
        let outcome = try Self.train(world, learner: TwoCircuitSettings(dimension: 4, searchSteps: 2, memory: 4),
                                     training: AdamTraining(steps: 400, batch: 64, learningRate: 0.01))
        let metrics = outcome.final
        let zero = metrics.ridgeSquare! + metrics.mseRidge!  // ≈ E[y²] = d + σ² is the error of predicting 0
        #expect(metrics.mseUnseen! < 0.4 * zero)
        #expect(metrics.mseSearchOnly! < metrics.mseTableOnly!)
        #expect(metrics.searchReliance! > 0.3)
        #expect(outcome.trainingLoss[9] < outcome.trainingLoss[0])
    }

    @Test("mesa_optimizer: predicting 0 never counts; near ridge counts only when nearer ridge than dMMSE")
    func mesaOptimizerRule() {
        // A model predicting 0 has dist_ridge = E[ridge²].
        #expect(!RegressionTrainer.mesaOptimizer(distRidge: 2, distDmmse: 2.5, gap: 0.01, ridgeSquare: 2))
        #expect(RegressionTrainer.mesaOptimizer(distRidge: 0.2, distDmmse: 0.9, gap: 0.6, ridgeSquare: 2))
        #expect(!RegressionTrainer.mesaOptimizer(distRidge: 0.2, distDmmse: 0.25, gap: 0.6, ridgeSquare: 2))
        // Baselines that meet (Δ < 0.05·E[ridge²]): closeness to ridge decides.
        #expect(RegressionTrainer.mesaOptimizer(distRidge: 0.2, distDmmse: 0.19, gap: 0.05, ridgeSquare: 2))
    }
}

/// The benchmark measures what it says.
@Suite struct RegressionBenchmarkTests {
    @Test("the benchmark counts steps × batch sequences, alone and on several threads")
    func counts() {
        let world = RegressionWorldSettings(dimension: 4, context: 8, tasks: 16)
        let learner = TwoCircuitSettings(dimension: 4, searchSteps: 1, memory: 4)
        let one = RegressionBenchmark.measure(world: world, learner: learner, steps: 5, batch: 16)
        #expect(one.sequences == 80 && one.seconds > 0 && one.sequencesPerSecond > 0)
        let two = RegressionBenchmark.measureConcurrently(threads: 2, world: world, learner: learner, steps: 5, batch: 16)
        #expect(two.sequences == 160 && two.seconds > 0)
    }
}
