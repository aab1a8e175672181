import ArgumentParser
import Foundation
import MesaPipeline

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

    @Flag(name: .customLong("replace"), help: "Replace report folders written from scenario files of another name.")
    var replace = false

    @Option(name: .customLong("shard"), help: ArgumentHelp(
        "Run only shard I of N (split by estimated work) into the run cache, for `merge`; no report.", valueName: "I/N"))
    var shard: String?

    @Option(name: .customLong("look"), help: "With --shard: the look of sequential seeds to run (default 1).")
    var look: Int = 1

    @Option(name: .customLong("max-time"), help: ArgumentHelp(
        "Refuse to start when the runs to simulate are estimated to take longer here (30m, 2h, 1h30m, none); --allow-large does not lift it.",
        valueName: "DURATION"))
    var maxTime = "30m"

    @OptionGroup var options: ScenarioOptions
    @OptionGroup var cache: CacheOptions

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if let shard, Shard(argument: shard) == nil {
            throw ValidationError("--shard takes I/N with 1 ≤ I ≤ N (e.g. --shard 2/8), not '\(shard)'")
        }
        if shard != nil, cache.disabled { throw ValidationError("--shard stores its runs in the run cache: drop --no-cache") }
        if shard == nil, look != 1 { throw ValidationError("--look applies to --shard") }
        guard look >= 1 else { throw ValidationError("--look must be at least 1") }
        if TimeLimit(argument: maxTime) == nil {
            throw ValidationError("--max-time takes a duration such as 30m, 2h, 1h30m or 90s, or none; not '\(maxTime)'")
        }
    }

    func run() async throws {
        try await ExitStatus.mapping {
            let files = try ScenarioFiles.resolve(paths.isEmpty ? ["scenarios"] : paths)
            let loaded = try options.loader.loadAll(files)
            try await checkTime(loaded)
            if let shard = shard.flatMap(Shard.init(argument:)), let store = cache.cache {
                try await runShard(shard, of: loaded, store: store)
                return
            }
            let outURL = URL(fileURLWithPath: out, isDirectory: true)
            var run = ReportRun(reportsDirectory: outURL, jobs: jobs, templatesDirectory: TemplateFolder.resolve(templates),
                                toolVersion: ToolVersion.current)
            run.replacesOtherReports = replace
            run.diagnostics = { StandardError.write($0.rendered) }
            run.warnings = { StandardError.write($0) }
            run.store = cache.cache
            let work = Task { try await run.run(loaded) { ProgressDisplay(label: $0) } }
            let interrupts = InterruptHandler { work.cancel() }
            defer { _ = interrupts.wasInterrupted }
            try await work.value
            print("Reports: \(outURL.appendingPathComponent("index.html").path)")
        }
    }

    /// Refuses (before anything runs) when the runs the cache lacks are estimated above
    /// `--max-time` on this machine. The machine's speed is measured once, as for `plan` (kept with
    /// the run cache, or in the default cache folder under --no-cache), and only when it could
    /// matter: a sweep estimated under a fiftieth of the limit on the reference machine needs none.
    func checkTime(_ loaded: [ScenarioLoader.Loaded]) async throws {
        guard let limit = TimeLimit(argument: maxTime), let seconds = limit.seconds,
              loaded.contains(where: { $0.scenario.simulation != nil })
        else { return }
        let share = Double(shard.flatMap(Shard.init(argument:))?.count ?? 1)
        let store = cache.cache
        let reference = TimeLimit.estimate(loaded, model: .reference, jobs: jobs, store: store) / share
        guard reference * 50 > seconds else { return }
        let calibration = try await MachineCalibration.load(directory: cache.disabled ? CacheOptions.location(nil) : cache.location) {
            StandardError.line("mesascope: measuring this machine's speed for the time estimate (once, about a second and a half)")
        }
        let estimate = TimeLimit.estimate(loaded, model: calibration.model, jobs: jobs, store: store) / share
        try limit.check(estimate: estimate, jobs: jobs, files: loaded.map(\.path))
    }

    /// `--shard I/N`: each file's shard into the cache, with a line saying what it did.
    func runShard(_ shard: Shard, of loaded: [ScenarioLoader.Loaded], store: RunCache) async throws {
        for item in loaded {
            let display = ProgressDisplay(label: item.scenario.slug)
            let run = ShardRun(jobs: jobs, cache: store)
            let work = Task { try await run.run(item, shard: shard, look: look) { display.update($0) } }
            let interrupts = InterruptHandler { work.cancel() }
            defer { _ = interrupts.wasInterrupted }
            let outcome = try await work.value
            display.finish("shard \(shard) of look \(look): \(outcome.runs) runs (\(outcome.simulated) simulated, \(outcome.fromCache) from the cache) stored in \(store.directory.path)")
        }
    }
}
