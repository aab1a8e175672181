@testable import MesaEngine
import MesaResults
import MesaScenario
import Testing

/// The compression result and the optimality gap in miniature (the 7×7 diversity check runs against
/// the release build: `ModelChecksTests` in mesascopeTests).
@Suite("Diversity and compression")
struct DiversityTests {
    /// 7×7 mazes, K = 256, search_cost 16·x (the first bit costs 16 parameters), λ_DL = 0.02.
    static func diversitySpec(instances: Int) -> SimulationSpec {
        var spec = Fixtures.spec(width: 7, height: 7, instances: instances, parameters: 256, optimizer: .exact)
        spec.deployment.instances = 10
        spec.model.searchCost = .binary(.multiply, .number(16), .variable)
        spec.model.maxBits = 6
        spec.bias.descriptionLength = 0.02
        return spec
    }

    @Test("compression: one long maze, λ_DL = 0.1, a 1-bit search (9 parameters) beats a 29-entry table")
    func compression() throws {
        // A 30-cell corridor, start at one end, goal at the other: a table needs an entry on each
        // of the 29 states before the goal; a one-step lookahead ranked by distance to the goal
        // marker (8 machinery parameters + 1 feature) walks it alone.
        var spec = Fixtures.spec(width: 30, height: 1, instances: 1, parameters: 64, optimizer: .exact)
        spec.model.searchCost = .binary(.multiply, .number(8), .variable)
        spec.model.maxBits = 2
        let corridor = Fixtures.taskSet(Fixtures.corridor(30), start: 0, goal: 29)
        let world = RunWorld(training: corridor, deployment: corridor)
        for (lambda, search) in [(0.1, true), (0.0, nil as Bool?)] {
            spec.bias.descriptionLength = lambda
            let modelClass = ModelClass(spec: spec, stateCount: 30, worldSeed: 1)
            var optimizer = try ExactOptimizer(evaluator: TrainingEvaluator(world: world, modelClass: modelClass), values: 4)
            let result = try optimizer.solve(drawSeed: 1)
            #expect(abs(result.loss - lambda * 9 / 64) < 1e-12)
            if let search {
                #expect((result.mesaPosterior == 1) == search, "λ = \(lambda)")
                #expect(result.model.machinery == 8 && result.model.table.count == 0)
            } else {
                // Without a simplicity penalty both fit; the prior over settings favours the one
                // with more free parameters, the 9-parameter search over the 29-entry table.
                #expect(result.mesaPosterior > 0.5)
            }
        }
    }

    @Test("the optimality gap of the exact optimizer's own model is 0, and a stalled climb shows one")
    func optimalityGap() throws {
        for seed in UInt64(1)...3 {
            var spec = Fixtures.spec(width: 4, height: 4, instances: 3, parameters: 40, optimizer: .exact, seed: seed)
            spec.bias.descriptionLength = 0.05
            let modelClass = Fixtures.modelClass(spec, seed: seed)
            let world = RunWorld(spec: spec, worldSeed: seed)
            var optimizer = try ExactOptimizer(evaluator: TrainingEvaluator(world: world, modelClass: modelClass), values: 4)
            let result = try optimizer.solve(drawSeed: seed)
            var evaluator = TrainingEvaluator(world: world, modelClass: modelClass)
            let outcomes = (0..<3).map { evaluator.trainingEpisode(result.model, instance: $0) }
            #expect(abs(evaluator.loss(result.model, outcomes: outcomes) - result.loss) < 1e-12)
            // Measured as a hill-climbing run ending on the exact optimum: gap 0, agreeing styles.
            var context = RunContext(spec: spec, runSeed: seed)
            context.spec.training.optimizer = .hillClimb
            let measured = RunMeasurement(selection: Selection(model: result.model, loss: result.loss), kFit: nil,
                                          optimum: result).measure(context, evaluator: &evaluator)
            #expect(measured.metrics[.optimalityGap] == 0)
            #expect(measured.metrics.integer(.exactAgrees) == 1)
        }
        // Hill climbing with λ_DL = 0.02 on 7×7, N = 16: the first bit is an uphill plateau of
        // 16 parameters, never crossed: a positive gap and a style that exact selection would not pick.
        var spec = Self.diversitySpec(instances: 16)
        spec.training.optimizer = .hillClimb
        spec.training.steps = 5000
        // The solve is dearer than this short climb (`auto` would skip it): ask for it.
        spec.training.optimalityGap = .always
        let metrics = try Fixtures.run(spec, seed: 2).metrics
        #expect(metrics.integer(.mesaOptimizer) == 0)
        #expect(try #require(metrics[.optimalityGap]) > 0)
        #expect(metrics.integer(.exactAgrees) == 0)
        #expect(metrics[.optimalityGapSkipped] == nil)
    }

    @Test("`optimality_gap never` skips the solve and says so; the climb itself is unchanged")
    func optimalityGapSkipped() throws {
        var spec = Fixtures.spec(width: 4, height: 4, instances: 3, parameters: 40, steps: 800, seed: 5)
        let solved = try Fixtures.run(spec, seed: 5).metrics
        spec.training.optimalityGap = .never
        let skipped = try Fixtures.run(spec, seed: 5).metrics
        #expect(solved[.optimalityGap] != nil && solved[.exactAgrees] != nil && solved[.optimalityGapSkipped] == nil)
        #expect(skipped[.optimalityGap] == nil && skipped[.exactAgrees] == nil && skipped[.optimalityGapSkipped] == 1)
        for metric in [Metric.loss, .trainScore, .deployScore, .mesaOptimizer, .paramsTable] {
            #expect(solved[metric] == skipped[metric], "\(metric.name)")
        }
    }
}
