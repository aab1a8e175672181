import ArgumentParser
import MesaPipeline

/// `mesascope plan FILE…`: the size of each sweep and an estimate of its work; nothing is run.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show each scenario's sweep (points × seeds) and estimated work; run nothing."
    )

    @Argument(help: "Scenario files or folders of *.mesa files.")
    var paths: [String]

    @Option(name: .customLong("out"), help: "The reports folder the run would write into.")
    var out = "reports"

    @OptionGroup var options: ScenarioOptions

    func run() throws {
        try ExitStatus.mapping {
            let files = try ScenarioFiles.resolve(paths)
            _ = try options.loader.loadAll(files) { loaded in
                print(PlanSummary(scenario: loaded.scenario, path: loaded.path, reportsFolder: out).text)
            }
        }
    }
}
