import Dispatch
import Foundation
import MesaResults
import MesaScenario

/// How far a sweep has got, reported after every finished run.
public struct SweepProgress: Sendable, Hashable {
    /// Points whose every selected repetition has finished.
    public var pointsDone: Int
    public var totalPoints: Int
    public var runsDone: Int
    public var totalRuns: Int
    /// Of the runs done, those taken from the run store rather than simulated.
    public var runsFromStore: Int = 0
    /// Estimated single-thread seconds on the reference machine (`Scenario.pointSeconds`) of the
    /// runs simulated so far, and of all the runs this sweep simulates: the progress display's
    /// ETA is the elapsed time scaled by their ratio, so large runs count for more than small ones.
    public var workDone: Double = 0
    public var workTotal: Double = 0
}

/// One run of a sweep: a point and a repetition.
public struct RunCoordinate: Sendable, Hashable, Comparable {
    /// The point's index in the sweep's Cartesian product.
    public var point: Int
    public var repetition: Int

    public init(point: Int, repetition: Int) {
        self.point = point
        self.repetition = repetition
    }

    /// Point-major, repetition-minor: the order of a sweep's records.
    public static func < (a: RunCoordinate, b: RunCoordinate) -> Bool { (a.point, a.repetition) < (b.point, b.repetition) }
}

/// What a sweep produced: one record per run in point-major, repetition-minor order, and the
/// drawings of every run's first training and deployment episodes (for the report to choose from).
public struct SweepOutput: Sendable {
    public var runs: [RunRecord]
    /// The point and repetition of each record, in the same order.
    public var coordinates: [RunCoordinate] = []
    public var mazes: [MazeDrawing]
    /// How many runs came from the store, and how many were simulated.
    public var runsFromStore = 0
    public var runsSimulated = 0
    /// The simulated runs' estimated seconds on the reference machine (`SweepProgress.workDone`).
    public var workSimulated = 0.0
    /// Why saving to the store failed, when it did (the runs themselves are unaffected).
    public var storeFailure: String?
}

/// Runs a store-only sweep (`simulates: false`) did not find: what `merge` reports as incomplete.
public struct MissingRuns: Error, Sendable {
    public var runs: [RunCoordinate]
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
/// random stream derives only from (scenario seed, the point's settings, repetition), and results
/// are placed by run index, so the output is identical for every `jobs`, every scheduling and
/// every mix of stored and simulated runs.
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

    /// The seed of repetition `repetition` of `point`: a hash of the scenario seed, the point's
    /// resolved settings and the repetition.
    public static func runSeed(_ point: RunPoint, repetition: Int) -> UInt64 {
        StreamSeed.run(scenarioSeed: point.spec.training.seed, settings: point.spec.settingsHash, repetition: repetition)
    }

    /// Every run of the sweep: each point's repetitions 0 ..< seeds.
    public var allRuns: [RunCoordinate] {
        let seeds = max(1, scenario.seeds)
        return scenario.points.indices.flatMap { p in (0..<seeds).map { RunCoordinate(point: p, repetition: $0) } }
    }

    /// The key under which a store keeps run `run`.
    public func key(_ run: RunCoordinate) -> RunKey {
        PointIdentity(scenario.points[run.point]).key(repetition: run.repetition)
    }

    /// What identifies a point's runs, computed once per point: the hash of its settings (which
    /// seeds its runs) and their digest (which keys them in a store).
    struct PointIdentity {
        let point: RunPoint
        let settingsHash: UInt64
        let digest: String

        init(_ point: RunPoint) {
            self.point = point
            let bytes = Array(point.spec.canonicalText.utf8)
            let sha = SHA256.digest(bytes)
            settingsHash = SHA256.leadingNumber(sha)
            digest = SHA256.hexDigits(sha)
        }

        func runSeed(_ repetition: Int) -> UInt64 {
            StreamSeed.run(scenarioSeed: point.spec.training.seed, settings: settingsHash, repetition: repetition)
        }

        func key(repetition: Int) -> RunKey {
            RunKey(settings: digest, runSeed: runSeed(repetition),
                   worldSeed: StreamSeed.world(scenarioSeed: point.spec.training.seed, repetition: repetition))
        }
    }

    /// Runs the sweep (or the runs in `selection`); `progress` is called (serially) after each run.
    /// With a `store`, runs it holds are taken from it and every simulated run is saved to it as
    /// soon as it finishes. With `simulates: false` nothing is simulated: runs the store lacks
    /// throw `MissingRuns`.
    public func run(_ selection: [RunCoordinate]? = nil, store: (any RunStore)? = nil, simulates: Bool = true,
                    progress: @escaping @Sendable (SweepProgress) -> Void = { _ in }) async throws -> SweepOutput {
        let points = scenario.points
        let identities = points.map(PointIdentity.init)
        let selected = (selection ?? allRuns).sorted()
        let total = selected.count
        guard total > 0 else { return SweepOutput(runs: [], mazes: []) }
        var records = [RunRecord?](repeating: nil, count: total)
        var drawings = [[MazeDrawing]](repeating: [], count: total)
        let runsPerPoint = Dictionary(grouping: selected, by: \.point).mapValues(\.count)
        var finishedPerPoint: [Int: Int] = [:]
        var output = SweepOutput(runs: [], mazes: [])
        var runsDone = 0, pointsDone = 0
        // Each point's estimated cost, computed only when something is to be simulated.
        var work: [Double] = []
        var workDone = 0.0, workTotal = 0.0

        func finished(_ index: Int, _ stored: StoredRun, simulated: Bool) {
            let run = selected[index]
            records[index] = Self.record(identities[run.point], repetition: run.repetition, metrics: stored.metrics,
                                         checkpoints: stored.checkpoints)
            drawings[index] = stored.drawings.map { drawing in
                var drawing = drawing
                drawing.point = points[run.point].resultsPoint
                drawing.repetition = run.repetition
                return drawing
            }
            runsDone += 1
            finishedPerPoint[run.point, default: 0] += 1
            if finishedPerPoint[run.point] == runsPerPoint[run.point] { pointsDone += 1 }
            if simulated { workDone += work[run.point] }
            progress(SweepProgress(pointsDone: pointsDone, totalPoints: runsPerPoint.count, runsDone: runsDone,
                                   totalRuns: total, runsFromStore: output.runsFromStore, workDone: workDone,
                                   workTotal: workTotal))
        }

        // Runs the store holds first: they cost a file read.
        var missing: [Int] = []
        var stored: [(Int, StoredRun)] = []
        for index in 0..<total {
            if let store, let run = store.load(identities[selected[index].point].key(repetition: selected[index].repetition)) {
                stored.append((index, run))
            } else {
                missing.append(index)
            }
        }
        if !missing.isEmpty {
            work = scenario.pointSeconds
            workTotal = missing.reduce(0) { $0 + work[selected[$1].point] }
        }
        for (index, run) in stored {
            output.runsFromStore += 1
            finished(index, run, simulated: false)
        }

        // Assembling stored runs only (`merge`): a run the store lacks is an error, not work.
        if !simulates, !missing.isEmpty { throw MissingRuns(runs: missing.map { selected[$0] }) }

        // Largest runs first (longest-processing-time order): the sweep's wall time is not left
        // waiting on one big run at the end. Results are still placed by run index.
        let order = missing.sorted { (work[selected[$0].point], $1) > (work[selected[$1].point], $0) }
        let exactCache = ExactAnalysisCache()
        let learnedCache = LearnedWorldCache()


        try await withThrowingTaskGroup(of: (Int, StoredRun).self) { group in
            var next = 0
            func submit(_ index: Int) {
                let run = selected[index]
                let point = points[run.point]
                let seed = identities[run.point].runSeed(run.repetition)
                let world = StreamSeed.world(scenarioSeed: point.spec.training.seed, repetition: run.repetition)
                group.addTask {
                    try Task.checkCancellation()
                    let flag = CancellationFlag()
                    let context = RunContext(spec: point.spec, runSeed: seed, worldSeed: world, point: point.resultsPoint,
                                             repetition: run.repetition, drawsEpisodes: true, cancellation: flag,
                                             exactCache: exactCache, learnedCache: learnedCache)
                    let simulated = try await withTaskCancellationHandler {
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
                    return (index, StoredRun(metrics: simulated.metrics, drawings: simulated.drawings,
                                             checkpoints: simulated.checkpoints))
                }
            }
            while next < min(jobs, order.count) { submit(order[next]); next += 1 }
            while let (index, stored) = try await group.next() {
                if let store, output.storeFailure == nil {
                    do {
                        try store.save(stored, for: identities[selected[index].point].key(repetition: selected[index].repetition))
                    } catch {
                        output.storeFailure = "\(error)"
                    }
                }
                output.runsSimulated += 1
                output.workSimulated += work[selected[index].point]
                finished(index, stored, simulated: true)
                if next < order.count { submit(order[next]); next += 1 }
            }
        }
        output.runs = records.compactMap { $0 }
        output.coordinates = selected
        output.mazes = drawings.flatMap { $0 }
        return output
    }

    /// The record of `run` with `metrics`.
    static func record(_ identity: PointIdentity, repetition: Int, metrics: RunMetrics,
                       checkpoints: [Checkpoint] = []) -> RunRecord {
        let point = identity.point
        let optimizer = point.spec.training.optimizer
        return RunRecord(point: point.resultsPoint, seed: identity.runSeed(repetition),
                         repetition: repetition, optimizer: optimizer,
                         acceptance: optimizer == .hillClimb ? point.spec.training.acceptance.text : nil, metrics: metrics,
                         checkpoints: checkpoints.isEmpty ? nil : checkpoints)
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
