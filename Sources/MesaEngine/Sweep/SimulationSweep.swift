import Dispatch
import Foundation
import MesaResults
import MesaScenario

/// How far a sweep has got, reported after every finished run.
public struct SweepProgress: Sendable, Hashable {
    /// Points whose every repetition has finished.
    public var pointsDone: Int
    public var totalPoints: Int
    public var runsDone: Int
    public var totalRuns: Int
}

/// What a sweep produced: one record per run, point-major and repetition-minor, and a few mazes
/// with the paths chosen models take (first and last point, repetition 0).
public struct SweepOutput: Sendable {
    public var runs: [RunRecord]
    public var mazes: [MazeDrawing]
}

/// A run the engine refused, with the sweep point it belongs to.
public struct SimulationError: Error, CustomStringConvertible, Sendable {
    /// The sweep point (index in the Cartesian product) that failed.
    public var point: Int
    public var refusal: ExactRefusal

    public var description: String { "sweep point \(point): \(refusal.description)" }
}

/// Runs every point × repetition of a scenario's simulation (SCIENCE.md §2–§4).
///
/// Runs execute in parallel in a task group holding at most `jobs` runs at once; each run's
/// random stream derives only from (scenario seed, point index, repetition), and results are
/// placed by run index, so the output is identical for every `jobs` and every scheduling.
/// Cancelling the calling task stops the sweep within a few hundred hill-climbing steps
/// (`CancellationError`).
///
/// ```swift
/// let output = try await SimulationSweep(scenario: scenario, jobs: 2).run { p in
///     print("\(p.runsDone)/\(p.totalRuns)")
/// }
/// ```
public struct SimulationSweep: Sendable {
    public let scenario: Scenario
    /// The most runs in flight at once (≥ 1).
    public var jobs: Int

    public init(scenario: Scenario, jobs: Int) {
        self.scenario = scenario
        self.jobs = max(1, jobs)
    }

    /// The seed of run (`point`, `repetition`): a hash of the scenario seed, the point index and
    /// the repetition.
    public func runSeed(point: Int, repetition: Int) -> UInt64 {
        let base = scenario.simulation?.training.seed ?? 1
        return StreamSeed.run(scenarioSeed: base, point: point, repetition: repetition)
    }

    /// Runs the sweep; `progress` is called (serially) after each run.
    public func run(progress: @escaping @Sendable (SweepProgress) -> Void = { _ in }) async throws -> SweepOutput {
        let points = scenario.points
        let seeds = max(1, scenario.seeds)
        let total = points.count * seeds
        guard total > 0 else { return SweepOutput(runs: [], mazes: []) }
        let drawn: Set<Int> = [0, points.count - 1]
        var records = [RunRecord?](repeating: nil, count: total)
        var drawings = [[MazeDrawing]](repeating: [], count: points.count)
        var finishedPerPoint = [Int](repeating: 0, count: points.count)
        var runsDone = 0, pointsDone = 0
        // Largest runs first (longest-processing-time order): the sweep's wall time is not left
        // waiting on one big run at the end. Results are still placed by run index.
        let work = points.map { Scenario.estimatedWork(of: $0.spec) }
        let order = (0..<total).sorted { (work[$0 / seeds], $1) > (work[$1 / seeds], $0) }

        try await withThrowingTaskGroup(of: (Int, RunRecord, [MazeDrawing]).self) { group in
            var nextRun = 0
            func submit(_ run: Int) {
                let point = points[run / seeds]
                let repetition = run % seeds
                let seed = runSeed(point: point.index, repetition: repetition)
                let world = StreamSeed.world(scenarioSeed: point.spec.training.seed, repetition: repetition)
                let draw = repetition == 0 && drawn.contains(run / seeds)
                group.addTask {
                    try Task.checkCancellation()
                    let flag = CancellationFlag()
                    let context = RunContext(spec: point.spec, runSeed: seed, worldSeed: world, point: point.resultsPoint,
                                             repetition: repetition, drawsEpisodes: draw, cancellation: flag)
                    let output = try await withTaskCancellationHandler {
                        try await SimulationSweep.offPool {
                            do {
                                return try RunSimulator.run(context)
                            } catch let refusal as ExactRefusal {
                                throw SimulationError(point: point.index, refusal: refusal)
                            }
                        }
                    } onCancel: {
                        flag.cancel()
                    }
                    let record = RunRecord(point: context.point, seed: seed, repetition: repetition,
                                           optimizer: point.spec.training.optimizer, metrics: output.metrics)
                    return (run, record, output.drawings)
                }
            }
            while nextRun < min(jobs, total) { submit(order[nextRun]); nextRun += 1 }
            while let (run, record, figures) = try await group.next() {
                records[run] = record
                if !figures.isEmpty { drawings[run / seeds] = figures }
                runsDone += 1
                finishedPerPoint[run / seeds] += 1
                if finishedPerPoint[run / seeds] == seeds { pointsDone += 1 }
                progress(SweepProgress(pointsDone: pointsDone, totalPoints: points.count, runsDone: runsDone, totalRuns: total))
                if nextRun < total { submit(order[nextRun]); nextRun += 1 }
            }
        }
        return SweepOutput(runs: records.compactMap { $0 }, mazes: drawings.flatMap { $0 })
    }

    /// Runs `work` on a thread of its own. Long runs must occupy neither the cooperative pool
    /// nor Dispatch's global queue: on Linux both draw on one set of worker threads, capped at the
    /// core count, so two busy runs on two cores would leave no thread to deliver a cancellation
    /// or a progress report until they finished. At most `jobs` such threads exist at once.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try work() }) }
            thread.stackSize = 16 << 20
            thread.start()
        }
    }
}
