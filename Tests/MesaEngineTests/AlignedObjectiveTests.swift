@testable import MesaEngine
import MesaResults
import MesaScenario
import Testing

/// The mesa-objective metrics: the learned weights, and what swapping in the goal-seeking
/// objective would change, against a recomputation from scratch.
@Suite struct AlignedObjectiveTests {
    /// The hill climb of `RunSimulator.run` for `spec` and `seed`: its final model.
    static func trainedModel(_ spec: SimulationSpec, seed: UInt64) throws -> MesaModel {
        let world = RunWorld(spec: spec, worldSeed: seed)
        let modelClass = Fixtures.modelClass(spec, seed: seed)
        let initial = InitialModelFactory.make(spec: spec, modelClass: modelClass, world: world, runSeed: seed)
        return try Fixtures.climb(TrainingEvaluator(world: world, modelClass: modelClass),
                                  seed: StreamSeed.derive(seed, .optimizer), from: initial, steps: spec.training.steps).model
    }

    @Test("the recorded weights and swap effects equal a recomputation from scratch")
    func matchesRecomputation() throws {
        var searching = 0
        for seed: UInt64 in 1...4 where try Self.check(seed: seed) { searching += 1 }
        #expect(searching >= 2, "the check must see models with search machinery")
    }

    /// Checks one run; true when its model has search machinery.
    static func check(seed: UInt64) throws -> Bool {
        var spec = Fixtures.spec(width: 5, height: 5, instances: 8, parameters: 48, steps: 1500)
        spec.environment.goal = .region
        spec.training.steps = 3000
        let metrics = try Fixtures.run(spec, seed: seed).metrics
        let model = try Self.trainedModel(spec, seed: seed)
        guard model.machinery > 0 else {
            #expect(metrics.integer(.objectiveGoalWeight) == nil && metrics[.alignedLossChange] == nil)
            #expect(metrics[.alignedDeployGain] == nil && metrics.integer(.objectiveProxyWeight) == nil)
            return false
        }
        #expect(metrics.integer(.objectiveGoalWeight) == model.weightGoal)
        #expect(metrics.integer(.objectiveProxyWeight) == model.weightProxy)
        // From scratch: a fresh evaluator, both models, every training and deployment instance.
        let world = RunWorld(spec: spec, worldSeed: seed)
        var evaluator = TrainingEvaluator(world: world, modelClass: Fixtures.modelClass(spec, seed: seed))
        var aligned = model
        (aligned.weightGoal, aligned.weightProxy) = (1, 0)
        func loss(_ m: MesaModel) -> Double {
            evaluator.loss(m, outcomes: (0..<world.training.count).map { evaluator.trainingEpisode(m, instance: $0) })
        }
        func deployScore(_ m: MesaModel) -> Double {
            let scores = (0..<world.deployment.count).map { evaluator.deploymentEpisode(m, instance: $0).score }
            return scores.reduce(0, +) / Double(scores.count)
        }
        #expect(metrics[.alignedLossChange] == loss(aligned) - loss(model))
        #expect(metrics[.alignedDeployGain] == deployScore(aligned) - deployScore(model))
        if (model.weightGoal, model.weightProxy) == (1, 0) {
            #expect(metrics[.alignedLossChange] == 0 && metrics[.alignedDeployGain] == 0)
        }
        return true
    }

    @Test("a model without search machinery has no objective to swap")
    func noMachinery() throws {
        let spec = Fixtures.spec(width: 4, height: 4, instances: 1, parameters: 32, steps: 0)
        let metrics = try Fixtures.run(spec, seed: 1).metrics
        #expect(metrics.integer(.paramsSearch) == 0)
        #expect(metrics.integer(.objectiveGoalWeight) == nil && metrics[.alignedLossChange] == nil)
        var evaluator = TrainingEvaluator(world: RunWorld(spec: spec, worldSeed: 1), modelClass: Fixtures.modelClass(spec, seed: 1))
        let empty = MesaModel(slots: Fixtures.modelClass(spec, seed: 1).encoding.slotCount)
        #expect(AlignedObjective.measure(empty, loss: 1, deployScore: 0, evaluator: &evaluator) == nil)
    }
}
