import ArgumentParser
import Foundation
import MesaPipeline

/// `mesascope run [FILE|DIR…]`: simulate every scenario and write its report.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run scenarios and write their reports (default: scenarios/*.mesa into reports/)."
    )

    @Argument(help: "Scenario files or folders of *.mesa files (default: scenarios).")
    var paths: [String] = []

    @Option(name: .customLong("out"), help: "The reports folder.")
    var out = "reports"

    @Option(name: .customLong("jobs"), help: "Runs in parallel; the default is the number of cores.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("templates"), help: "Folder of report templates (default: templates, when present).")
    var templates: String?

    @Flag(name: .customLong("replace"), help: "Replace report folders written from scenario files of another name.")
    var replace = false

    @OptionGroup var options: ScenarioOptions
    @OptionGroup var cache: CacheOptions

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() async throws {
        try await ExitStatus.mapping {
            let files = try ScenarioFiles.resolve(paths.isEmpty ? ["scenarios"] : paths)
            let loaded = try options.loader.loadAll(files)
            let outURL = URL(fileURLWithPath: out, isDirectory: true)
            var run = ReportRun(reportsDirectory: outURL, jobs: jobs, templatesDirectory: TemplateFolder.resolve(templates),
                                toolVersion: ToolVersion.current)
            run.replacesOtherReports = replace
            run.diagnostics = { StandardError.write($0.rendered) }
            run.warnings = { StandardError.write($0) }
            run.store = cache.cache
            let work = Task { try await run.run(loaded) { ProgressDisplay(label: $0) } }
            let interrupts = InterruptHandler { work.cancel() }
            defer { _ = interrupts.wasInterrupted }
            try await work.value
            print("Reports: \(outURL.appendingPathComponent("index.html").path)")
        }
    }
}
