import Foundation
import MesaEngine
import MesaLanguage
import MesaPipeline

/// The state of a live preview (docs/preview.md): builds the reports through the run cache,
/// remembers the diagnostics of scenario files that do not compile (so their pages can show them
/// above the last good report), counts rebuilds so open pages know when to reload, and counts saves
/// so that the last saved state is always built: a save seen during a build asks for one more
/// build once it ends (saves during one build coalesce into one).
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
    /// Saves seen so far (`noteChange`); the files as of save `requested` are what must be built.
    public private(set) var requested = 0
    /// The save count a running build started from, nil between builds.
    private var building: Int?
    /// The save count the last finished build started from (-1: none finished yet).
    private var built = -1
    /// Per report folder (slug), the diagnostics of the file that writes it, while it has errors.
    private var diagnosticsBySlug: [String: [String]] = [:]
    /// Diagnostics with no report to show them above (a file that never compiled, a template).
    private var unplaced: [String] = []
    private var slugByFile: [String: String] = [:]

    public init(_ configuration: Configuration) {
        self.configuration = configuration
    }

    /// What the pages say about the build (`PreviewPage.statusBanner`).
    public enum BuildStatus: String, Sendable {
        /// The reports show the last saved files.
        case current
        /// A build is running; nothing was saved since it started.
        case rebuilding
        /// A save came after the running (or last) build started: another build follows.
        case stale
    }

    /// Records that a watched file changed (a save): the next `buildIfNeeded` builds it.
    public func noteChange() {
        requested += 1
    }

    /// Whether a save has not been built yet.
    public var needsBuild: Bool { building == nil && built < requested }

    public var status: BuildStatus {
        if let building { return requested > building ? .stale : .rebuilding }
        return built < requested ? .stale : .current
    }

    /// Builds the files as they are now if a save came after the last build started; returns
    /// whether it built. Saves seen during the build leave `needsBuild` true afterwards.
    @discardableResult
    public func buildIfNeeded(progress: @escaping @Sendable (String) -> any ReportRun.ProgressSink,
                              log: @escaping @Sendable (String) -> Void) async -> Bool {
        guard needsBuild else { return false }
        await rebuild(progress: progress, log: log)
        return true
    }

    /// Compiles every file, runs the valid ones (through the cache) and writes their reports, then
    /// bumps the version. Problems become diagnostics on the pages, never an exit.
    public func rebuild(progress: @escaping @Sendable (String) -> any ReportRun.ProgressSink,
                        log: @escaping @Sendable (String) -> Void) async {
        let target = requested
        building = target
        defer {
            building = nil
            built = max(built, target)
        }
        // Pages served while the files compile keep the previous build's diagnostics; the new
        // ones replace them before the runs start (the reports are written after that).
        var diagnosticsBySlug: [String: [String]] = [:]
        var unplaced: [String] = []
        func place(_ text: String, for file: String) {
            if let slug = slugByFile[file] {
                diagnosticsBySlug[slug, default: []].append(text)
            } else {
                unplaced.append(text)
            }
        }
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
        self.diagnosticsBySlug = diagnosticsBySlug
        self.unplaced = unplaced
        var run = ReportRun(reportsDirectory: configuration.reportsDirectory, jobs: configuration.jobs,
                            templatesDirectory: configuration.templatesDirectory, toolVersion: configuration.toolVersion)
        run.store = configuration.store
        let problems = DiagnosticBuffer()
        run.diagnostics = { problems.append($0.rendered) }
        run.warnings = { problems.append($0) }
        do {
            try await run.run(valid, progress: progress)
        } catch let error as PipelineError {
            self.unplaced.append([problems.text, error.message ?? ""].filter { !$0.isEmpty }.joined(separator: "\n"))
            log(self.unplaced.last ?? "")
        } catch {
            self.unplaced.append("error: \(error)")
        }
        version += 1
    }

    /// The diagnostics to show on the page at `path` (relative to the reports folder): a report's
    /// own (`withReport`: its last good report is the page), and on the front page every one;
    /// `withoutReport` holds those of files that have no report (never compiled), on every page.
    public func diagnostics(forPage path: String) -> (withReport: [String], withoutReport: [String]) {
        let parts = path.split(separator: "/").map(String.init)
        let isReportPage = (parts.count == 2 && parts[1] == "index.html") || (parts.count == 1 && parts[0] != "index.html")
        if isReportPage { return (diagnosticsBySlug[parts[0]] ?? [], unplaced) }
        return (diagnosticsBySlug.keys.sorted().flatMap { diagnosticsBySlug[$0]! }, unplaced)
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
