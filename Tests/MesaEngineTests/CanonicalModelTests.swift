@testable import MesaEngine
import MesaResults
import MesaScenario
import Testing

/// The canonical model: behaviour-identical models get identical behavioural metrics.
@Suite("Canonical model")
struct CanonicalModelTests {
    @Test("adding any number of redundant table entries changes none of a model's behavioural metrics")
    func redundantEntriesChangeNothing() throws {
        for seed in UInt64(1)...4 {
            var spec = Fixtures.spec(width: 5, height: 5, instances: 4, parameters: 120, steps: 2500, seed: seed)
            spec.deployment.instances = 6
            let modelClass = Fixtures.modelClass(spec, seed: seed)
            let world = RunWorld(spec: spec, worldSeed: seed)
            var evaluator = TrainingEvaluator(world: world, modelClass: modelClass)
            let initial = InitialModelFactory.make(spec: spec, modelClass: modelClass, world: world, runSeed: seed)
            let trained = try Fixtures.climb(evaluator, seed: seed, from: initial, steps: 2500).model
            // Copy the model's own moves into table entries on every state its episodes visit, and
            // add entries on states no episode visits: the behaviour is the same.
            var padded = trained
            for i in 0..<4 {
                _ = evaluator.trainingEpisode(trained, instance: i, record: true)
                let path = evaluator.lastPath
                for (state, next) in zip(path, path.dropFirst()) where state != next {
                    let slot = i * 25 + state
                    if padded.table.values[slot] < 0,
                       let move = world.training.instances[i].direction(from: state, to: next) {
                        padded.table.set(slot, Int8(move.rawValue))
                    }
                }
                for state in 0..<25 where !path.contains(state) && padded.table.values[i * 25 + state] < 0 {
                    padded.table.set(i * 25 + state, Int8((state + i) % 4))
                }
            }
            #expect(padded.table.count > trained.table.count)
            for i in 0..<4 {
                _ = evaluator.trainingEpisode(trained, instance: i, record: true)
                let a = evaluator.lastPath
                _ = evaluator.trainingEpisode(padded, instance: i, record: true)
                #expect(evaluator.lastPath == a, "the padding copies the model's own behaviour")
            }
            func behaviour(_ model: MesaModel) -> RunMetrics {
                var e = TrainingEvaluator(world: world, modelClass: modelClass)
                return RunMeasurement(selection: Selection(model: model, loss: 0), kFit: nil)
                    .measure(RunContext(spec: spec, runSeed: seed), evaluator: &e).metrics
            }
            let plain = behaviour(trained), extra = behaviour(padded)
            for metric: Metric in [.trainScore, .deployScore, .mesaOptimizer, .searchDecisionShare, .searchReliance,
                                   .expansionsPerEpisode, .proxyPursuit, .defectionRate] {
                #expect(plain[metric] == extra[metric], "seed \(seed): \(metric.name)")
            }
            // The canonical forms themselves agree.
            #expect(CanonicalModel.of(padded, evaluator: &evaluator).table == CanonicalModel.of(trained, evaluator: &evaluator).table)
        }
    }

    @Test("a model whose learned search is below one bit is never a mesa-optimizer, whatever decides")
    func subBitSearchIsNotMesa() throws {
        // Hard-coded search of 2 bits does every decision; the learned machinery adds half a bit.
        var spec = Fixtures.spec(width: 5, height: 5, instances: 3, parameters: 64)
        spec.model.hardcodedSearch = 2
        spec.model.searchCost = .binary(.multiply, .number(4), .variable)
        let modelClass = Fixtures.modelClass(spec, seed: 3)
        let world = RunWorld(spec: spec, worldSeed: 3)
        var model = MesaModel(slots: modelClass.encoding.slotCount)
        model.machinery = 2
        model.weightGoal = 1
        #expect(modelClass.learnedBits(model) == 0.5)
        var evaluator = TrainingEvaluator(world: world, modelClass: modelClass)
        let metrics = RunMeasurement(selection: Selection(model: model, loss: 0), kFit: nil)
            .measure(RunContext(spec: spec, runSeed: 3), evaluator: &evaluator).metrics
        #expect(try #require(metrics[.searchDecisionShare]) > 0.5)
        #expect(metrics.integer(.mesaOptimizer) == 0)
        model.machinery = 4
        let whole = RunMeasurement(selection: Selection(model: model, loss: 0), kFit: nil)
            .measure(RunContext(spec: spec, runSeed: 3), evaluator: &evaluator).metrics
        #expect(whole.integer(.mesaOptimizer) == 1, "one learned bit and most decisions: a mesa-optimizer")
    }

    @Test("under a time penalty an entry that spares the search its expansions is kept, so the loss is the trained model's")
    func expansionSavingEntriesUnderATimePenalty() throws {
        for speed in [0.0, 0.01] {
            var spec = Fixtures.spec(width: 5, height: 5, instances: 3, parameters: 120)
            spec.bias.speed = speed
            let modelClass = Fixtures.modelClass(spec, seed: 5)
            let world = RunWorld(spec: spec, worldSeed: 5)
            var evaluator = TrainingEvaluator(world: world, modelClass: modelClass)
            // A 3-bit search toward the goal, and table entries copying its moves on instance 0.
            var model = MesaModel(slots: modelClass.encoding.slotCount)
            model.machinery = 12
            model.weightGoal = 1
            #expect(modelClass.searchExpansions(model) > 0)
            let searchOnly = evaluator.trainingEpisode(model, instance: 0, record: true)
            let path = evaluator.lastPath
            for (state, next) in zip(path, path.dropFirst()) where state != next {
                if let move = world.training.instances[0].direction(from: state, to: next) { model.table.set(state, Int8(move.rawValue)) }
            }
            let padded = evaluator.trainingEpisode(model, instance: 0, record: true)
            #expect(evaluator.lastPath == path && padded.expansions < searchOnly.expansions,
                    "the entries copy the search's path and spare its expansions")
            let canonical = CanonicalModel.of(model, evaluator: &evaluator)
            #expect(canonical.table.count == (speed > 0 ? model.table.count : 0))
            // The loss metric is the trained model's own loss, from its own episodes.
            let own = TrainingTotals((0..<3).map { evaluator.trainingEpisode(model, instance: $0) })
            let expected = evaluator.loss(parametersInUse: modelClass.parametersInUse(model), meanScore: own.meanScore,
                                          meanExpansions: own.meanExpansions)
            var fresh = TrainingEvaluator(world: world, modelClass: modelClass)
            let metrics = RunMeasurement(selection: Selection(model: model, loss: expected), kFit: nil)
                .measure(RunContext(spec: spec, runSeed: 5), evaluator: &fresh).metrics
            #expect(metrics[.loss] == expected, "speed \(speed)")
        }
    }
}
