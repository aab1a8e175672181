import Dispatch

/// Training throughput of the regression world, for `mesascope bench` and docs/performance.md:
/// Adam steps on fresh minibatches (data generation, forward, backward, update), no evaluation.
public enum RegressionBenchmark {
    /// The reference configuration, the same as bench/jax/two_circuit.py: d = 8, n = 16,
    /// σ² = 0.25, N = 1024, s = 2, m = 64, batch 256.
    public static let world = RegressionWorldSettings(dimension: 8, context: 16, noise: 0.25, tasks: 1024)
    /// The reference learner.
    public static let learner = TwoCircuitSettings(dimension: 8, searchSteps: 2, memory: 64)

    /// What one measurement saw.
    public struct Measurement: Sendable, Hashable {
        /// Sequences trained on.
        public var sequences: Int
        /// Wall-clock seconds.
        public var seconds: Double
        /// sequences / seconds.
        public var sequencesPerSecond: Double { Double(sequences) / seconds }
    }

    /// Times `threads` independent runs (seeds seed … seed + threads − 1) of `steps` steps at once,
    /// one per thread: the all-cores figure. `sequences` counts every thread's.
    public static func measureConcurrently(threads: Int, world: RegressionWorldSettings = world,
                                           learner: TwoCircuitSettings = learner, steps: Int = 200, batch: Int = 256,
                                           seed: UInt64 = 1) -> Measurement {
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            DispatchQueue.concurrentPerform(iterations: threads) { thread in
                _ = measure(world: world, learner: learner, steps: steps, batch: batch, seed: seed + UInt64(thread))
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return Measurement(sequences: threads * steps * batch, seconds: seconds)
    }

    /// Times `steps` training steps of batch `batch` on one thread (after one untimed step).
    public static func measure(world: RegressionWorldSettings = world, learner: TwoCircuitSettings = learner,
                               steps: Int = 200, batch: Int = 256, seed: UInt64 = 1) -> Measurement {
        let training = AdamTraining(steps: steps, batch: batch)
        let pool = world.tasks.map { RegressionStream.poolTask.tasks(seed, count: $0, dimension: world.dimension) } ?? []
        var run = TwoCircuitRun<Float>(world: world, learner: learner, training: training, runSeed: seed, pool: pool)
        _ = run.step(0)
        let clock = ContinuousClock()
        var sink = 0.0
        let elapsed = clock.measure {
            for step in 1...steps { sink += run.step(step) }
        }
        withExtendedLifetime(sink) {}  // the losses are used, so the loop is not optimised away
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return Measurement(sequences: steps * batch, seconds: seconds)
    }
}
