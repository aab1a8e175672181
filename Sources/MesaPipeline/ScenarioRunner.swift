import MesaAnalysis
import MesaAnalytic
import MesaEngine
import MesaResults
import MesaScenario

/// Runs a whole scenario — the analytic model and the simulation sweep — and assembles its
/// complete results (summaries and findings included), ready for the report writer:
///
/// ```swift
/// let results = try await ScenarioRunner(jobs: 2, toolVersion: "0.1.0").run(scenario) { progress in … }
/// ```
public struct ScenarioRunner: Sendable {
    /// The most simulation runs in flight at once.
    public var jobs: Int
    /// Recorded in `results.json`.
    public var toolVersion: String
    /// Where finished runs are kept (the run cache), if anywhere.
    public var store: (any RunStore)?
    /// Told, once per scenario, why the store could not keep its runs (the runs are unaffected).
    public var storeFailure: @Sendable (String) -> Void = { _ in }
    /// Assemble stored runs only (`merge`): nothing is simulated; a missing run throws
    /// `IncompleteRuns`, and a next look whose runs have not started throws `NextLookNeeded`.
    public var requiresStoredRuns = false

    /// Runs a merge did not find, by look.
    public struct IncompleteRuns: Error, Sendable {
        public var look: Int
        public var missing: [RunCoordinate]
    }

    /// Sequential seeds: the looks so far leave a prediction undecided, and look `look` has no run
    /// stored yet.
    public struct NextLookNeeded: Error, Sendable {
        public var look: Int
        public var of: Int
    }

    public init(jobs: Int, toolVersion: String, store: (any RunStore)? = nil) {
        self.jobs = max(1, jobs)
        self.toolVersion = toolVersion
        self.store = store
    }

    /// How far the simulation has got.
    public struct Progress: Sendable {
        public var runsDone: Int
        public var runsTotal: Int
        public var pointsDone: Int
        public var pointsTotal: Int
        /// Of the runs done, those read from the run cache.
        public var runsFromCache: Int = 0
        /// Sequential seeds: the look running (1-based) and how many are planned.
        public var look: Int = 1
        public var looks: Int = 1
        /// Estimated seconds on the reference machine of the runs simulated so far (every look),
        /// and of those this look still has to simulate (`SweepProgress.workDone`).
        public var workDone: Double = 0
        public var workRemaining: Double = 0
    }

    /// Runs `scenario`; throws `CancellationError` when the calling task is cancelled, and
    /// `SimulationError` when the engine refuses a run.
    ///
    /// With sequential seeds (`seeds 12 ... 192`) the runs come in looks: every point runs to the
    /// look's cumulative number of seeds, the predictions are checked, and the next look runs only
    /// while some prediction is not decided (docs/statistics.md). The verdicts are the last look's.
    public func run(_ scenario: Scenario, sourceFile: String? = nil,
                    progress: @escaping @Sendable (Progress) -> Void = { _ in }) async throws -> ScenarioResults {
        let analytic = scenario.analytic.map(AnalyticModel.solve)
        let sweep = SimulationSweep(scenario: scenario, jobs: jobs)
        let schedule = scenario.seedSchedule
        var collected: [(coordinate: RunCoordinate, record: RunRecord)] = []
        var drawings: [MazeDrawing] = []
        var done = 0, fromCache = 0
        var workBefore = 0.0
        var results = assemble(scenario, analytic: analytic, runs: [], mazes: [], sourceFile: sourceFile, looksRun: nil)
        for (index, look) in schedule.looks.enumerated() {
            let selection = scenario.points.indices.flatMap { point in
                (done..<look).map { RunCoordinate(point: point, repetition: $0) }
            }
            let before = collected.count, cachedBefore = fromCache, simulatedBefore = workBefore
            let output: SweepOutput
            do {
                output = try await sweep.run(selection, store: store, simulates: !requiresStoredRuns) { update in
                    progress(Progress(runsDone: before + update.runsDone, runsTotal: scenario.pointCount * look,
                                      pointsDone: update.pointsDone, pointsTotal: update.totalPoints,
                                      runsFromCache: cachedBefore + update.runsFromStore,
                                      look: index + 1, looks: schedule.looks.count,
                                      workDone: simulatedBefore + update.workDone,
                                      workRemaining: update.workTotal - update.workDone))
                }
            } catch let missing as MissingRuns {
                // A later look none of whose runs exists yet is a look still to run, not a gap.
                if index > 0, missing.runs.count == selection.count {
                    throw NextLookNeeded(look: index + 1, of: schedule.looks.count)
                }
                throw IncompleteRuns(look: index + 1, missing: missing.runs)
            }
            if let failure = output.storeFailure { storeFailure(failure) }
            fromCache += output.runsFromStore
            workBefore += output.workSimulated
            collected += zip(output.coordinates, output.runs).map { ($0, $1) }
            collected.sort { $0.coordinate < $1.coordinate }
            drawings += output.mazes
            done = look
            results = assemble(scenario, analytic: analytic, runs: collected.map(\.record), mazes: drawings,
                               sourceFile: sourceFile, looksRun: schedule.isSequential ? index + 1 : nil)
            let decided = results.findings.filter { $0.kind == .expectation }.allSatisfy { $0.verdict?.isDecided ?? true }
            if decided || scenario.simulation == nil { break }
        }
        return results
    }

    /// The complete results (summaries and findings included) of the runs so far.
    func assemble(_ scenario: Scenario, analytic: (rows: [AnalyticRow], findings: AnalyticFindings)?, runs: [RunRecord], mazes: [MazeDrawing],
                  sourceFile: String?, looksRun: Int?) -> ScenarioResults {
        let axes = scenario.axes.map(Self.describe)
        // Exact runs repeated along a hill-climbing-only axis are copies of the same evidence
        // (`InapplicableSettings`): the results keep one set, as every statistic does.
        let results = ScenarioResults(
            scenario: scenario.title, slug: scenario.slug, sourceSHA256: SHA256.hex(Array(scenario.source.utf8)),
            toolVersion: toolVersion, source: scenario.source, notebook: scenario.notebook.map(Self.entry),
            axes: axes, analytic: analytic?.rows ?? [], analyticFindings: analytic?.findings,
            predictions: scenario.expectations, runs: InapplicableSettings.collapse(runs, axes: axes), mazes: [],
            sourceFile: sourceFile, overrides: scenario.overrides.isEmpty ? nil : scenario.overrides,
            quick: scenario.isQuick ? true : nil,
            seedSchedule: scenario.seedSchedule.isSequential ? scenario.seedSchedule : nil, looksRun: looksRun,
            world: scenario.simulation?.world)
        var complete = ResultsAnalysis.complete(results)
        if scenario.slug != scenario.baseSlug { complete.variantOf = scenario.baseSlug }
        complete.mazes = MazeSelection.choose(mazes, results: complete)
        return complete
    }

    static func describe(_ axis: SweepAxis) -> AxisDescription {
        AxisDescription(key: axis.key, values: axis.values.map(\.pointValue), geometric: axis.isGeometric, label: axis.label)
    }

    static func entry(_ item: NotebookItem) -> NotebookEntry {
        switch item {
        case .prose(let text):
            return NotebookEntry(kind: .prose, text: text)
        case .block(let block):
            return NotebookEntry(kind: .block, block: block.name, settings: block.settings.map {
                SettingRow(key: $0.key, value: $0.text, swept: $0.isSwept, overridden: $0.isOverridden ? true : nil)
            })
        }
    }
}
