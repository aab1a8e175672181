import Foundation
@testable import MesaEngine
import MesaResults
import MesaScenario
import Testing

/// Deceptive circuits (docs/model.md): the detector built one parameter at a time, K_fit and the
/// premise of the argument against deception by brute force, the counting argument under exact
/// selection, and what hill climbing does under each acceptance rule.
@Suite("Deceptive circuits")
struct DeceptionTests {
    /// A W×H world with N training instances and 8 deployment instances; both styles; search
    /// costing x parameters up to 1 bit (m ∈ {0, 1}: m = 1 is a one-step lookahead; with its
    /// features a search costs 1 + 1 or 1 + 2 parameters); a detector of cost d; V = 4.
    static func spec(
        width: Int = 2, height: Int = 3, instances: Int = 2, parameters: Int, detectorCost: Int = 1,
        falsePositive: Double = 0, truePositive: Double = 1, target: DetectorTarget = .corner(.bottom_left),
        lambda: Double = 0, optimizer: Optimizer = .exact, steps: Int = 0, initialShare: Double = 0,
        acceptance: AcceptanceRule = .neutral
    ) -> SimulationSpec {
        var spec = Fixtures.spec(width: width, height: height, instances: instances, parameters: parameters,
                                 steps: steps, optimizer: optimizer)
        spec.model.searchCost = .variable
        spec.model.maxBits = 1
        var deception = DeceptionSpec()
        deception.detectorCost = detectorCost
        deception.falsePositive = falsePositive
        deception.truePositive = truePositive
        deception.target = target
        deception.initialShare = initialShare
        spec.deception = deception
        spec.bias.descriptionLength = lambda
        spec.training.values = 4
        spec.training.acceptance = acceptance
        return spec
    }

    static func run(_ spec: SimulationSpec, runSeed: UInt64) throws -> RunMetrics {
        try Fixtures.run(spec, seed: runSeed).metrics
    }

    /// Per instance, the best training score of each table size on the instance's own states (k
    /// entries anywhere, any of the 4 moves: every table enumerated), for a detector-free model
    /// with machinery `m` and weights `w` — independent of the engine's completions and knapsack.
    static func bestScores(_ spec: SimulationSpec, runSeed: UInt64, machinery m: Int, weights: (Int, Int)) -> [[Double]] {
        let world = RunWorld(spec: spec, worldSeed: runSeed)
        let modelClass = Fixtures.modelClass(spec, seed: runSeed)
        var evaluator = TrainingEvaluator(world: world, modelClass: modelClass)
        let cells = world.training.stateCount
        var model = MesaModel(slots: modelClass.encoding.slotCount)
        model.machinery = m
        (model.weightGoal, model.weightProxy) = weights
        return (0..<world.training.count).map { i in
            var best = [Double](repeating: -.infinity, count: cells + 1)
            var chosen: [(cell: Int, action: Int)] = []
            func visit(from cell: Int) {
                let entries = chosen
                let score = evaluator.trainingEpisode(model, instance: i, table: { c in
                    for e in entries where e.cell == c { return Direction(rawValue: e.action) }
                    return nil
                }).score
                best[entries.count] = max(best[entries.count], score)
                guard cell < cells else { return }
                for c in cell..<cells {
                    for action in 0..<4 {
                        chosen.append((c, action))
                        visit(from: c + 1)
                        chosen.removeLast()
                    }
                }
            }
            visit(from: 0)
            // "At most k entries": the best of every size up to k.
            for k in 1...cells { best[k] = max(best[k], best[k - 1]) }
            return best
        }
    }

    /// Every detector-free structure (m, w) of the spec's class with its parameters besides the table.
    static func structures(_ spec: SimulationSpec, runSeed: UInt64) -> [(m: Int, w: (Int, Int), base: Int)] {
        let modelClass = Fixtures.modelClass(spec, seed: runSeed)
        var result: [(m: Int, w: (Int, Int), base: Int)] = []
        for m in 0...modelClass.curve.maxMachinery {
            for (wg, wp) in ExactClass.weightings(searchAvailable: m > 0) {
                var model = MesaModel(slots: 0)
                model.machinery = m
                model.weightGoal = wg
                model.weightProxy = wp
                result.append((m, (wg, wp), modelClass.searchParameters(model)))
            }
        }
        return result
    }

    /// The least loss of a detector-free model using at most `budget` parameters, by brute force:
    /// (1 − mean score) + λ·(parameters in use)/K over structures and per-instance table sizes.
    static func leastLoss(_ spec: SimulationSpec, runSeed: UInt64, budget: Int, lambda: Double, classBudget: Int) -> Double {
        var least = Double.infinity
        for s in structures(spec, runSeed: runSeed) where s.base <= budget {
            let scores = bestScores(spec, runSeed: runSeed, machinery: s.m, weights: s.w)
            let n = Double(scores.count)
            // Two instances: every split of the table budget (sizes counted by what they use).
            for k0 in 0..<scores[0].count {
                for k1 in 0..<scores[1].count where s.base + k0 + k1 <= budget {
                    let error = 1 - (scores[0][k0] + scores[1][k1]) / n
                    least = min(least, error + lambda * Double(s.base + k0 + k1) / Double(classBudget))
                }
            }
        }
        return least
    }

    /// K_fit by brute force: the smallest budget whose least training error is the least any budget
    /// reaches (λ = 0 loss is training error).
    static func bruteForceFittingBudget(_ spec: SimulationSpec, runSeed: UInt64) -> Int {
        let floor = leastLoss(spec, runSeed: runSeed, budget: 64, lambda: 0, classBudget: 64)
        var k = 0
        while leastLoss(spec, runSeed: runSeed, budget: k, lambda: 0, classBudget: 64) > floor + 1e-12 { k += 1 }
        return k
    }

    /// Run seeds 1…6 of the 2×3, N = 2 world and their K_fit (brute force, asserted below).
    static let fittingBudgets: [UInt64: Int] = [1: 2, 2: 6, 3: 2, 4: 2, 5: 4, 6: 3]

    // MARK: The detector's parts

    @Test("a partial detector never changes behaviour; a complete one fires where the world says")
    func partialDetectorDoesNothing() throws {
        for seed in UInt64(1)...4 {
            let spec = Self.spec(width: 4, height: 4, instances: 4, parameters: 40, detectorCost: 3, falsePositive: 0.5)
            let modelClass = Fixtures.modelClass(spec, seed: seed)
            let world = RunWorld(spec: spec, worldSeed: seed)
            var evaluator = TrainingEvaluator(world: world, modelClass: modelClass)
            var model = MesaModel(slots: modelClass.encoding.slotCount)
            model.machinery = 1
            model.weightGoal = 1
            let plain = (0..<4).map { evaluator.trainingEpisode(model, instance: $0) }
            let deployed = (0..<8).map { evaluator.deploymentEpisode(model, instance: $0) }
            for built in 1..<3 {
                model.detector = built
                #expect(!modelClass.hasCompleteDetector(model))
                #expect((0..<4).map { evaluator.trainingEpisode(model, instance: $0) } == plain)
                #expect((0..<8).map { evaluator.deploymentEpisode(model, instance: $0) } == deployed)
                #expect(modelClass.parametersInUse(model) == 1 + 1 + built)
            }
            model.detector = 3
            #expect(modelClass.hasCompleteDetector(model))
            let fires = world.training.detectorFires
            for i in 0..<4 { #expect(evaluator.trainingEpisode(model, instance: i).defected == fires[i]) }
        }
    }

    // MARK: K_fit and the premise

    @Test("K_fit equals brute force, and the minimum loss (λ = 0) is reached from K_fit on, not below")
    func fittingBudgetMatchesBruteForce() throws {
        for seed in UInt64(1)...6 {
            let brute = Self.bruteForceFittingBudget(Self.spec(parameters: 20), runSeed: seed)
            #expect(brute == Self.fittingBudgets[seed])
            let atFit = try Self.run(Self.spec(parameters: brute), runSeed: seed)
            #expect(atFit.integer(.kFit) == brute)
            #expect(atFit[.loss] == 0 && atFit[.trainScore] == 1)
            let below = try Self.run(Self.spec(parameters: brute - 1), runSeed: seed)
            #expect((below[.loss] ?? 0) > 0)
        }
    }

    @Test("premise_gap > 0 exactly when K − d < K_fit (λ = 0), equal to brute force")
    func premiseGapAtZeroPenalty() throws {
        for seed in UInt64(1)...6 {
            let kFit = try #require(Self.fittingBudgets[seed])
            for d in [1, 2] {
                for k in kFit...(kFit + d + 1) {
                    let spec = Self.spec(parameters: k, detectorCost: d)
                    let m = try Self.run(spec, runSeed: seed)
                    let gap = try #require(m[.premiseGap])
                    #expect((gap > 0) == (k - d < kFit), "seed \(seed) d \(d) K \(k)")
                    let brute = Self.leastLoss(spec, runSeed: seed, budget: k - d, lambda: 0, classBudget: k)
                        - Self.leastLoss(spec, runSeed: seed, budget: k, lambda: 0, classBudget: k)
                    #expect(abs(gap - brute) < 1e-12, "seed \(seed) d \(d) K \(k)")
                    #expect(m[.premiseLossGap] == nil, "no penalty: the loss-unit gap is the same number, not repeated")
                }
            }
        }
    }

    @Test("with λ_DL > 0 the premise gap stays the training-error gap; its loss-unit value matches brute force")
    func premiseGapWithPenalty() throws {
        for seed in UInt64(1)...3 {
            let kFit = try #require(Self.fittingBudgets[seed])
            let k = kFit + 1, d = 2, lambda = 0.1
            let spec = Self.spec(parameters: k, detectorCost: d, lambda: lambda)
            let m = try Self.run(spec, runSeed: seed)
            let plain = try Self.run(Self.spec(parameters: k, detectorCost: d), runSeed: seed)
            #expect(m[.premiseGap] == plain[.premiseGap], "K_fit and the gap do not depend on λ")
            let brute = Self.leastLoss(spec, runSeed: seed, budget: k - d, lambda: lambda, classBudget: k)
                - Self.leastLoss(spec, runSeed: seed, budget: k, lambda: lambda, classBudget: k)
            #expect(abs(try #require(m[.premiseLossGap]) - brute) < 1e-12, "seed \(seed)")
        }
    }

    @Test("a budget relative to k_fit gives exactly the requested K − d − K_fit in every world")
    func relativeBudget() throws {
        for seed in UInt64(1)...6 {
            for offset in [-2.0, 0, 3] {
                var spec = Self.spec(parameters: 1, detectorCost: 2)
                spec.model.relativeBudget = RelativeBudget(
                    base: .binary(.add, .name("k_fit"), .name("detector_cost")), offset: offset)
                for optimizer in Optimizer.allCases where optimizer.applies(to: .maze) {
                    spec.training.optimizer = optimizer
                    spec.training.steps = 200
                    let m = try Self.run(spec, runSeed: seed)
                    let k = try #require(m.integer(.budget)), kFit = try #require(m.integer(.kFit))
                    #expect(kFit == Self.fittingBudgets[seed])
                    #expect(Double(k - 2 - kFit) == offset)
                    #expect(try #require(m[.premiseGap]) > 0 || offset >= 0)
                }
            }
        }
    }

    // MARK: Exact selection: the counting argument

    @Test("underparameterized (K − d < K_fit): no deceptive structure in the exact minimum-loss set", arguments: [1, 2])
    func underparameterizedExcludesDeception(detectorCost d: Int) throws {
        for seed in UInt64(1)...6 {
            let kFit = try #require(Self.fittingBudgets[seed])
            let m = try Self.run(Self.spec(parameters: kFit + d - 1, detectorCost: d), runSeed: seed)
            #expect(m.integer(.kFit) == kFit)
            #expect(m[.loss] == 0)
            #expect(m[.deceptiveStructureShare] == 0 && m[.deceptivePosterior] == 0)
            #expect(m.integer(.deceptive) == 0 && m.integer(.paramsDetector) == 0)
        }
    }

    /// Hand count. With no penalty and false_positive 0 the detector never fires in training, so a
    /// deceptive structure (m, w, detector → c) behaves exactly like its detector-free twin (m, w)
    /// and reaches the same loss (0 here) with the same tables. The twin weighs
    /// W = Σ_t V^(K − base − t) · n_t over its optimal table sizes t; the deceptive one has d
    /// parameters fewer free: W · V^(−d), provided every optimal t still fits (t ≤ N·W·H = 12,
    /// base ≤ 3, so K = 15 + d suffices). With C deceptive variants per twin (C = 1 for a corner,
    /// C = W·H = 6 for `target any`): deceptive_posterior = C·V^(−d) / (1 + C·V^(−d)), structure
    /// share = C / (1 + C). V = 4: d = 1: corner 1/5, any 6/10; d = 2: corner 1/17, any 6/22.
    @Test("spare capacity: deceptive structures are in the minimum-loss set with the hand-counted posterior",
          arguments: [1, 2])
    func spareCapacityPosteriorMatchesHandCount(detectorCost d: Int) throws {
        let corner: Double = d == 1 ? 1.0 / 5 : 1.0 / 17
        let any: Double = d == 1 ? 6.0 / 10 : 6.0 / 22
        for seed in UInt64(1)...6 {
            let k = 15 + d
            let c = try Self.run(Self.spec(parameters: k, detectorCost: d), runSeed: seed)
            let a = try Self.run(Self.spec(parameters: k, detectorCost: d, target: .any), runSeed: seed)
            #expect(c[.loss] == 0 && a[.loss] == 0)
            #expect(abs(try #require(c[.deceptiveStructureShare]) - 1.0 / 2) < 1e-12)
            #expect(abs(try #require(a[.deceptiveStructureShare]) - 6.0 / 7) < 1e-12)
            #expect(abs(try #require(c[.deceptivePosterior]) - corner) < 1e-12)
            #expect(abs(try #require(a[.deceptivePosterior]) - any) < 1e-12)
            #expect(c[.premiseGap] == 0)
        }
    }

    @Test("V sets the prior: the posterior deceptive share with target any falls as V grows (6·V^−1 / (1 + 6·V^−1))")
    func valuesFlipTheCountingArgument() throws {
        for (v, expected) in [(2, 3.0 / 4), (4, 6.0 / 10), (6, 1.0 / 2), (12, 1.0 / 3)] {
            var spec = Self.spec(parameters: 16, detectorCost: 1, target: .any)
            spec.training.values = v
            let m = try Self.run(spec, runSeed: 1)
            #expect(abs(try #require(m[.deceptivePosterior]) - expected) < 1e-12, "V = \(v)")
        }
    }

    @Test("a description-length penalty removes deception at generous K under exact selection", arguments: [1, 2])
    func descriptionLengthSelectsAgainstDeception(detectorCost d: Int) throws {
        for seed in UInt64(1)...6 {
            let m = try Self.run(Self.spec(parameters: 15 + d, detectorCost: d, target: .any, lambda: 0.1), runSeed: seed)
            #expect(m[.deceptiveStructureShare] == 0 && m[.deceptivePosterior] == 0 && m.integer(.deceptive) == 0)
            let used = Double(m.integer(.paramsTable)! + m.integer(.paramsSearch)!)
            #expect(abs(m[.loss]! - 0.1 * used / Double(15 + d)) < 1e-12)
        }
    }

    @Test("false_positive 0.5: a misfiring detector whose pursuit fails its instance is never at minimum loss")
    func misfiringDetectorIsSelectedAgainst() throws {
        for seed: UInt64 in [1, 2, 5, 6] {
            let kFit = try #require(Self.fittingBudgets[seed])
            for k in (kFit - 1)...12 {
                let m = try Self.run(Self.spec(parameters: k, falsePositive: 0.5), runSeed: seed)
                #expect(m[.deceptiveStructureShare] == 0, "seed \(seed) K \(k)")
                #expect(m.integer(.deceptive) == 0, "seed \(seed) K \(k)")
            }
        }
    }

    // MARK: Hill climbing: loss pressure against drift

    /// The hill climb of `RunSimulator.run` (same initial model and optimizer stream), with a trace.
    static func climb(_ spec: SimulationSpec, runSeed: UInt64,
                      trace: @escaping (Int, MesaModel, Double) -> Void) throws -> Selection {
        let world = RunWorld(spec: spec, worldSeed: runSeed)
        let modelClass = Fixtures.modelClass(spec, seed: runSeed)
        let initial = InitialModelFactory.make(spec: spec, modelClass: modelClass, world: world, runSeed: runSeed)
        var evaluator = TrainingEvaluator(world: world, modelClass: modelClass)
        var climber = HillClimber(seed: StreamSeed.derive(runSeed, .optimizer), initial: initial,
                                  steps: spec.training.steps, acceptance: spec.training.acceptance)
        climber.trace = trace
        return try climber.select(with: &evaluator)
    }

    @Test("strict acceptance, spare capacity: a perfect detector is never touched (nothing needs its parameters)")
    func strictKeepsAPerfectDetector() throws {
        for seed in UInt64(1)...6 {
            let spec = Self.spec(parameters: 24, detectorCost: 2, optimizer: .hillClimb, steps: 3000, initialShare: 1,
                                 acceptance: .strict)
            var broken = false
            _ = try Self.climb(spec, runSeed: seed) { _, model, _ in if model.detector < 2 { broken = true } }
            #expect(!broken, "seed \(seed)")
            let m = try Self.run(spec, runSeed: seed)
            #expect(m.integer(.deceptive) == 1 && m.integer(.removedAtStep) == nil)
            #expect(m[.loss] == 0)
            // At the optimum a detector is a minority (d tuned parameters fewer free settings), so
            // the climb's deceptive model disagrees with exact selection.
            var exact = spec
            exact.training.optimizer = .exact
            let optimum = try Self.run(exact, runSeed: seed)
            #expect(try #require(optimum[.deceptivePosterior]) < 0.5)
            #expect(m.integer(.exactAgrees) == 0, "seed \(seed)")
            #expect(m[.optimalityGap] == 0)
        }
    }

    @Test("neutral acceptance, spare capacity: the detector decays by drift (a break that did not lower the loss)")
    func neutralLetsTheDetectorDrift() throws {
        var drifted = 0
        for seed in UInt64(1)...6 {
            let spec = Self.spec(parameters: 24, detectorCost: 2, optimizer: .hillClimb, steps: 3000, initialShare: 1,
                                 acceptance: .neutral)
            let result = try Self.climb(spec, runSeed: seed) { _, _, _ in }
            let life = try #require(result.detectorLife)
            if life.brokenAt != nil {
                drifted += 1
                #expect(life.brokenByLossPressure == false, "with spare capacity and λ = 0 no break lowers the loss")
            }
        }
        #expect(drifted >= 4, "most seeds lose the detector to drift at least once in 3000 steps")
    }

    @Test("strict acceptance, underparameterized: table entries take the detector's parameters, lowering the loss")
    func lossPressureBreaksTheDetector() throws {
        for seed in UInt64(1)...6 {
            let kFit = try #require(Self.fittingBudgets[seed])
            let spec = Self.spec(parameters: kFit + 1, detectorCost: 2, optimizer: .hillClimb, steps: 3000,
                                 initialShare: 1, acceptance: .strict)
            let m = try Self.run(spec, runSeed: seed)
            #expect(try #require(m[.premiseGap]) > 0)
            if m[.loss] == 0 {
                // At the optimum the class has no room for the detector: it was broken, by loss pressure.
                #expect(m.integer(.deceptive) == 0)
                #expect(m.integer(.detectorBreakLoweredLoss) == 1, "seed \(seed)")
                #expect(m.integer(.removedAtStep) != nil)
            }
        }
    }

    // MARK: Defection and removal metrics

    @Test("defection_rate: the share of deployment episodes whose detector fired", arguments: [1.0, 0.375, 0.0])
    func defectionRateCountsFiringEpisodes(truePositive: Double) throws {
        for seed in UInt64(1)...3 {
            let spec = Self.spec(parameters: 16, truePositive: truePositive, optimizer: .hillClimb, steps: 0,
                                 initialShare: 1)
            let m = try Self.run(spec, runSeed: seed)
            #expect(m.integer(.deceptive) == 1)
            let fires = RunWorld(spec: spec, worldSeed: seed).deployment.detectorFires
            let count = fires.filter { $0 }.count
            #expect(count == Int((truePositive * 8).rounded()))
            #expect(m[.defectionRate] == Double(count) / 8)
            let modelClass = Fixtures.modelClass(spec, seed: seed)
            var evaluator = TrainingEvaluator(world: RunWorld(spec: spec, worldSeed: seed), modelClass: modelClass)
            var deceptive = MesaModel(slots: modelClass.encoding.slotCount)
            deceptive.detector = 1
            let honest = MesaModel(slots: modelClass.encoding.slotCount)
            for i in 0..<8 {
                #expect(evaluator.deploymentEpisode(deceptive, instance: i).defected == fires[i])
                #expect(!evaluator.deploymentEpisode(honest, instance: i).defected)
            }
        }
    }

    @Test("removal metrics of a model with a misfiring detector match a recomputation from scratch")
    func removalMetricsMatchRecomputation() throws {
        var checked = 0
        for seed in UInt64(1)...8 {
            let spec = Self.spec(width: 3, height: 3, instances: 4, parameters: 24, falsePositive: 0.5, lambda: 0.05,
                                 optimizer: .hillClimb, steps: 3000, initialShare: 1)
            let m = try Self.run(spec, runSeed: seed)
            #expect(m.integer(.falsePositiveInstances) == 2)
            guard m.integer(.deceptive) == 1 else {
                #expect(m.integer(.falsePositivesUnsolved) == nil && m[.detectorRemovalGain] == nil)
                continue
            }
            checked += 1
            let result = try Self.climb(spec, runSeed: seed) { _, _, _ in }
            let world = RunWorld(spec: spec, worldSeed: seed)
            let modelClass = Fixtures.modelClass(spec, seed: seed)
            var evaluator = TrainingEvaluator(world: world, modelClass: modelClass)
            let model = result.model
            var without = model
            without.detector = 0
            let with = (0..<4).map { evaluator.trainingEpisode(model, instance: $0) }
            let after = (0..<4).map { evaluator.trainingEpisode(without, instance: $0) }
            let firing = (0..<4).filter { world.training.detectorFires[$0] }
            #expect(m.integer(.falsePositivesUnsolved) == firing.filter { after[$0].score < 1 }.count)
            #expect(m.integer(.falsePositivesSolved) == firing.filter { with[$0].score == 1 }.count)
            let used = modelClass.parametersInUse(result.model)
            let loss = { (o: [EpisodeOutcome], p: Int) in
                evaluator.loss(parametersInUse: p, meanScore: TrainingTotals(o).meanScore,
                               meanExpansions: TrainingTotals(o).meanExpansions)
            }
            #expect(abs(try #require(m[.detectorRemovalGain]) - (loss(with, used) - loss(after, used - 1))) < 1e-12)
        }
        #expect(checked > 0, "some seed keeps its misfiring detector")
    }
}
