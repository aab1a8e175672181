import ArgumentParser
import Foundation
import MesaPipeline

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
        try ExitStatus.mapping {
            let url = URL(fileURLWithPath: folder, isDirectory: true)
            let rendering = ReportRendering(templatesDirectory: TemplateFolder.resolve(templates))
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("results.json").path) {
                try rendering.render(reportFolder: url)
                print("Rendered 1 report: \(url.appendingPathComponent("index.html").path)")
                return
            }
            let count = try rendering.renderAll(in: url)
            print("Rendered \(count) report\(count == 1 ? "" : "s"): \(url.appendingPathComponent("index.html").path)")
        }
    }
}
