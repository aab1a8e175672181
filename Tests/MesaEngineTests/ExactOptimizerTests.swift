import Foundation
@testable import MesaEngine
import MesaResults
import MesaScenario
import Testing

@Suite("Exact optimizer")
struct ExactOptimizerTests {
    /// A 3×2 world, N = 2, K = 4, search costing x parameters up to 1 bit (m = 1: a one-step
    /// lookahead), features of 1 parameter each, a 1-parameter detector.
    func tinySpec(lambda: Double, mu: Double, falsePositive: Double, seed: UInt64) -> SimulationSpec {
        var spec = Fixtures.spec(width: 3, height: 2, instances: 2, parameters: 4, optimizer: .exact, seed: seed)
        spec.model.searchCost = .variable
        spec.model.maxBits = 1
        var deception = DeceptionSpec()
        deception.detectorCost = 1
        deception.falsePositive = falsePositive
        deception.target = .corner(.bottom_left)
        spec.deception = deception
        spec.bias.descriptionLength = lambda
        spec.bias.speed = mu
        spec.training.values = 3
        return spec
    }

    struct BruteForce {
        var minimum = Double.infinity
        var mesa = 0.0, deceptive = 0.0, total = 0.0
    }

    /// Every model of the class: structures × every table of at most K − base entries.
    func bruteForce(_ spec: SimulationSpec, runSeed: UInt64) -> BruteForce {
        let world = RunWorld(spec: spec, worldSeed: runSeed)
        let modelClass = Fixtures.modelClass(spec, seed: runSeed)
        var evaluator = TrainingEvaluator(world: world, modelClass: modelClass)
        let slots = modelClass.encoding.slotCount
        var models: [(MesaModel, Double, Bool)] = []
        var structures: [MesaModel] = []
        for m in 0...modelClass.curve.maxMachinery {
            let hasSearch = m > 0 || modelClass.hasHardcodedSearch
            for wg in (hasSearch ? modelClass.weightGrid : [0]) {
                for wp in (hasSearch ? modelClass.weightGrid : [0]) {
                    for detector in [0, modelClass.detectorCost ?? 0] {
                        var model = MesaModel(slots: slots)
                        model.machinery = m
                        model.weightGoal = wg
                        model.weightProxy = wp
                        model.detector = detector
                        if modelClass.parametersInUse(model) <= modelClass.budget, !structures.contains(model) {
                            structures.append(model)
                        }
                    }
                }
            }
        }
        var best = BruteForce()
        func visit(_ model: MesaModel, from slot: Int) {
            let outcomes = (0..<world.training.count).map { evaluator.trainingEpisode(model, instance: $0) }
            let loss = evaluator.loss(model, outcomes: outcomes)
            let totals = TrainingTotals(outcomes)
            let isMesa = modelClass.learnedBits(model) >= 1 && totals.decisions > 0
                && 2 * totals.searchDecisions >= totals.decisions
            models.append((model, loss, isMesa))
            best.minimum = min(best.minimum, loss)
            guard modelClass.parametersInUse(model) < modelClass.budget else { return }
            for s in slot..<slots {
                for action in 0..<4 {
                    var next = model
                    next.table.set(s, Int8(action))
                    visit(next, from: s + 1)
                }
            }
        }
        for structure in structures { visit(structure, from: 0) }
        let lnV = log(Double(spec.training.values))
        let winners = models.filter { $0.1 <= best.minimum + 1e-9 }
        let top = winners.map { Double(modelClass.budget - modelClass.parametersInUse($0.0)) * lnV }.max()!
        for (model, _, isMesa) in winners {
            let w = exp(Double(modelClass.budget - modelClass.parametersInUse(model)) * lnV - top)
            best.total += w
            if isMesa { best.mesa += w }
            if modelClass.hasCompleteDetector(model) { best.deceptive += w }
        }
        return best
    }

    func exact(_ spec: SimulationSpec, runSeed: UInt64) throws -> ExactSummary {
        let world = RunWorld(spec: spec, worldSeed: runSeed)
        let modelClass = Fixtures.modelClass(spec, seed: runSeed)
        var optimizer = try ExactOptimizer(evaluator: TrainingEvaluator(world: world, modelClass: modelClass),
                                           values: spec.training.values)
        return try optimizer.solve(drawSeed: 5)
    }

    @Test("with penalties, minimum loss and posterior shares equal brute-force enumeration")
    func matchesBruteForceWithPenalties() throws {
        for seed in UInt64(1)...3 {
            let spec = tinySpec(lambda: 0.1, mu: 0.05, falsePositive: 0.5, seed: seed)
            let brute = bruteForce(spec, runSeed: seed)
            let result = try exact(spec, runSeed: seed)
            #expect(abs(result.loss - brute.minimum) < 1e-9)
            #expect(abs(result.mesaPosterior - brute.mesa / brute.total) < 1e-9)
            #expect(abs(result.deceptivePosterior - brute.deceptive / brute.total) < 1e-9)
        }
    }

    @Test("without penalties, the minimum loss equals brute-force enumeration")
    func matchesBruteForceWithoutPenalties() throws {
        for seed in UInt64(10)...12 {
            let spec = tinySpec(lambda: 0, mu: 0, falsePositive: 0, seed: seed)
            let brute = bruteForce(spec, runSeed: seed)
            let result = try exact(spec, runSeed: seed)
            #expect(abs(result.loss - brute.minimum) < 1e-9)
        }
    }

    @Test("the drawn model reaches the minimum loss and respects the budget")
    func drawnModelIsOptimal() throws {
        let spec = tinySpec(lambda: 0.05, mu: 0, falsePositive: 0, seed: 3)
        let result = try exact(spec, runSeed: 3)
        let world = RunWorld(spec: spec, worldSeed: 3)
        let modelClass = Fixtures.modelClass(spec, seed: 3)
        var evaluator = TrainingEvaluator(world: world, modelClass: modelClass)
        let outcomes = (0..<world.training.count).map { evaluator.trainingEpisode(result.model, instance: $0) }
        #expect(abs(evaluator.loss(result.model, outcomes: outcomes) - result.loss) < 1e-9)
        #expect(modelClass.parametersInUse(result.model) <= modelClass.budget)
    }

    @Test("a perfect detector under a description-length penalty is never selected")
    func perfectDetectorIsSelectedAgainst() throws {
        let spec = tinySpec(lambda: 0.1, mu: 0, falsePositive: 0, seed: 4)
        let result = try exact(spec, runSeed: 4)
        #expect(result.deceptivePosterior == 0)
        #expect(result.deceptiveStructureShare == 0)
    }

    @Test("classes too large are refused with their size")
    func refusesLargeClasses() {
        var spec = Fixtures.spec(width: 30, height: 30, instances: 500, parameters: 4000, optimizer: .exact)
        spec.model.maxBits = 8
        let world = RunWorld(spec: { var s = spec; s.environment.instances = 1; s.deployment.instances = 1; return s }(),
                             worldSeed: 1)
        let big = TaskSet(spec: spec.environment, instances: Array(repeating: world.training.instances[0], count: 500))
        let evaluator = TrainingEvaluator(world: RunWorld(training: big, deployment: world.deployment),
                                          modelClass: Fixtures.modelClass(spec, seed: 1))
        #expect(throws: ExactRefusal.self) { try ExactOptimizer(evaluator: evaluator, values: 4) }
        do {
            _ = try ExactOptimizer(evaluator: evaluator, values: 4)
        } catch {
            #expect("\(error)".contains("structures"))
        }
    }

    @Test("the spec-level class size (what `check` refuses by) equals the optimizer's own count")
    func classSizeMatchesTheOptimizer() throws {
        for (k, fp, target, styles, b) in [(64, 0.0, DetectorTarget.corner(.bottom_left), Set(ModelStyle.allCases), 0.0),
                                           (20, 0.5, .any, Set(ModelStyle.allCases), 1), (9, 0.5, .corner(.top_left), [.search], 0),
                                           (40, 0, .any, [.heuristic], 2), (12, 0.5, .any, Set(ModelStyle.allCases), 0)] {
            var spec = Fixtures.spec(width: 3, height: 3, instances: 2, parameters: k, optimizer: .exact)
            spec.model.styles = styles
            spec.model.hardcodedSearch = b
            spec.model.goalFeatureCost = 3
            var deception = DeceptionSpec()
            deception.detectorCost = 3
            deception.falsePositive = fp
            deception.target = target
            spec.deception = deception
            let world = RunWorld(spec: spec, worldSeed: 1)
            let optimizer = try ExactOptimizer(evaluator: TrainingEvaluator(world: world, modelClass: Fixtures.modelClass(spec, seed: 1)),
                                               values: 4)
            let size = ExactClass(spec)
            #expect(size.behaviours == optimizer.structures.behaviours.count, "K \(k), fp \(fp)")
            #expect(size.structures == optimizer.structures.structures.count, "K \(k), fp \(fp)")
        }
    }

    @Test("analyses are shared across N (instance i is the same maze): a sweep's runs equal fresh solves")
    func sharedAnalysesEqualFreshSolves() throws {
        let cache = ExactAnalysisCache()
        var shared: [RunMetrics] = [], fresh: [RunMetrics] = []
        for n in [4, 2, 3] {
            var spec = Fixtures.spec(width: 4, height: 3, instances: n, parameters: 30, optimizer: .exact)
            spec.bias.descriptionLength = 0.05
            var deception = DeceptionSpec()
            deception.detectorCost = 2
            deception.falsePositive = 0.5
            spec.deception = deception
            shared.append(try RunSimulator.run(RunContext(spec: spec, runSeed: 9, worldSeed: 4, exactCache: cache)).metrics)
            fresh.append(try RunSimulator.run(RunContext(spec: spec, runSeed: 9, worldSeed: 4)).metrics)
            if n == 4 { #expect(cache.count > 0) }
        }
        #expect(shared == fresh)
        // Without a detector, N = 4 after N = 2 analyses only its two new instances.
        var spec = Fixtures.spec(width: 4, height: 3, instances: 2, parameters: 30, optimizer: .exact)
        spec.bias.descriptionLength = 0.05
        let before = cache.count
        _ = try RunSimulator.run(RunContext(spec: spec, runSeed: 9, worldSeed: 4, exactCache: cache))
        let grown = cache.count - before
        spec.environment.instances = 4
        _ = try RunSimulator.run(RunContext(spec: spec, runSeed: 9, worldSeed: 4, exactCache: cache))
        #expect(cache.count - before == 2 * grown, "N = 4 analyses only its two new instances")
    }
}
