import Foundation
@testable import MesaEngine
import MesaResults
import MesaScenario
import Testing

/// The regression world through the sweep: the same records for any number of jobs and from a
/// store, ten checkpoints per run, and the world's metrics (and no maze metric) on every run.
@Suite("Regression sweeps")
struct RegressionSweepTests {
    /// A tiny world (d = 2, n = 4) trained briefly: enough to exercise every path in well under a second.
    static func spec() -> SimulationSpec {
        var spec = SimulationSpec()
        spec.world = .regression
        spec.training.optimizer = .adam
        spec.regression.dimension = 2
        spec.regression.context = 4
        spec.regression.searchSteps = 1
        spec.regression.memory = 3
        spec.regression.steps = 20
        spec.regression.batch = 8
        spec.regression.unseenTasks = 16
        spec.regression.evaluationSequences = 40
        return spec
    }

    static func scenario(seeds: Int = 2) -> Scenario {
        Scenario(title: "r", slug: "r", source: "", notebook: [], analytic: nil, simulation: spec(),
                 axes: [SweepAxis(key: "environment.instances", values: [.number(1), .number(8)], isGeometric: true)],
                 seeds: seeds)
    }

    @Test("records are identical for 1 and 2 jobs, each with ten checkpoints and the world's metrics")
    func deterministicAcrossJobs() async throws {
        let s = Self.scenario()
        let one = try await SimulationSweep(scenario: s, jobs: 1).run()
        let two = try await SimulationSweep(scenario: s, jobs: 2).run()
        #expect(one.runs == two.runs)
        #expect(one.runs.count == 4 && one.mazes.isEmpty)
        for run in one.runs {
            #expect(run.optimizer == .adam && run.acceptance == nil)
            let checkpoints = try #require(run.checkpoints)
            #expect(checkpoints.count == 10)
            #expect(checkpoints.map(\.step) == [2, 4, 6, 8, 10, 12, 14, 16, 18, 20])
            #expect(checkpoints.last?.metrics == run.metrics)
            // K = s·d² + m·d + 2 = 4 + 6 + 2.
            #expect(run.metrics.integer(.budget) == 12)
            for metric in [Metric.mseUnseen, .mseSeen, .mseRidge, .mseDmmse, .distRidge, .distDmmse, .iclGate, .mesaOptimizer] {
                #expect(run.metrics[metric] != nil, "\(metric.name) is recorded")
            }
            #expect(run.metrics[.trainScore] == nil && run.metrics[.searchBits] == nil, "no maze metric")
        }
        // Task pools differ between repetitions and the runs' own streams between points.
        #expect(Set(one.runs.map(\.seed)).count == 4)
        #expect(one.runs[0].metrics[.mseRidge] == one.runs[2].metrics[.mseRidge],
                "ridge needs no pool: the same unseen tasks at every N of a repetition")
        #expect(one.runs[0].metrics[.mseRidge] != one.runs[1].metrics[.mseRidge], "repetitions draw other tasks")
    }

    @Test("a run from the store is the run simulated, checkpoints included")
    func storedRunsAreTheSame() async throws {
        final class Memory: RunStore, @unchecked Sendable {
            private let lock = NSLock()
            private var runs: [RunKey: StoredRun] = [:]
            func load(_ key: RunKey) -> StoredRun? { lock.withLock { runs[key] } }
            func save(_ run: StoredRun, for key: RunKey) throws { lock.withLock { runs[key] = run } }
        }
        let store = Memory()
        let s = Self.scenario(seeds: 1)
        let first = try await SimulationSweep(scenario: s, jobs: 2).run(store: store)
        let second = try await SimulationSweep(scenario: s, jobs: 2).run(store: store)
        #expect(first.runsSimulated == 2 && second.runsFromStore == 2)
        #expect(first.runs == second.runs)
    }
}
