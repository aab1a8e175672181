import ArgumentParser
import Foundation
import MesaReport
import MesaResults

/// `mesascope render [DIR]`: rebuild reports from stored results (after a template edit).
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Rebuild reports from stored results.json files; simulate nothing."
    )

    @Argument(help: "A reports folder, or one report's folder (default: reports).")
    var folder = "reports"

    @Option(name: .customLong("templates"), help: "Folder of report templates (default: templates, when present).")
    var templates: String?

    func run() throws {
        let url = URL(fileURLWithPath: folder, isDirectory: true)
        let writer = ReportWriter(templatesDirectory: TemplateFolder.resolve(templates))
        let single = url.appendingPathComponent("results.json")
        if FileManager.default.fileExists(atPath: single.path) {
            try rerender(url, writer)
            return
        }
        let stored: [ScenarioResults]
        do {
            stored = try ReportWriter.storedResults(in: url)
        } catch let error as ReportError {
            throw ReportFailure.exit(for: error)
        }
        guard !stored.isEmpty else {
            StandardError.line("error: no results.json under \(folder); run `mesascope run` first")
            throw ExitStatus.ioError
        }
        for results in stored {
            try rerender(url.appendingPathComponent(results.slug), writer)
        }
        try writeIndex(writer: writer, outURL: url)
        print("Rendered \(stored.count) report\(stored.count == 1 ? "" : "s"): \(url.appendingPathComponent("index.html").path)")
    }

    private func rerender(_ reportFolder: URL, _ writer: ReportWriter) throws {
        do {
            _ = try writer.rerender(reportDirectory: reportFolder)
        } catch let error as ReportError {
            throw ReportFailure.exit(for: error)
        }
    }
}
