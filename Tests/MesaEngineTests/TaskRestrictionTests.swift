@testable import MesaEngine
import MesaResults
import MesaScenario
import Testing

/// `environment { pool P }`: N instances drawn from P mazes train on their min(N, P) distinct ones.
@Suite("Task restriction (a pool of mazes)")
struct TaskRestrictionTests {
    static func pooled(instances: Int, pool: Int?, optimizer: Optimizer) -> SimulationSpec {
        var spec = Fixtures.spec(width: 5, height: 5, instances: instances, parameters: 96, steps: 600, optimizer: optimizer)
        spec.environment.pool = pool
        spec.model.maxBits = 4
        spec.bias.descriptionLength = 0.02
        return spec
    }

    @Test("a run with N = 12 from a pool of 3 is the run with N = 3, metric for metric, under both optimizers",
          arguments: [Optimizer.exact, .hillClimb])
    func poolEqualsItsDistinctMazes(_ optimizer: Optimizer) throws {
        let restricted = Self.pooled(instances: 12, pool: 3, optimizer: optimizer)
        let distinct = Self.pooled(instances: 3, pool: nil, optimizer: optimizer)
        #expect(restricted.environment.distinctInstances == 3)
        for seed: UInt64 in [1, 2] {
            let a = try RunSimulator.run(RunContext(spec: restricted, runSeed: seed, worldSeed: 40 + seed))
            let b = try RunSimulator.run(RunContext(spec: distinct, runSeed: seed, worldSeed: 40 + seed))
            #expect(a.metrics == b.metrics)
        }
        // Without the pool the twelve mazes are distinct: a different task.
        let unrestricted = Self.pooled(instances: 12, pool: nil, optimizer: optimizer)
        let c = try RunSimulator.run(RunContext(spec: unrestricted, runSeed: 1, worldSeed: 41))
        let a = try RunSimulator.run(RunContext(spec: restricted, runSeed: 1, worldSeed: 41))
        #expect(c.metrics != a.metrics)
    }

    @Test("a pool at least N restricts nothing")
    func largePoolIsInactive() throws {
        let pooled = Self.pooled(instances: 4, pool: 64, optimizer: .exact)
        let plain = Self.pooled(instances: 4, pool: nil, optimizer: .exact)
        #expect(pooled.environment.distinctInstances == 4)
        let a = try RunSimulator.run(RunContext(spec: pooled, runSeed: 3, worldSeed: 9))
        let b = try RunSimulator.run(RunContext(spec: plain, runSeed: 3, worldSeed: 9))
        #expect(a.metrics == b.metrics)
    }

    @Test("the pool enters the settings' identity only when set; N stays in it, so each N has its own seed")
    func canonicalText() {
        let plain = Self.pooled(instances: 12, pool: nil, optimizer: .exact)
        #expect(!plain.canonicalText.contains("pool"))
        let pooled = Self.pooled(instances: 12, pool: 3, optimizer: .exact)
        #expect(pooled.canonicalText.contains("environment.pool=3\n"))
        #expect(pooled.canonicalText.contains("environment.instances=12\n"))
        let other = Self.pooled(instances: 24, pool: 3, optimizer: .exact)
        #expect(other.canonicalText != pooled.canonicalText)
    }

    @Test("the work estimate counts distinct mazes")
    func workCountsDistinctMazes() {
        let restricted = Scenario.work(of: Self.pooled(instances: 64, pool: 2, optimizer: .hillClimb))
        let distinct = Scenario.work(of: Self.pooled(instances: 2, pool: nil, optimizer: .hillClimb))
        #expect(restricted.hillClimb == distinct.hillClimb)
        #expect(restricted.exactAnalysis == distinct.exactAnalysis)
    }
}
