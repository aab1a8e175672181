import ArgumentParser
import Foundation
import MesaPipeline
import MesaResults

/// `mesascope check FILE… [--format text|json]`: diagnostics only.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check scenario files and print diagnostics; run nothing."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Scenario files or folders of *.mesa files.")
    var paths: [String]

    @Option(name: .customLong("format"), help: "text (the compiler layout, on standard error) or json (an array on standard output).")
    var format: Format = .text

    @OptionGroup var options: ScenarioOptions

    func run() throws {
        try ExitStatus.mapping {
            let files = try ScenarioFiles.resolve(paths)
            switch format {
            case .text:
                _ = try options.loader.loadAll(files) { loaded in
                    print("\(loaded.path): ok — \"\(loaded.scenario.title)\"")
                }
            case .json:
                let collected = Collected()
                var loader = options.loader
                loader.diagnostics = { collected.add($0) }
                defer { print(String(decoding: (try? ResultsJSON.encode(collected.all)) ?? Data("[]\n".utf8), as: UTF8.self),
                              terminator: "") }
                _ = try loader.loadAll(files)
            }
        }
    }

    /// Diagnostics gathered in order from the loader's sink.
    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [JSONDiagnostic] = []

        func add(_ report: DiagnosticReport) { lock.withLock { items += report.json } }

        var all: [JSONDiagnostic] { lock.withLock { items } }
    }
}
