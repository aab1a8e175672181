import Dispatch
import MesaScenario

/// What a benchmark measured.
public struct BenchmarkReport: Sendable, CustomStringConvertible {
    /// Seconds per single run (one repetition, on one thread) for each N.
    public struct Row: Sendable {
        public var instances: Int
        public var secondsPerRun: Double
        public var expansionsPerRun: Int
    }

    public var width: Int
    public var height: Int
    public var instances: [Int]
    public var seeds: Int
    public var steps: Int
    public var jobs: Int
    public var runs: Int
    /// Wall-clock seconds of the whole sweep.
    public var seconds: Double
    public var runsPerSecond: Double
    /// Hill-climbing steps per second over all runs.
    public var stepsPerSecond: Double
    /// Search expansions computed per second over all runs (memoised decisions not counted).
    public var expansionsPerSecond: Double
    /// Single-thread cost per run against N.
    public var rows: [Row]

    public var description: String {
        var lines = [
            "mazes \(width)x\(height), N ∈ \(instances), \(seeds) seeds, \(steps) hill-climbing steps, \(jobs) job\(jobs == 1 ? "" : "s")",
            "  \(runs) runs in \(format(seconds)) s: \(format(runsPerSecond)) runs/s, "
                + "\(Int(stepsPerSecond)) steps/s, \(Int(expansionsPerSecond)) expansions/s",
        ]
        for row in rows {
            lines.append("  N = \(row.instances): \(format(row.secondsPerRun)) s per run, \(row.expansionsPerRun) expansions")
        }
        return lines.joined(separator: "\n")
    }

    private func format(_ x: Double) -> String {
        let scaled = (x * 1000).rounded() / 1000
        return "\(scaled)"
    }
}

/// The engine's hot path under a fixed load: a hill-climbing sweep over N on W×H mazes, the
/// default model class (K = 512, search_cost 16·x, max_bits 8), timed with the monotonic clock.
public enum EngineBenchmark {
    /// Runs the sweep N × seeds with `jobs` runs in flight, then each N once more on one thread
    /// (repetition 0) to show how the cost of a run grows with N.
    public static func run(
        instances: [Int] = [1, 2, 4, 8, 16, 32, 64, 128], seeds: Int = 8, steps: Int = 20_000, jobs: Int = 2,
        width: Int = 9, height: Int = 9, perInstanceRows: Bool = true
    ) async throws -> BenchmarkReport {
        var spec = SimulationSpec()
        spec.environment.width = width
        spec.environment.height = height
        spec.environment.instances = instances.first ?? 1
        spec.deployment = spec.environment
        spec.deployment.instances = 16
        spec.training.steps = steps
        let axis = SweepAxis(key: "environment.instances", values: instances.map { .number(Double($0)) }, isGeometric: true)
        let scenario = Scenario(title: "benchmark", slug: "benchmark", source: "", notebook: [], analytic: nil,
                                simulation: spec, axes: [axis], seeds: seeds)
        let clock = ContinuousClock()
        let start = clock.now
        let sweep = SimulationSweep(scenario: scenario, jobs: jobs)
        let output = try await sweep.run()
        let elapsed = seconds(clock.now - start)
        let runs = output.runs.count

        var rows: [BenchmarkReport.Row] = []
        var expansions = 0
        if perInstanceRows {
            for point in scenario.points {
                let t0 = clock.now
                let seed = SimulationSweep.runSeed(point, repetition: 0)
                let result = try await SimulationSweep.offPool { try RunSimulator.run(RunContext(spec: point.spec, runSeed: seed)) }
                rows.append(BenchmarkReport.Row(instances: point.spec.environment.instances,
                                                secondsPerRun: seconds(clock.now - t0),
                                                expansionsPerRun: result.expansionsComputed))
                expansions += result.expansionsComputed * seeds
            }
        }
        return BenchmarkReport(
            width: width, height: height, instances: instances, seeds: seeds, steps: steps, jobs: jobs, runs: runs,
            seconds: elapsed, runsPerSecond: Double(runs) / elapsed, stepsPerSecond: Double(runs * steps) / elapsed,
            expansionsPerSecond: Double(expansions) / elapsed, rows: rows)
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
