import Foundation
import MesaEngine
import MesaReport
import MesaResults
import MesaScenario

/// `run`: simulate compiled scenarios one after another and write each one's report, then the
/// front page. Progress goes to a sink per scenario; timings never enter a report.
public struct ReportRun: Sendable {
    /// The reports folder.
    public var reportsDirectory: URL
    public var jobs: Int
    public var templatesDirectory: URL?
    public var toolVersion: String
    /// Replace report folders written from files of another name (`--replace`).
    public var replacesOtherReports = false
    /// Where diagnostics about the scenario files go.
    public var diagnostics: @Sendable (DiagnosticReport) -> Void = { _ in }
    /// Where warnings about the run itself go (a cache that cannot be written).
    public var warnings: @Sendable (String) -> Void = { _ in }
    /// The run cache (nil: every run is simulated and none is kept).
    public var store: (any RunStore)?
    /// `merge`: assemble the runs shards stored, simulate nothing (docs/cluster.md).
    public var requiresStoredRuns = false

    public init(reportsDirectory: URL, jobs: Int, templatesDirectory: URL?, toolVersion: String) {
        self.reportsDirectory = reportsDirectory
        self.jobs = jobs
        self.templatesDirectory = templatesDirectory
        self.toolVersion = toolVersion
    }

    /// What the caller shows while a scenario runs.
    public protocol ProgressSink: Sendable {
        func update(_ progress: ScenarioRunner.Progress)
        func finish(runs: Int, folder: URL)
    }

    /// Runs every scenario in order and writes its report; `progress(slug)` makes the sink of one
    /// scenario. Throws `PipelineError` (`.interrupted` on cancellation).
    public func run(_ scenarios: [ScenarioLoader.Loaded], progress: (String) -> any ProgressSink) async throws {
        let writer = ReportWriter(templatesDirectory: templatesDirectory)
        do { try writer.checkTemplates() } catch let error as ReportError { throw PipelineError.report(error) }
        try OutputFolder.checkWritable(reportsDirectory)
        if !replacesOtherReports {
            try ReportFolders.checkOwnership(scenarios, in: reportsDirectory, diagnostics: diagnostics)
        }
        var runner = ScenarioRunner(jobs: jobs, toolVersion: toolVersion, store: store)
        runner.requiresStoredRuns = requiresStoredRuns
        let warnings = self.warnings
        runner.storeFailure = {
            warnings("warning: the run cache cannot be written (\($0)), so the runs of this command are not kept for reuse\n")
        }
        // The front page is rewritten after every report (an interrupted run still links what
        // finished); the other folders' entries are read once, here.
        let rendering = ReportRendering(templatesDirectory: templatesDirectory)
        var index = try rendering.storedEntries(in: reportsDirectory, skipping: Set(scenarios.map(\.scenario.slug)))
        for item in scenarios {
            do {
                try Task.checkCancellation()
                let sink = progress(item.scenario.slug)
                var results = try await runner.run(item.scenario, sourceFile: URL(fileURLWithPath: item.path).lastPathComponent) {
                    sink.update($0)
                }
                results.sourcePath = SourcePath.relative(item.path, to: reportsDirectory)
                let document = ReportBuilder(results: results).build()
                let folder = try writer.write(results, document: document, to: reportsDirectory)
                index[results.slug] = IndexEntry(results: results, document: document)
                try rendering.writeIndex(index, in: reportsDirectory)
                sink.finish(runs: results.runs.count, folder: folder)
            } catch is CancellationError {
                throw PipelineError.interrupted
            } catch let error as SimulationError {
                throw PipelineError.refused(path: item.path, error)
            } catch let incomplete as ScenarioRunner.IncompleteRuns {
                let manifests = (store as? RunCache)?.manifests(slug: item.scenario.slug) ?? []
                throw PipelineError.incompleteShards(path: item.path, message: MergeDiagnosis.message(
                    scenario: item.scenario, look: incomplete.look, missing: incomplete.missing, manifests: manifests))
            } catch let next as ScenarioRunner.NextLookNeeded {
                throw PipelineError.nextLookNeeded(path: item.path, look: next.look, of: next.of)
            } catch let error as ReportError {
                throw PipelineError.report(error)
            }
        }
        if scenarios.isEmpty { try rendering.writeIndex(index, in: reportsDirectory) }
    }
}
