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

    /// The largest maze side a scenario accepts (`maze` in docs/scenario-language.md).
    static let maximumSide = 64

    @Option(name: .customLong("jobs"), parsing: .unconditional, help: "Runs in parallel.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("steps"), parsing: .unconditional, help: "Hill-climbing steps per run.")
    var steps = 20_000

    @Option(name: .customLong("seeds"), parsing: .unconditional, help: "Repetitions per value of N.")
    var seeds = 8

    @Option(name: .customLong("instances"), parsing: .upToNextOption, help: "The values of N.")
    var instances: [Int] = [1, 2, 4, 8, 16, 32, 64, 128]

    @Option(name: .customLong("maze"), help: "Maze size: a side (9) or W x H as in scenarios (7 x 7, 7x7).")
    var maze = "9"

    @Option(name: .customLong("world"), help: ArgumentHelp(
        "`maze` (the default: a hill-climbing sweep) or `regression` (Adam training throughput of the two-circuit learner, one thread and --jobs threads)."))
    var world = BenchWorld.maze

    /// The loads `bench` measures.
    enum BenchWorld: String, ExpressibleByArgument, CaseIterable {
        case maze, regression
    }

    @Flag(name: .customLong("calibrate"), help: ArgumentHelp(
        "Measure this machine's speed for `plan` instead: two short fixed workloads against the reference machine's times; the result replaces calibration.json in the run cache folder."))
    var calibrate = false

    @OptionGroup var cache: CacheOptions

    /// The maze's width and height, or nil when `--maze` is not a size.
    var mazeSize: (width: Int, height: Int)? {
        let parts = maze.lowercased().split(separator: "x").map { $0.trimmingCharacters(in: .whitespaces) }
        let sides = parts.compactMap { Int($0) }
        guard sides.count == parts.count else { return nil }
        switch sides.count {
        case 1: return (sides[0], sides[0])
        case 2: return (sides[0], sides[1])
        default: return nil
        }
    }

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        guard steps >= 0 else { throw ValidationError("--steps must be at least 0, got \(steps)") }
        guard seeds >= 1 else { throw ValidationError("--seeds must be at least 1, got \(seeds)") }
        guard !instances.isEmpty, instances.allSatisfy({ $0 >= 1 }) else {
            throw ValidationError("--instances takes whole numbers of at least 1")
        }
        guard let size = mazeSize else {
            throw ValidationError("--maze takes a side (9) or a size W x H (7 x 7), not '\(maze)'")
        }
        guard (2...Self.maximumSide).contains(size.width), (2...Self.maximumSide).contains(size.height) else {
            throw ValidationError("--maze sides must be between 2 and \(Self.maximumSide), as in scenarios; got \(maze)")
        }
    }

    func run() async throws {
        if calibrate {
            let calibration = try await MachineCalibration.measure(directory: cache.disabled ? nil : cache.location)
            print(calibration.text)
            return
        }
        if world == .regression {
            print(await Bench.regression(jobs: jobs))
            return
        }
        let size = mazeSize!
        print(try await Bench.run(instances: instances, seeds: seeds, steps: steps, jobs: jobs, width: size.width,
                                  height: size.height))
    }
}
