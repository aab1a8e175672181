import Foundation
@testable import MesaEngine
import MesaResults
import MesaScenario
import Testing

/// The teacher world through the sweep: the same records for any number of jobs and from a store,
/// ten checkpoints per run, and the world's metrics (and no maze metric) on every run.
@Suite("Teacher sweeps")
struct TeacherSweepTests {
    /// A tiny world (d = 3, W_t = 4) and network (H = 4) trained briefly: every path in well under a second.
    static func spec() -> SimulationSpec {
        var spec = SimulationSpec()
        spec.world = .teacher
        spec.training.optimizer = .adam
        spec.teacher.dimension = 3
        spec.teacher.teacherWidth = 4
        spec.teacher.width = 4
        spec.teacher.evaluationInputs = 64
        spec.teacher.steps = 12
        spec.teacher.phase2Steps = 8
        spec.teacher.batch = 16
        spec.teacher.learningRate = 0.01
        return spec
    }

    static func scenario(seeds: Int = 2) -> Scenario {
        Scenario(title: "t", slug: "t", source: "", notebook: [], analytic: nil, simulation: spec(),
                 axes: [SweepAxis(key: "deception.trigger", values: [.word("input"), .word("region")], isGeometric: false)],
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
            #expect(checkpoints.map(\.step) == [2, 4, 6, 8, 10, 12, 14, 16, 18, 20])
            // The last checkpoint is the end of the run: the final metrics without the phase-1 copies.
            var final = run.metrics
            for metric in [Metric.defectionPhase1, .cleanErrorPhase1, .backdoorCostPhase1, .triggerUnitsPhase1, .sharedUnitsPhase1] {
                #expect(final[metric] != nil, "\(metric.name) is recorded")
                final[metric] = nil
            }
            #expect(checkpoints.last?.metrics == final)
            // Before the end of phase 1 (step 12) the phase-1 verdicts are absent.
            #expect(checkpoints[0].metrics[.installed] == nil && checkpoints[5].metrics[.installed] != nil)
            let input = run.point["deception.trigger"] == .text("input")
            // K = D·H + H + H + 1, D = d + N (+ 1 for the input bit).
            #expect(run.metrics.integer(.budget) == (input ? 5 : 4) * 4 + 4 + 4 + 1)
            #expect(run.metrics[.capacityRatio] == 1)
            for metric in [Metric.defection, .installed, .deceptive, .cleanError, .controlCleanError, .backdoorCost,
                           .triggerUnits, .taskUnits, .sharedUnits] {
                #expect(run.metrics[metric] != nil, "\(metric.name) is recorded")
            }
            #expect((run.metrics[.bitFlipDefection] != nil) == input, "the bit flip exists for the input trigger only")
            #expect((run.metrics[.survival] != nil) == (run.metrics[.installed] == 1), "survival only where installed")
            #expect(run.metrics[.trainScore] == nil && run.metrics[.searchBits] == nil && run.metrics[.mseUnseen] == nil,
                    "no metric of another world")
        }
        #expect(Set(one.runs.map(\.seed)).count == 4)
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
