@testable import MesaEngine
import MesaScenario
import Testing

/// The precomputed memoryless policy that exact selection replays tables over must give exactly
/// the evaluator's episodes.
@Suite("Untabled policy")
struct UntabledPolicyTests {
    @Test("replaying a table over the precomputed decisions equals running the episode, for random models and tables")
    func equalsTheEpisodeRunner() throws {
        var rng = Xoshiro256StarStar(seed: 11)
        for (loops, greedy, hardcoded) in [(0.0, false, 0.0), (0.3, true, 0.0), (0.0, false, 1.5), (0.5, true, 2.0)] {
            var spec = Fixtures.spec(width: 5, height: 4, instances: 3)
            spec.environment.loops = loops
            spec.model.fallback = greedy ? .greedy : .none
            spec.model.hardcodedSearch = hardcoded
            spec.environment.stepLimit = 30
            let world = RunWorld(spec: spec, worldSeed: 5)
            let modelClass = Fixtures.modelClass(spec, seed: 5)
            var evaluator = TrainingEvaluator(world: world, modelClass: modelClass)
            let cells = world.training.stateCount
            for _ in 0..<40 {
                var model = MesaModel(slots: modelClass.encoding.slotCount)
                model.machinery = rng.below(modelClass.curve.maxMachinery + 1)
                model.weightGoal = rng.below(3) - 1
                model.weightProxy = rng.below(3) - 1
                for index in 0..<world.training.count {
                    let computed = evaluator.untabledPolicy(model, instance: index)
                    var policy = try #require(computed)
                    for _ in 0..<10 {
                        var entries: [(cell: Int, action: Int)] = []
                        for _ in 0..<rng.below(5) {
                            let cell = rng.below(cells)
                            if !entries.contains(where: { $0.cell == cell }) { entries.append((cell, rng.below(4))) }
                        }
                        let expected = evaluator.trainingEpisode(model, instance: index, table: { cell in
                            entries.first { $0.cell == cell }.flatMap { Direction(rawValue: $0.action) }
                        })
                        #expect(policy.episode(entries: entries) == expected)
                    }
                }
            }
        }
    }

    @Test("no precomputed policy where the decision depends on more than the state")
    func refusedWhereNotMemoryless() {
        var spec = Fixtures.spec(width: 4, height: 4, instances: 2)
        spec.model.memory = .episode
        let world = RunWorld(spec: spec, worldSeed: 2)
        var evaluator = TrainingEvaluator(world: world, modelClass: Fixtures.modelClass(spec, seed: 2))
        var model = MesaModel(slots: evaluator.modelClass.encoding.slotCount)
        model.machinery = 8
        let policy = evaluator.untabledPolicy(model, instance: 0)
        #expect(policy == nil)
    }
}
