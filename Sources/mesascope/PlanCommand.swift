import ArgumentParser
import Foundation
import MesaPipeline
import MesaScenario

/// `mesascope plan FILE…`: the size of each sweep and how long it would take here; nothing is run.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show each scenario's sweep (points × seeds) and how long it would take here; run nothing.",
        discussion: """
            The time is estimated from the sweep's work and this machine's speed, measured once \
            (about a second and a half) and kept in the run cache folder as calibration.json \
            (docs/performance.md "Estimating time").
            """
    )

    @Argument(help: "Scenario files or folders of *.mesa files.")
    var paths: [String]

    @Option(name: .customLong("out"), help: "The reports folder the run would write into.")
    var out = "reports"

    @Option(name: .customLong("jobs"), help: "The runs in parallel to plan for; the default is the number of cores.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var options: ScenarioOptions
    @OptionGroup var cache: CacheOptions

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() async throws {
        try await ExitStatus.mapping {
            let files = try ScenarioFiles.resolve(paths)
            // The valid files are planned even when others are not; the error follows.
            var loaded: [ScenarioLoader.Loaded] = []
            var failure: Error?
            do { _ = try options.loader.loadAll(files) { loaded.append($0) } } catch { failure = error }
            let simulates = loaded.contains { $0.scenario.simulation != nil }
            let calibration = simulates
                ? try await MachineCalibration.load(directory: cache.disabled ? nil : cache.location) {
                    StandardError.line("mesascope: measuring this machine's speed for the estimate (once, about a second and a half)")
                }
                : nil
            for file in loaded {
                print(PlanSummary(scenario: file.scenario, path: file.path, reportsFolder: out,
                                  timing: calibration.map { ($0.model, jobs) }).text)
            }
            if let failure { throw failure }
        }
    }
}
