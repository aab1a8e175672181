import ArgumentParser
import Foundation
import MesaPipeline

/// `mesascope merge FILE…`: the reports of runs that shards stored in the run cache, byte-identical
/// to a single `run`; nothing is simulated (docs/cluster.md).
struct MergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Write the reports of scenarios whose runs shards stored in the run cache; simulate nothing.",
        discussion: "Exit 65 names shards that are missing, incomplete or of another engine or file; exit 75 says that sequential seeds need another look first."
    )

    @Argument(help: "Scenario files or folders of *.mesa files.")
    var paths: [String]

    @Option(name: .customLong("out"), help: "The reports folder.")
    var out = "reports"

    @Option(name: .customLong("templates"), help: "Folder of report templates (default: templates, when present).")
    var templates: String?

    @Flag(name: .customLong("replace"), help: "Replace report folders written from scenario files of another name.")
    var replace = false

    @OptionGroup var options: ScenarioOptions
    @OptionGroup var cache: CacheOptions

    func validate() throws {
        if cache.disabled { throw ValidationError("merge reads the run cache: drop --no-cache") }
    }

    func run() async throws {
        try await ExitStatus.mapping {
            let files = try ScenarioFiles.resolve(paths)
            let loaded = try options.loader.loadAll(files)
            let outURL = URL(fileURLWithPath: out, isDirectory: true)
            var run = ReportRun(reportsDirectory: outURL, jobs: 1, templatesDirectory: TemplateFolder.resolve(templates),
                                toolVersion: ToolVersion.current)
            run.replacesOtherReports = replace
            run.diagnostics = { StandardError.write($0.rendered) }
            run.warnings = { StandardError.write($0) }
            run.store = cache.cache
            run.requiresStoredRuns = true
            try await run.run(loaded) { ProgressDisplay(label: $0) }
            print("Reports: \(outURL.appendingPathComponent("index.html").path)")
        }
    }
}
