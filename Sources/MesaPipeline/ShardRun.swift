import Foundation
import MesaEngine
import MesaScenario

/// `run --shard I/N [--look L]`: simulates one shard's runs of one look into the run cache and
/// records the shard's manifest there; no report (docs/cluster.md). `merge` assembles the shards.
public struct ShardRun: Sendable {
    public var jobs: Int
    public var cache: RunCache

    public init(jobs: Int, cache: RunCache) {
        self.jobs = max(1, jobs)
        self.cache = cache
    }

    /// What a shard did.
    public struct Outcome: Sendable {
        public var runs: Int
        public var simulated: Int
        public var fromCache: Int
    }

    public func run(_ loaded: ScenarioLoader.Loaded, shard: Shard, look: Int,
                    progress: @escaping @Sendable (ScenarioRunner.Progress) -> Void = { _ in }) async throws -> Outcome {
        let scenario = loaded.scenario
        let looks = scenario.seedSchedule.looks.count
        guard (1...looks).contains(look) else {
            throw PipelineError.usage("\(loaded.path) has \(looks) look\(looks == 1 ? "" : "s") of seeds; --look \(look) is not one of them")
        }
        let selection = shard.runs(of: scenario, look: look)
        let output: SweepOutput
        do {
            output = try await SimulationSweep(scenario: scenario, jobs: jobs).run(selection, store: cache) { update in
                progress(ScenarioRunner.Progress(runsDone: update.runsDone, runsTotal: update.totalRuns,
                                                 pointsDone: update.pointsDone, pointsTotal: update.totalPoints,
                                                 runsFromCache: update.runsFromStore, look: look, looks: looks))
            }
        } catch is CancellationError {
            throw PipelineError.interrupted
        } catch let error as SimulationError {
            throw PipelineError.refused(path: loaded.path, error)
        }
        if let failure = output.storeFailure { throw PipelineError.cache(path: cache.directory.path, reason: failure) }
        try cache.save(ShardManifest(scenario: scenario, shard: shard, look: look, runs: selection.count))
        return Outcome(runs: selection.count, simulated: output.runsSimulated, fromCache: output.runsFromStore)
    }
}
