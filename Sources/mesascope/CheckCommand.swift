import ArgumentParser
import MesaPipeline

/// `mesascope check FILE…`: diagnostics only.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check scenario files and print diagnostics; run nothing."
    )

    @Argument(help: "Scenario files or folders of *.mesa files.")
    var paths: [String]

    @OptionGroup var options: ScenarioOptions

    func run() throws {
        try ExitStatus.mapping {
            let files = try ScenarioFiles.resolve(paths)
            _ = try options.loader.loadAll(files) { loaded in
                print("\(loaded.path): ok — \"\(loaded.scenario.title)\"")
            }
        }
    }
}
