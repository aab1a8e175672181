import ArgumentParser
import Foundation
import MesaPipeline

/// `mesascope new NAME`: write a commented starter scenario.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a commented starter scenario NAME.mesa (into scenarios/ when that folder exists)."
    )

    @Argument(help: "The scenario's file name, without .mesa (letters, digits, - and _).")
    var name: String

    @Option(name: .customLong("in"), help: "The folder to write into (default: scenarios when present, else here).")
    var folder: String?

    func run() throws {
        try ExitStatus.mapping {
            guard let fileName = StarterScenario.fileName(for: name) else {
                throw PipelineError.usage("'\(name)' is not a scenario name: use letters, digits, - and _ (e.g. my-diversity)")
            }
            var isFolder: ObjCBool = false
            let directory = folder ?? (FileManager.default.fileExists(atPath: "scenarios", isDirectory: &isFolder)
                                       && isFolder.boolValue ? "scenarios" : ".")
            let url = URL(fileURLWithPath: directory, isDirectory: true).appendingPathComponent(fileName)
            let shown = directory == "." ? fileName : "\(directory)/\(fileName)"
            guard !FileManager.default.fileExists(atPath: url.path) else {
                throw PipelineError.usage("\(shown) already exists; choose another name")
            }
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(StarterScenario.text(title: StarterScenario.title(for: name)).utf8).write(to: url, options: .withoutOverwriting)
            } catch {
                throw PipelineError.unreadable(path: shown, reason: error.localizedDescription)
            }
            print("""
                Wrote \(shown). Next:
                  mesascope preview \(shown)   # serves the report and rebuilds it on every save
                  (edit \(shown) and read the report in your browser)
                """)
        }
    }
}
