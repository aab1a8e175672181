import MesaAnalysis
import MesaResults
import MesaScenario

/// Runs a whole scenario — the analytic model and the simulation sweep — and assembles the
/// `results.json` value the reports are drawn from. This is the engine's front door:
///
/// ```swift
/// let results = try await ScenarioRunner(jobs: 2, toolVersion: "0.1.0").run(scenario) { progress in … }
/// ```
public struct ScenarioRunner: Sendable {
    /// The most simulation runs in flight at once.
    public var jobs: Int
    /// Recorded in `results.json`.
    public var toolVersion: String

    public init(jobs: Int, toolVersion: String) {
        self.jobs = max(1, jobs)
        self.toolVersion = toolVersion
    }

    /// How far the simulation has got.
    public struct Progress: Sendable {
        public var runsDone: Int
        public var runsTotal: Int
        public var pointsDone: Int
        public var pointsTotal: Int
    }

    /// A scenario the engine declines to run (e.g. an `exact` class too large to enumerate).
    public struct Refusal: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Runs `scenario`; throws `CancellationError` when the calling task is cancelled, and
    /// `Refusal` when the engine cannot run it as written.
    public func run(_ scenario: Scenario, progress: @escaping @Sendable (Progress) -> Void = { _ in }) async throws
        -> ScenarioResults
    {
        let analytic = scenario.analytic.map(AnalyticModel.solve)
        let axes = scenario.axes.map(Self.describe)
        let output: SweepOutput
        do {
            output = try await SimulationSweep(scenario: scenario, jobs: jobs).run { update in
                progress(Progress(runsDone: update.runsDone, runsTotal: update.totalRuns,
                                  pointsDone: update.pointsDone, pointsTotal: update.totalPoints))
            }
        } catch let error as SimulationError {
            throw Refusal(description: error.description)
        }
        let summary = Summarizer.summarize(output.runs)
        let findings = FindingsWriter.findings(runs: output.runs, summary: summary, axes: axes,
                                               analytic: analytic?.findings, expectations: scenario.expectations)
        return ScenarioResults(
            scenario: scenario.title, slug: scenario.slug,
            source_sha256: SHA256.hex(Array(scenario.source.utf8)), tool_version: toolVersion,
            source: scenario.source, notebook: scenario.notebook.map(Self.entry), axes: axes,
            analytic: analytic?.rows ?? [], analytic_findings: analytic?.findings,
            runs: output.runs, summary: summary, findings: findings, mazes: output.mazes)
    }

    static func describe(_ axis: SweepAxis) -> AxisDescription {
        AxisDescription(key: axis.key, values: axis.values.map(pointValue), geometric: axis.isGeometric)
    }

    /// Numbers stay numbers in `results.json`; words, sizes and expressions become their text.
    static func pointValue(_ value: SettingValue) -> PointValue {
        if case .number(let number) = value { return .number(number) }
        return .text(value.text)
    }

    static func entry(_ item: NotebookItem) -> NotebookEntry {
        switch item {
        case .prose(let text):
            return NotebookEntry(kind: "prose", text: text)
        case .block(let block):
            return NotebookEntry(kind: "block", block: block.name, settings: block.settings.map {
                SettingRow(key: $0.key, value: $0.text, swept: $0.isSwept)
            })
        }
    }
}
