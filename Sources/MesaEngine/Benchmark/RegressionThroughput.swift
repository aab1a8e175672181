import Foundation
import MesaLearning

/// The regression world's training throughput (`mesascope bench --world regression`): Adam steps of
/// the reference two-circuit learner (d = 8, n = 16, s = 2, m = 64, batch 256, as
/// bench/jax/two_circuit.py), on one thread and on `jobs` threads at once, in sequences per second.
public struct RegressionThroughput: Sendable, CustomStringConvertible {
    public var jobs: Int
    public var steps: Int
    /// Sequences per second on one thread.
    public var single: Double
    /// Sequences per second over all threads together.
    public var parallel: Double

    public var description: String {
        let d = RegressionBenchmark.world.dimension, n = RegressionBenchmark.world.context
        let s = RegressionBenchmark.learner.searchSteps, m = RegressionBenchmark.learner.memory
        return [
            "regression world: two_circuit d = \(d), n = \(n), s = \(s), m = \(m), batch 256, \(steps) Adam steps per measurement",
            "  one thread: \(Int(single.rounded())) sequences/s",
            "  \(jobs) thread\(jobs == 1 ? "" : "s"): \(Int(parallel.rounded())) sequences/s (\(String(format: "%.2f", parallel / single))× one thread)",
        ].joined(separator: "\n")
    }

    /// Measures one thread, then `jobs` threads each training its own run at the same time.
    public static func measure(jobs: Int, steps: Int = 200) -> RegressionThroughput {
        let single = RegressionBenchmark.measure(steps: steps)
        let results = LockedMeasurements()
        let group = DispatchGroup()
        for job in 0..<max(1, jobs) {
            group.enter()
            let thread = Thread {
                results.append(RegressionBenchmark.measure(steps: steps, seed: UInt64(job + 1)))
                group.leave()
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
        group.wait()
        let all = results.values
        let sequences = all.reduce(0) { $0 + $1.sequences }
        let seconds = all.map(\.seconds).max() ?? 1
        return RegressionThroughput(jobs: max(1, jobs), steps: steps, single: single.sequencesPerSecond,
                                    parallel: Double(sequences) / seconds)
    }

    /// The threads' measurements, gathered under a lock.
    private final class LockedMeasurements: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [RegressionBenchmark.Measurement] = []
        func append(_ measurement: RegressionBenchmark.Measurement) { lock.withLock { stored.append(measurement) } }
        var values: [RegressionBenchmark.Measurement] { lock.withLock { stored } }
    }
}
