import Foundation
import MesaEngine
import MesaLanguage
import MesaPipeline

/// The state of a live preview (docs/preview.md): builds the reports through the run cache,
/// remembers the diagnostics of scenario files that do not compile (so their pages can show them
/// above the last good report), and counts rebuilds so open pages know when to reload.
public actor PreviewSession {
    public struct Configuration: Sendable {
        public var files: [String]
        public var reportsDirectory: URL
        public var templatesDirectory: URL?
        public var jobs: Int
        public var store: (any RunStore)?
        public var loaderOptions: ScenarioCompiler.Options
        public var toolVersion: String

        public init(files: [String], reportsDirectory: URL, templatesDirectory: URL?, jobs: Int, store: (any RunStore)?,
                    loaderOptions: ScenarioCompiler.Options, toolVersion: String) {
            self.files = files
            self.reportsDirectory = reportsDirectory
            self.templatesDirectory = templatesDirectory
            self.jobs = jobs
            self.store = store
            self.loaderOptions = loaderOptions
            self.toolVersion = toolVersion
        }
    }

    public let configuration: Configuration
    /// Rebuilds finished so far; served at `PreviewPage.versionPath`.
    public private(set) var version = 0
    /// Per report folder (slug), the diagnostics of the file that writes it, while it has errors.
    private var diagnosticsBySlug: [String: [String]] = [:]
    /// Diagnostics with no report to show them above (a file that never compiled, a template).
    private var unplaced: [String] = []
    private var slugByFile: [String: String] = [:]

    public init(_ configuration: Configuration) {
        self.configuration = configuration
    }

    /// Compiles every file, runs the valid ones (through the cache) and writes their reports, then
    /// bumps the version. Problems become diagnostics on the pages, never an exit.
    public func rebuild(progress: @escaping @Sendable (String) -> any ReportRun.ProgressSink,
                        log: @escaping @Sendable (String) -> Void) async {
        diagnosticsBySlug = [:]
        unplaced = []
        var valid: [ScenarioLoader.Loaded] = []
        for file in configuration.files {
            let collected = DiagnosticBuffer()
            let loader = ScenarioLoader(options: configuration.loaderOptions) { collected.append($0.rendered) }
            do {
                if let loaded = try loader.load(file) {
                    valid.append(loaded)
                    slugByFile[file] = loaded.scenario.slug
                    if !collected.text.isEmpty { log(collected.text) }
                } else {
                    log(collected.text)
                    place(collected.text, for: file)
                }
            } catch let error as PipelineError {
                place(error.message ?? "\(file): error", for: file)
            } catch {
                place("\(file): error: \(error)", for: file)
            }
        }
        var run = ReportRun(reportsDirectory: configuration.reportsDirectory, jobs: configuration.jobs,
                            templatesDirectory: configuration.templatesDirectory, toolVersion: configuration.toolVersion)
        run.store = configuration.store
        let problems = DiagnosticBuffer()
        run.diagnostics = { problems.append($0.rendered) }
        run.warnings = { problems.append($0) }
        do {
            try await run.run(valid, progress: progress)
        } catch let error as PipelineError {
            unplaced.append([problems.text, error.message ?? ""].filter { !$0.isEmpty }.joined(separator: "\n"))
            log(unplaced.last ?? "")
        } catch {
            unplaced.append("error: \(error)")
        }
        version += 1
    }

    private func place(_ text: String, for file: String) {
        if let slug = slugByFile[file] {
            diagnosticsBySlug[slug, default: []].append(text)
        } else {
            unplaced.append(text)
        }
    }

    /// The diagnostics to show on the page at `path` (relative to the reports folder): a report's
    /// own, and on the front page every one.
    public func diagnostics(forPage path: String) -> [String] {
        let parts = path.split(separator: "/").map(String.init)
        let isReportPage = (parts.count == 2 && parts[1] == "index.html") || (parts.count == 1 && parts[0] != "index.html")
        if isReportPage { return (diagnosticsBySlug[parts[0]] ?? []) + unplaced }
        return diagnosticsBySlug.keys.sorted().flatMap { diagnosticsBySlug[$0]! } + unplaced
    }

    /// Whether any file currently has errors.
    public var hasErrors: Bool { !diagnosticsBySlug.isEmpty || !unplaced.isEmpty }
}

/// Collects rendered diagnostics from the loader's sink (called on one thread at a time).
final class DiagnosticBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [String] = []

    func append(_ text: String) { lock.withLock { parts.append(text) } }

    var text: String { lock.withLock { parts.joined() } }
}
