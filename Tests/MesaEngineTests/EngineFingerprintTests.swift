import Foundation
@testable import MesaEngine
import MesaResults
import MesaScenario
import Testing

/// Guards the run cache's engine version (docs/cache.md): a few small fixed runs covering every
/// part of the engine are hashed, and the hash is pinned to `EngineVersion.current`. A change
/// that alters any result changes the hash; the test then fails until the version is bumped and
/// the new hash pinned, so a stale cache entry can never pass for a current one.
@Suite("Engine fingerprint")
struct EngineFingerprintTests {
    /// The fingerprint of each engine version. To pin a new version: bump
    /// `EngineVersion.current`, run this test, and add the hash it prints.
    static let pinned: [Int: String] = [
        2: "adf2630af8a39a3210696efc4a951ae7e92e07a971996532ad44083b79524bce",
        // 3: drawings carry the cells the search expanded.
        3: "3e374d2380a6781aeefb77cb0d46e2151e6dd194d1650b6882718550cf6f4430",
        // 4: `optimality_gap auto` skips a solve that costs more than a second and the run itself.
        4: "2ce6feb98a35956a9a83f1705e60a5611db28edb452110d5fc48fb07871a9ea2",
        // 5: under a time penalty the canonical model keeps table entries that spare the search its
        // expansions, so `loss` (and the optimality gap) is the trained model's; a climb with μ_T > 0
        // joins the fixed runs.
        5: "60b2ad74ca8cfc40e7050cf49290d477d82bc34c1222a973b354309e81c97ce7",
        // 6: the regression world (runs with checkpoints) joins the fixed runs.
        6: "919ed92ec3eb980f720e8f93c03c6ec3b9b55718e3dd95a7e4883137171944a0",
        // 7: the teacher world (two phases, a no-trigger control) joins the fixed runs.
        7: "3b41780f6d1249ede42c5a84b2404e94db74bc8c1364224852f4466abed434ca",
    ]

    /// Small runs that between them use every optimizer, acceptance rule, model part and world
    /// option: a change to any of them shows.
    static func specs() -> [SimulationSpec] {
        var specs: [SimulationSpec] = []

        var deceptive = Fixtures.spec(width: 5, height: 4, instances: 3, parameters: 48, steps: 600)
        var deception = DeceptionSpec()
        deception.detectorCost = 2
        deception.falsePositive = 0.4
        deception.initialShare = 1
        deceptive.deception = deception
        deceptive.bias.descriptionLength = 0.02
        deceptive.training.acceptance = .anneal(0.05)
        deceptive.environment.goal = .region
        deceptive.environment.goalCorrelation = 0.7
        specs.append(deceptive)

        var exact = Fixtures.spec(width: 4, height: 3, instances: 2, parameters: 24, optimizer: .exact)
        exact.model.hardcodedSearch = 1
        exact.model.goalFeatureCost = 2
        exact.bias.speed = 0.1
        exact.deception = deception
        specs.append(exact)

        var stateful = Fixtures.spec(width: 4, height: 4, instances: 2, parameters: 40, steps: 500)
        stateful.model.memory = .episode
        stateful.model.fallback = .greedy
        stateful.environment.loops = 0.2
        stateful.training.acceptance = .strict
        stateful.training.initial = .random
        specs.append(stateful)

        var scripted = Fixtures.spec(width: 4, height: 3, instances: 2, parameters: 30, steps: 400)
        scripted.environment.teacher = .scripted
        scripted.model.encoding = .indirect(genes: 6)
        scripted.training.acceptance = .tolerance(0.01)
        specs.append(scripted)

        var relative = Fixtures.spec(width: 3, height: 3, instances: 2, parameters: 1, optimizer: .exact)
        relative.model.relativeBudget = RelativeBudget(base: .binary(.add, .name("k_fit"), .name("detector_cost")), offset: 1)
        relative.deception = deception
        specs.append(relative)

        var unsolved = Fixtures.spec(width: 4, height: 3, instances: 2, parameters: 30, steps: 300)
        unsolved.training.optimalityGap = .never
        specs.append(unsolved)

        var timed = Fixtures.spec(width: 5, height: 5, instances: 3, parameters: 80, steps: 800)
        timed.bias.speed = 0.01
        specs.append(timed)

        // The regression world: a tiny two-circuit learner trained by Adam with a cosine schedule.
        var regression = SimulationSpec()
        regression.world = .regression
        regression.training.optimizer = .adam
        regression.regression.dimension = 3
        regression.regression.context = 5
        regression.regression.tasks = 4
        regression.regression.memory = 2
        regression.regression.steps = 30
        regression.regression.batch = 8
        regression.regression.warmup = 5
        regression.regression.schedule = .cosine
        regression.regression.unseenTasks = 8
        regression.regression.evaluationSequences = 50
        specs.append(regression)

        // The teacher world: a tiny two-layer MLP with the input trigger and decay in both phases.
        var teacher = SimulationSpec()
        teacher.world = .teacher
        teacher.training.optimizer = .adam
        teacher.teacher.dimension = 3
        teacher.teacher.teacherWidth = 3
        teacher.teacher.tasks = 2
        teacher.teacher.evaluationInputs = 32
        teacher.teacher.layers = 2
        teacher.teacher.width = 5
        teacher.teacher.trigger = .input
        teacher.teacher.probability = 0.3
        teacher.teacher.offset = 2
        teacher.teacher.steps = 15
        teacher.teacher.batch = 8
        teacher.teacher.learningRate = 0.01
        teacher.teacher.weightDecay = 0.01
        teacher.teacher.phase2Steps = 10
        teacher.teacher.phase2WeightDecay = 0.5
        specs.append(teacher)
        return specs
    }

    static func fingerprint() throws -> String {
        var bytes: [UInt8] = []
        for (i, spec) in specs().enumerated() {
            let context = RunContext(spec: spec, runSeed: UInt64(100 + i), worldSeed: UInt64(200 + i), drawsEpisodes: true)
            let output = try RunSimulator.run(context)
            bytes += Array(try ResultsJSON.encode(StoredRun(metrics: output.metrics, drawings: output.drawings,
                                                            checkpoints: output.checkpoints), layout: .compact))
        }
        return SHA256.hex(bytes)
    }

    @Test("the fixed runs hash to the fingerprint pinned for EngineVersion.current")
    func pinnedToTheVersion() throws {
        let fingerprint = try Self.fingerprint()
        #expect(Self.pinned[EngineVersion.current] == fingerprint, """
            The engine's results changed. If intended, bump EngineVersion.current and pin \
            \(EngineVersion.current + (Self.pinned[EngineVersion.current] == nil ? 0 : 1)): "\(fingerprint)".
            """)
    }
}
