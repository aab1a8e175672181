import ArgumentParser
import Foundation
import MesaPipeline

/// `mesascope bench`: times the simulation's hot path (a hill-climbing sweep over N) and
/// prints runs, steps and search expansions per second, and how the cost of a run grows.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the simulation's speed (use a release build).",
        discussion: """
            The default load is the scenario-language example: N ∈ {1, 2, …, 128} on 9 x 9 mazes, \
            8 seeds, 20,000 hill-climbing steps. Compare --jobs 1 with --jobs 2 for the parallel speed-up.
            """
    )

    @Option(name: .customLong("jobs"), help: "Runs in parallel.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("steps"), help: "Hill-climbing steps per run.")
    var steps = 20_000

    @Option(name: .customLong("seeds"), help: "Repetitions per value of N.")
    var seeds = 8

    @Option(name: .customLong("instances"), parsing: .upToNextOption, help: "The values of N.")
    var instances: [Int] = [1, 2, 4, 8, 16, 32, 64, 128]

    @Option(name: .customLong("maze"), help: "Maze side (square mazes).")
    var maze = 9

    func validate() throws {
        guard jobs >= 1, steps >= 0, seeds >= 1, maze >= 2, !instances.isEmpty, instances.allSatisfy({ $0 >= 1 }) else {
            throw ValidationError("--jobs, --seeds, --instances must be at least 1, --maze at least 2, --steps at least 0")
        }
    }

    func run() async throws {
        print(try await Bench.run(instances: instances, seeds: seeds, steps: steps, jobs: jobs, width: maze, height: maze))
    }
}
