import ArgumentParser
import Foundation
import MesaEngine
import MesaReport
import MesaResults

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

    @OptionGroup var options: ScenarioOptions

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() async throws {
        let files = try resolvedFiles(paths.isEmpty ? ["scenarios"] : paths)
        var loaded: [ScenarioLoader.Loaded] = []
        try ScenarioLoader(options: options.compilerOptions).loadAll(files) { loaded.append($0) }

        let outURL = URL(fileURLWithPath: out, isDirectory: true)
        let writer = ReportWriter(templatesDirectory: TemplateFolder.resolve(templates))
        let runner = ScenarioRunner(jobs: jobs, toolVersion: ToolVersion.current)

        let work = Task {
            for item in loaded {
                try Task.checkCancellation()
                let progress = ProgressDisplay(label: item.scenario.slug)
                var results = try await runner.run(item.scenario) { update in
                    progress.update(runsDone: update.runsDone, runsTotal: update.runsTotal,
                                    pointsDone: update.pointsDone, pointsTotal: update.pointsTotal)
                }
                results.source_file = URL(fileURLWithPath: item.path).lastPathComponent
                let folder = try writer.write(results, to: outURL)
                progress.finish("\(results.runs.count) runs → \(folder.relativePath)/index.html")
            }
        }
        let interrupts = InterruptHandler { work.cancel() }
        do {
            try await work.value
        } catch is CancellationError {
            StandardError.line("Interrupted: earlier reports are untouched.")
            throw ExitStatus.interrupted
        } catch let error as ScenarioRunner.Refusal {
            StandardError.line("error: \(error.description)")
            throw ExitStatus.invalidScenario
        } catch let error as ReportError {
            throw ReportFailure.exit(for: error)
        }
        _ = interrupts.wasInterrupted

        try writeIndex(writer: writer, outURL: outURL)
        print("Reports: \(outURL.appendingPathComponent("index.html").path)")
    }
}

/// Rebuilds `reports/index.html` from every report folder's `results.json`, so the index lists
/// all reports present, not only the ones this invocation ran.
func writeIndex(writer: ReportWriter, outURL: URL) throws {
    do {
        try writer.writeIndex(try ReportWriter.storedResults(in: outURL), to: outURL)
    } catch let error as ReportError {
        throw ReportFailure.exit(for: error)
    }
}

/// Where report templates come from.
enum TemplateFolder {
    /// An explicit folder, else `./templates` when it exists, else the built-in copies.
    static func resolve(_ explicit: String?) -> URL? {
        if let explicit { return URL(fileURLWithPath: explicit, isDirectory: true) }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: "templates", isDirectory: &isFolder), isFolder.boolValue {
            return URL(fileURLWithPath: "templates", isDirectory: true)
        }
        return nil
    }
}
