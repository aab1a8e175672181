@testable import MesaEngine
import MesaResults
import MesaScenario
import Testing

@Suite("Sweeps")
struct SweepTests {
    func scenario(_ spec: SimulationSpec, axes: [SweepAxis], seeds: Int) -> Scenario {
        Scenario(title: "test", slug: "test", source: "", notebook: [], analytic: nil, simulation: spec, axes: axes, seeds: seeds)
    }

    @Test("records are identical for 1 and 2 jobs, in point-major order with derived seeds")
    func deterministicAcrossJobs() async throws {
        var spec = Fixtures.spec(width: 4, height: 4, instances: 2, parameters: 24, steps: 400)
        spec.deception = DeceptionSpec()
        // A detector that misfires and starts installed: the removal metrics are compared too.
        spec.deception?.falsePositive = 0.5
        spec.deception?.initialShare = 1
        let axes = [SweepAxis(key: "environment.instances", values: [.number(1), .number(4)], isGeometric: false),
                    SweepAxis(key: "training.optimizer", values: [.word("hill_climb"), .word("exact")], isGeometric: false)]
        let s = scenario(spec, axes: axes, seeds: 2)
        let one = try await SimulationSweep(scenario: s, jobs: 1).run()
        let two = try await SimulationSweep(scenario: s, jobs: 2).run()
        #expect(one.runs == two.runs)
        #expect(one.mazes == two.mazes)
        #expect(one.runs.count == 8)
        #expect(one.runs.map(\.repetition) == [0, 1, 0, 1, 0, 1, 0, 1])
        #expect(one.runs[2].point["environment.instances"] == .number(1))
        #expect(one.runs[2].point["training.optimizer"] == .text("exact"))
        #expect(one.runs[2].optimizer == .exact)
        #expect(one.runs[2].metrics[.deceptivePosterior] != nil)
        #expect(one.runs[0].metrics.integer(.removedAtStep) == nil || one.runs[0].metrics.integer(.deceptive) == 0)
        #expect(one.runs[0].metrics.integer(.kFit) != nil)
        #expect(one.runs.allSatisfy { $0.metrics.integer(.falsePositiveInstances) != nil })
        #expect(one.runs.contains { $0.metrics[.detectorRemovalGain] != nil })
        #expect(one.runs[1].seed == SimulationSweep.runSeed(s.points[0], repetition: 1))
        // Every run's first training and deployment episodes are drawn, in run order.
        #expect(one.mazes.count == 16)
        #expect(one.mazes[0].point == one.runs[0].point && one.mazes[0].repetition == 0 && one.mazes[0].phase == .training)
        #expect(one.mazes[3].point == one.runs[1].point && one.mazes[3].repetition == 1 && one.mazes[3].phase == .deployment)
        // The mesa-objective's weights are recorded exactly when the model has search machinery.
        for run in one.runs {
            let searching = run.metrics.integer(.paramsSearch)! > 0
            #expect((run.metrics.integer(.objectiveGoalWeight) != nil) == searching)
            #expect((run.metrics.integer(.objectiveProxyWeight) != nil) == searching)
            #expect([-1, 0, 1].contains(run.metrics.integer(.objectiveGoalWeight) ?? 0))
        }
        #expect(Set(one.runs.map(\.seed)).count == 8)
    }

    @Test("every point of a repetition sees the same mazes (common random numbers); repetitions differ")
    func pointsShareTheirWorld() async throws {
        let spec = Fixtures.spec(width: 5, height: 5, instances: 2, parameters: 32, steps: 50)
        let axes = [SweepAxis(key: "environment.instances", values: [.number(2), .number(8)], isGeometric: false)]
        let output = try await SimulationSweep(scenario: scenario(spec, axes: axes, seeds: 2), jobs: 2).run()
        // Drawings of repetition 0 at the first and the last point: the same first maze.
        let training = output.mazes.filter { $0.phase == .training && $0.repetition == 0 }
        try #require(training.count == 2)
        #expect(training[0].point != training[1].point)
        #expect(training[0].openings == training[1].openings)
        #expect(training[0].start == training[1].start)
        #expect(training[0].goal == training[1].goal)
        // The optimizer's streams still differ from point to point.
        #expect(output.runs[0].seed != output.runs[2].seed)
        // Repetitions draw different worlds.
        let first = StreamSeed.world(scenarioSeed: spec.training.seed, repetition: 0)
        let second = StreamSeed.world(scenarioSeed: spec.training.seed, repetition: 1)
        #expect(first != second)
        let worldA = RunWorld(spec: spec, worldSeed: first), worldB = RunWorld(spec: spec, worldSeed: second)
        #expect(worldA.training.instances.map(\.goal) != worldB.training.instances.map(\.goal)
                || worldA.training.instances.map(\.start) != worldB.training.instances.map(\.start))
    }

    @Test("a run's seed comes from its settings: adding a sweep value leaves every other run's record unchanged")
    func seedsFromCoordinates() async throws {
        let spec = Fixtures.spec(width: 4, height: 4, instances: 2, parameters: 24, steps: 300)
        let two = [SweepAxis(key: "environment.instances", values: [.number(1), .number(4)], isGeometric: false)]
        let three = [SweepAxis(key: "environment.instances", values: [.number(1), .number(2), .number(4)], isGeometric: false)]
        let before = try await SimulationSweep(scenario: scenario(spec, axes: two, seeds: 2), jobs: 2).run()
        let after = try await SimulationSweep(scenario: scenario(spec, axes: three, seeds: 3), jobs: 2).run()
        for run in before.runs {
            #expect(after.runs.contains(run), "\(run.point) repetition \(run.repetition)")
        }
    }

    @Test("progress counts every run and point; cancellation stops the sweep")
    func progressAndCancellation() async throws {
        let spec = Fixtures.spec(width: 5, height: 5, instances: 2, parameters: 32, steps: 50)
        let axes = [SweepAxis(key: "environment.instances", values: [.number(1), .number(2)], isGeometric: false)]
        let reports = ProgressLog()
        _ = try await SimulationSweep(scenario: scenario(spec, axes: axes, seeds: 2), jobs: 2).run { reports.add($0) }
        let seen = reports.all
        let last = try #require(seen.last)
        #expect(seen.count == 4)
        #expect([last.pointsDone, last.totalPoints, last.runsDone, last.totalRuns, last.runsFromStore] == [2, 2, 4, 4, 0])
        // The work done grows with every run and ends at the whole sweep's estimate.
        #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.workDone < $1.workDone })
        #expect(last.workTotal > 0 && abs(last.workDone - last.workTotal) <= 1e-9 * last.workTotal)

        var long = spec
        long.training.steps = 50_000_000
        let sweep = SimulationSweep(scenario: scenario(long, axes: [], seeds: 2), jobs: 2)
        let task = Task { try await sweep.run() }
        try await Task.sleep(nanoseconds: 100_000_000)
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }
}

final class ProgressLog: @unchecked Sendable {
    private var items: [SweepProgress] = []
    private let lock = NSLockish()
    func add(_ p: SweepProgress) { lock.withLock { items.append(p) } }
    var all: [SweepProgress] { lock.withLock { items } }
}

import Synchronization

final class NSLockish: Sendable {
    private let mutex = Mutex(())
    func withLock<T>(_ body: () -> T) -> T { mutex.withLock { _ in body() } }
}
