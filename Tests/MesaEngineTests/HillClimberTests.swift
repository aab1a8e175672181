@testable import MesaEngine
import MesaResults
import MesaScenario
import Testing

@Suite("Hill climbing")
struct HillClimberTests {
    func climb(_ spec: SimulationSpec, runSeed: UInt64, steps: Int,
               trace: @escaping (Int, MesaModel, Double, ModelClass) -> Void) throws -> Selection {
        let world = RunWorld(spec: spec, worldSeed: runSeed)
        let modelClass = Fixtures.modelClass(spec, seed: runSeed)
        var evaluator = TrainingEvaluator(world: world, modelClass: modelClass)
        let initial = InitialModelFactory.make(spec: spec, modelClass: modelClass, world: world, runSeed: runSeed)
        var climber = HillClimber(seed: runSeed &+ 1, initial: initial, steps: steps, acceptance: spec.training.acceptance)
        climber.trace = { trace($0, $1, $2, modelClass) }
        return try climber.select(with: &evaluator)
    }

    @Test("parameters in use never exceed K, under thousands of mutations of every kind")
    func accountingStaysWithinBudget() throws {
        for (k, initial, encoding) in [(12, InitialModel.empty, Encoding.direct), (40, .random, .direct),
                                       (9, .random, .indirect(genes: 6)), (30, .empty, .indirect(genes: 50))] {
            var spec = Fixtures.spec(width: 4, height: 4, instances: 3, parameters: k)
            spec.training.initial = initial
            spec.model.encoding = encoding
            spec.model.goalFeatureCost = 2
            spec.model.hardcodedSearch = k % 2 == 0 ? 0 : 1
            var deception = DeceptionSpec()
            deception.detectorCost = 3
            deception.falsePositive = 0.34
            deception.initialShare = 0.5
            spec.deception = deception
            var steps = 0
            _ = try climb(spec, runSeed: UInt64(k), steps: 3000) { _, model, _, modelClass in
                steps += 1
                #expect(modelClass.parametersInUse(model) <= modelClass.budget)
                #expect(model.machinery <= modelClass.curve.maxMachinery)
                #expect((0...3).contains(model.detector))
                #expect(model.table.count == model.table.values.filter { $0 >= 0 }.count)
            }
            #expect(steps == 3000)
        }
    }

    @Test("neutral never raises the loss, strict only lowers it; both equal the loss recomputed from scratch")
    func acceptanceRules() throws {
        for seed in UInt64(1)...4 {
            for rule in [AcceptanceRule.neutral, .strict] {
                var spec = Fixtures.spec(width: 5, height: 5, instances: 6, parameters: 48)
                spec.bias.descriptionLength = seed % 2 == 0 ? 0.2 : 0
                spec.bias.speed = seed > 2 ? 0.1 : 0
                spec.model.memory = seed == 3 ? .episode : .none
                spec.training.acceptance = rule
                let world = RunWorld(spec: spec, worldSeed: seed)
                var previous = Double.infinity
                var previousModel: MesaModel?
                var checker = TrainingEvaluator(world: world, modelClass: Fixtures.modelClass(spec, seed: seed))
                _ = try climb(spec, runSeed: seed, steps: 1500) { step, model, loss, _ in
                    #expect(loss <= previous)
                    if rule == .strict, let before = previousModel, model != before { #expect(loss < previous) }
                    previous = loss
                    previousModel = model
                    if step % 97 == 0 {
                        let outcomes = (0..<world.training.count).map { checker.trainingEpisode(model, instance: $0) }
                        #expect(checker.loss(model, outcomes: outcomes) == loss)
                    }
                }
            }
        }
    }

    @Test("tolerance ε accepts a rise of at most ε; annealing ends strict (T reaches 0 at the last step)")
    func approximateAcceptance() throws {
        for seed in UInt64(1)...3 {
            var spec = Fixtures.spec(width: 5, height: 5, instances: 6, parameters: 48)
            spec.bias.descriptionLength = 0.3
            spec.training.acceptance = .tolerance(0.01)
            var previous = Double.infinity, rises = 0
            _ = try climb(spec, runSeed: seed, steps: 1500) { _, _, loss, _ in
                #expect(loss <= previous + 0.01 + 1e-12)
                if loss > previous { rises += 1 }
                previous = loss
            }
            #expect(rises > 0, "the tolerance is used")
            spec.training.acceptance = .anneal(0.05)
            var lastRise = -1
            previous = .infinity
            _ = try climb(spec, runSeed: seed, steps: 1500) { step, _, loss, _ in
                if loss > previous { lastRise = step }
                previous = loss
            }
            #expect(lastRise < 1499, "at the last step the temperature is 0: no rise is accepted")
        }
    }

    @Test("one instance is fitted by the table")
    func singleInstanceIsFitted() throws {
        var spec = Fixtures.spec(width: 5, height: 5, instances: 1, parameters: 64, steps: 3000)
        spec.model.styles = [.heuristic]
        let result = try climb(spec, runSeed: 9, steps: 3000) { _, _, _, _ in }
        #expect(result.loss == 0)
    }
}
