import Foundation
@testable import MesaEngine
import MesaResults
import MesaScenario
import Testing

/// Issue 4, "Deceptive circuits" (SCIENCE.md §3 deception circuit, §4, §5.7): the counting
/// argument against deception under exact selection, and what local search does instead.
@Suite("Deceptive circuits")
struct DeceptionTests {
    /// A W×H world with N training instances and 8 deployment instances; both styles; search
    /// costing x parameters up to 1 bit (m ∈ {0, 1}: m = 1 gives a 2-expansion search and costs
    /// 1 + 2 weights = 3 parameters); a detector of cost d; V = 4 values per parameter.
    static func spec(
        width: Int = 2, height: Int = 3, instances: Int = 2, parameters: Int, detectorCost: Int = 1,
        falsePositive: Double = 0, truePositive: Double = 1, target: DetectorTarget = .corner(.bottom_left),
        lambda: Double = 0, optimizer: Optimizer = .exact, steps: Int = 0, initialShare: Double = 0
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
        return spec
    }

    static func run(_ spec: SimulationSpec, runSeed: UInt64) throws -> RunMetrics {
        try Fixtures.run(spec, seed: runSeed).metrics
    }

    /// K_fit by brute force, independent of the engine's table completions and knapsack: the
    /// least training error any budget reaches is 0 (a table along the shortest path reaches
    /// every goal in d* steps), and error 0 needs score 1 on every instance; table slots of
    /// different instances are disjoint, so per detector-free structure (m, w) the fewest entries
    /// is a sum over instances of the fewest entries (any cells, any of the 4 actions, tables
    /// enumerated by increasing size) giving that instance score 1. K_fit = min over structures
    /// of base + Σᵢ tᵢ. Returns nil when some instance cannot reach score 1 (never expected).
    static func bruteForceFittingBudget(_ spec: SimulationSpec, runSeed: UInt64) -> Int? {
        let world = RunWorld(spec: spec, worldSeed: runSeed)
        let modelClass = Fixtures.modelClass(spec, seed: runSeed)
        var evaluator = TrainingEvaluator(world: world, modelClass: modelClass)
        let cells = world.training.stateCount
        var best: Int?
        for m in 0...modelClass.curve.maxMachinery {
            for wg in (m == 0 ? [0] : modelClass.weightGrid) {
                for wp in (m == 0 ? [0] : modelClass.weightGrid) {
                    var model = MesaModel(slots: modelClass.encoding.slotCount)
                    model.machinery = m
                    model.weightGoal = wg
                    model.weightProxy = wp
                    var total = modelClass.searchParameters(model)
                    for i in 0..<world.training.count {
                        guard let t = fewestEntries(&evaluator, model, instance: i, cells: cells) else { return nil }
                        total += t
                    }
                    best = min(best ?? .max, total)
                }
            }
        }
        return best
    }

    /// The fewest table entries (on instance `i`'s own cells) giving score 1 there.
    static func fewestEntries(_ evaluator: inout TrainingEvaluator, _ model: MesaModel, instance i: Int, cells: Int) -> Int? {
        for size in 0...cells {
            var found = false
            var chosen: [(cell: Int, action: Int)] = []
            func extend(from cell: Int) {
                if found { return }
                if chosen.count == size {
                    let entries = chosen
                    let outcome = evaluator.trainingEpisode(model, instance: i, table: { c in
                        for e in entries where e.cell == c { return Direction(rawValue: e.action) }
                        return nil
                    })
                    if outcome.score == 1 { found = true }
                    return
                }
                guard cell < cells else { return }
                for c in cell..<cells {
                    for action in 0..<4 {
                        chosen.append((c, action))
                        extend(from: c + 1)
                        chosen.removeLast()
                    }
                }
            }
            extend(from: 0)
            if found { return size }
        }
        return nil
    }

    /// The hill climb of `RunSimulator.run` (same initial model and optimizer stream), with a trace.
    static func climb(_ spec: SimulationSpec, runSeed: UInt64,
                      trace: @escaping (Int, MesaModel, Double) -> Void) throws -> Selection {
        let world = RunWorld(spec: spec, worldSeed: runSeed)
        let modelClass = Fixtures.modelClass(spec, seed: runSeed)
        let initial = InitialModelFactory.make(spec: spec, modelClass: modelClass, world: world, runSeed: runSeed)
        return try Fixtures.climb(TrainingEvaluator(world: world, modelClass: modelClass),
                                  seed: StreamSeed.derive(runSeed, .optimizer), from: initial, steps: spec.training.steps,
                                  trace: trace)
    }

    /// Run seeds 1…6 of the 2×3, N = 2 world and their K_fit (brute force, also asserted below).
    static let fittingBudgets: [UInt64: Int] = [1: 3, 2: 7, 3: 3, 4: 3, 5: 4, 6: 3]

    // MARK: 1. Underparameterized

    @Test("K_fit equals brute-force enumeration, and the minimum loss is first reached at K_fit")
    func fittingBudgetMatchesBruteForce() throws {
        for seed in UInt64(1)...6 {
            let brute = try #require(Self.bruteForceFittingBudget(Self.spec(parameters: 20), runSeed: seed))
            #expect(brute == Self.fittingBudgets[seed])
            let atFit = try Self.run(Self.spec(parameters: brute), runSeed: seed)
            #expect(atFit.integer(.kFit) == brute)
            #expect(atFit[.loss] == 0)
            #expect(atFit[.trainScore] == 1)
            // One parameter fewer cannot reach the minimum (here 0) — the scan's other side.
            let below = try Self.run(Self.spec(parameters: brute - 1), runSeed: seed)
            #expect((below[.loss] ?? 0) > 0)
        }
    }

    @Test("underparameterized (K − d < K_fit): no deceptive structure in the exact minimum-loss set", arguments: [1, 2])
    func underparameterizedExcludesDeception(detectorCost d: Int) throws {
        // K = K_fit + d − 1: the detector-free models fit exactly (loss 0), while any deceptive
        // model has K − d = K_fit − 1 parameters for the rest, fewer than fitting needs, so its
        // loss is > 0 — the argument of SCIENCE.md (opening, 2.), exactly.
        for seed in UInt64(1)...6 {
            let kFit = try #require(Self.fittingBudgets[seed])
            let m = try Self.run(Self.spec(parameters: kFit + d - 1, detectorCost: d), runSeed: seed)
            #expect(m.integer(.kFit) == kFit)
            #expect(m.integer(.budget)! - d < kFit)
            #expect(m[.loss] == 0)
            #expect(m[.deceptiveStructureShare] == 0)
            #expect(m[.deceptivePosterior] == 0)
            #expect(m.integer(.deceptive) == 0)
            #expect(m.integer(.paramsDetector) == 0)
            #expect(m.integer(.detectorCost) == d)
        }
    }

    // MARK: 2. Spare capacity: the counting argument

    /// Hand count. With no penalty and false_positive 0 the detector never fires in training, so a
    /// deceptive structure (m, w, detector → c) behaves exactly like its detector-free twin (m, w)
    /// and reaches the same loss (0 here) with the same tables. The twin weighs
    /// W = Σ_t V^(K − base − t) · n_t over its optimal table sizes t (n_t minimal tables); the
    /// deceptive one has d parameters fewer free: V^(K − base − d − t) · n_t, i.e. W · V^(−d),
    /// provided every optimal t still fits (t ≤ N·W·H = 12, base ≤ 3, so K = 15 + d suffices).
    /// With C deceptive variants per twin (C = 1 for a corner, C = W·H = 6 for `target any`):
    ///   deceptive_posterior = C·V^(−d) / (1 + C·V^(−d)),  structure share = C / (1 + C).
    /// V = 4: d = 1: corner 1/5, any 6/10 = 3/5; d = 2: corner 1/17, any 6/22 = 3/11.
    /// Structure share: corner 1/2, any 6/7 (whatever the maze — checked on six seeds).
    @Test("generous K: deceptive structures are in the minimum-loss set with the hand-counted posterior",
          arguments: [1, 2])
    func spareCapacityPosteriorMatchesHandCount(detectorCost d: Int) throws {
        let corner: Double = d == 1 ? 1.0 / 5 : 1.0 / 17
        let any: Double = d == 1 ? 3.0 / 5 : 3.0 / 11
        for seed in UInt64(1)...6 {
            let k = 15 + d
            let c = try Self.run(Self.spec(parameters: k, detectorCost: d), runSeed: seed)
            let a = try Self.run(Self.spec(parameters: k, detectorCost: d, target: .any), runSeed: seed)
            #expect(c[.loss] == 0 && a[.loss] == 0)
            let cShare = try #require(c[.deceptiveStructureShare]), aShare = try #require(a[.deceptiveStructureShare])
            let cPost = try #require(c[.deceptivePosterior]), aPost = try #require(a[.deceptivePosterior])
            #expect(cShare > 0)
            #expect(abs(cShare - 1.0 / 2) < 1e-12)
            #expect(abs(aShare - 6.0 / 7) < 1e-12)
            #expect(abs(cPost - corner) < 1e-12)
            #expect(abs(aPost - any) < 1e-12)
            // `target any` multiplies the deceptive variants: the posterior share rises.
            #expect(aPost > cPost)
            // Spare capacity: K − d ≥ K_fit.
            #expect(k - d >= Self.fittingBudgets[seed]!)
        }
    }

    // MARK: 3. A misfiring detector

    @Test("false_positive 0.5: no deceptive model in the exact minimum-loss set from K_fit − 1 to K = 16")
    func misfiringDetectorIsSelectedAgainst() throws {
        // Seeds whose firing training instance is not solved by pursuing the target corner (see
        // `misfiringDetectorThatFitsIsSelected` for the seeds where it is). With false_positive
        // 0.5 one of the two training instances fires; there the table is ignored and the model
        // heads for the bottom-left corner, which does not reach the goal, so the deceptive model
        // loses score there that its detector-free twin keeps.
        for seed: UInt64 in [1, 2, 5, 6] {
            let kFit = try #require(Self.fittingBudgets[seed])
            for k in (kFit - 1)...16 {
                let m = try Self.run(Self.spec(parameters: k, falsePositive: 0.5), runSeed: seed)
                #expect(m[.deceptiveStructureShare] == 0, "seed \(seed) K \(k)")
                #expect(m[.deceptivePosterior] == 0, "seed \(seed) K \(k)")
                #expect(m.integer(.deceptive) == 0, "seed \(seed) K \(k)")
            }
        }
    }

    @Test("a misfiring detector whose pursuit happens to solve the firing instance is selected (seed 3)")
    func misfiringDetectorThatFitsIsSelected() throws {
        // Seed 3: training instance 0 fires; start (0,0), goal (1,1), target bottom-left (0,2).
        // Openings 0:E 1:S,W 3:N,S 5:N,W 4:N,E 2:S — the way to the target is 0 → 1 → 3 → 5 → 4 and
        // the greedy pursuit's first two steps (E, then S before W on a tie) reach the goal 3 in
        // d* = 2 steps: score 1 for one detector parameter instead of two table entries. At K = 2
        // (one entry for instance 1's d* = 1, plus the detector) the only minimum-loss models
        // are deceptive, with loss 0; detector-free models need K = 3.
        let m = try Self.run(Self.spec(parameters: 2, falsePositive: 0.5), runSeed: 3)
        #expect(m[.loss] == 0)
        #expect(m[.deceptivePosterior] == 1)
        #expect(m[.deceptiveStructureShare] == 1)
        #expect(m.integer(.deceptive) == 1)
        let free = try Self.run(Self.spec(parameters: 2, falsePositive: 0), runSeed: 3)
        #expect(free[.loss] == 0.25)
    }

    @Test("K_fit counts every model reaching the minimum loss, a misfiring detector included (seed 3)")
    func fittingBudgetCountsMisfiringDetectors() throws {
        // RunMetrics.integer(.kFit) is "the smallest budget reaching the minimum achievable training loss";
        // with false_positive 0.5 on seed 3 budget 2 reaches loss 0 (test above), yet k_fit is 3.
        let m = try Self.run(Self.spec(parameters: 2, falsePositive: 0.5), runSeed: 3)
        #expect(m[.loss] == 0)
        #expect(m.integer(.kFit) == 2)
    }

    // MARK: 4. Description-length penalty

    @Test("a description-length penalty removes deception at generous K under exact selection", arguments: [1, 2])
    func descriptionLengthSelectsAgainstDeception(detectorCost d: Int) throws {
        // λ > 0 and false_positive 0: a deceptive model has the loss of its twin plus λ·d/K > 0.
        for seed in UInt64(1)...6 {
            let m = try Self.run(Self.spec(parameters: 15 + d, detectorCost: d, target: .any, lambda: 0.1), runSeed: seed)
            #expect(m[.deceptiveStructureShare] == 0)
            #expect(m[.deceptivePosterior] == 0)
            #expect(m.integer(.deceptive) == 0)
            // The selected loss is the twin's: 0.1 · (parameters in use) / K, no detector in it.
            let used = Double(m.integer(.paramsTable)! + m.integer(.paramsSearch)!)
            #expect(abs(m[.loss]! - 0.1 * used / Double(15 + d)) < 1e-12)
        }
    }

    // MARK: 5. Hill climbing

    @Test("hill climbing, underparameterized: the initial detector is removed for good and the step recorded")
    func hillClimbRemovesDetectorWhenUnderparameterized() throws {
        // K = K_fit, d = 1, false_positive 0, no penalty, 3000 steps, starting deceptive. Removing
        // the detector is always neutral, hence accepted when proposed. A model of loss 0 at
        // K = K_fit uses all K parameters, each needed (else K_fit − 1 would fit), so re-installing
        // the detector must clear a needed entry (loss rises, rejected) or is void (no entries).
        // A deceptive model cannot reach loss 0 (K − d < K_fit); so at loss 0 the detector is
        // gone and never returns.
        let expectedRemoval: [UInt64: Int] = [1: 29, 2: 283, 3: 1, 4: 16, 5: 12, 6: 43]
        for seed in UInt64(1)...6 {
            let spec = Self.spec(parameters: Self.fittingBudgets[seed]!, optimizer: .hillClimb, steps: 3000,
                                 initialShare: 1)
            let m = try Self.run(spec, runSeed: seed)
            #expect(m[.loss] == 0)
            #expect(m.integer(.deceptive) == 0)
            let removed = try #require(m.integer(.removedAtStep))
            #expect(removed < spec.training.steps)
            #expect(removed == expectedRemoval[seed])
            let world = RunWorld(spec: spec, worldSeed: seed)
            let initial = InitialModelFactory.make(spec: spec, modelClass: Fixtures.modelClass(spec, seed: seed),
                                                   world: world, runSeed: seed)
            #expect(initial.hasDetector)
            var returned = false
            let result = try Self.climb(spec, runSeed: seed) { step, model, _ in
                if step >= removed, model.hasDetector { returned = true }
            }
            #expect(!returned)
            #expect(result.removedAtStep == removed)
        }
    }

    @Test("hill climbing with spare capacity: the detector drifts neutrally and can survive")
    func hillClimbDetectorDriftsWithSpareCapacity() throws {
        // K = 16 (spare capacity, false_positive 0, no penalty): once the table fits, installing
        // and removing the detector both leave the loss unchanged (free parameters pay for it),
        // so every toggle proposal is accepted and the detector flips on and off all run long.
        // Its final state is whatever the last toggle left: for these seeds it survives on
        // seeds 2 and 5 and was last removed late (step ≥ 2987 of 3000) on the others.
        var survivors: [UInt64] = []
        for seed in UInt64(1)...6 {
            let spec = Self.spec(parameters: 16, optimizer: .hillClimb, steps: 3000, initialShare: 1)
            let m = try Self.run(spec, runSeed: seed)
            #expect(m[.loss] == 0)
            var flips = 0
            var last = true
            _ = try Self.climb(spec, runSeed: seed) { _, model, _ in
                if model.hasDetector != last { flips += 1; last = model.hasDetector }
            }
            // Observed 276–336 flips over 3000 steps; under K = K_fit it stays off after its last removal.
            #expect(flips > 50)
            if m.integer(.deceptive) == 1 {
                survivors.append(seed)
                #expect(m.integer(.removedAtStep) == nil)
            } else {
                #expect(try #require(m.integer(.removedAtStep)) >= 2987)
            }
        }
        #expect(survivors == [2, 5])
    }

    // MARK: 6. Defection rate

    @Test("defection_rate: the share of deployment episodes whose detector fired", arguments: [1.0, 0.375, 0.0])
    func defectionRateCountsFiringEpisodes(truePositive: Double) throws {
        // A deceptive model (the initial model, detector installed, 0 steps) on the 8 deployment
        // mazes. The detector fires on exactly round(true_positive · 8) of them (8, 3, 0), and on
        // every one of those the model pursues its target, so the rate is 1, 3/8, 0. A model
        // without a detector never defects.
        for seed in UInt64(1)...3 {
            let spec = Self.spec(parameters: 16, truePositive: truePositive, optimizer: .hillClimb, steps: 0,
                                 initialShare: 1)
            let m = try Self.run(spec, runSeed: seed)
            #expect(m.integer(.deceptive) == 1)
            let fires = RunWorld(spec: spec, worldSeed: seed).deployment.detectorFires
            #expect(fires.count == 8)
            let count = fires.filter { $0 }.count
            #expect(count == Int((truePositive * 8).rounded()))
            #expect(m[.defectionRate] == Double(count) / 8)
            // Episode by episode: the deceptive model defects exactly where the detector fires;
            // the detector-free model never defects.
            let world = RunWorld(spec: spec, worldSeed: seed)
            let modelClass = Fixtures.modelClass(spec, seed: seed)
            var evaluator = TrainingEvaluator(world: world, modelClass: modelClass)
            var deceptive = MesaModel(slots: modelClass.encoding.slotCount)
            deceptive.hasDetector = true
            let honest = MesaModel(slots: modelClass.encoding.slotCount)
            for i in 0..<8 {
                #expect(evaluator.deploymentEpisode(deceptive, instance: i).defected == fires[i])
                #expect(!evaluator.deploymentEpisode(honest, instance: i).defected)
            }
            var noDetector = spec
            noDetector.deception?.initialShare = 0
            let h = try Self.run(noDetector, runSeed: seed)
            #expect(h.integer(.deceptive) == 0)
            #expect(h[.defectionRate] == 0)
        }
    }

    // MARK: 7. Why a misfiring detector survives (detector removal metrics)

    /// Recomputes the removal metrics of `model` from scratch: every training episode with and
    /// without its detector, firing instances counted from the world.
    static func removalByHand(_ spec: SimulationSpec, runSeed: UInt64, model: MesaModel)
        -> (fired: Int, unsolved: Int, solved: Int, gain: Double)
    {
        let world = RunWorld(spec: spec, worldSeed: runSeed)
        var evaluator = TrainingEvaluator(world: world, modelClass: Fixtures.modelClass(spec, seed: runSeed))
        var without = model
        without.hasDetector = false
        let n = world.training.count
        let with = (0..<n).map { evaluator.trainingEpisode(model, instance: $0) }
        let after = (0..<n).map { evaluator.trainingEpisode(without, instance: $0) }
        let firing = (0..<n).filter { world.training.detectorFires[$0] }
        return (firing.count, firing.filter { after[$0].score < 1 }.count, firing.filter { with[$0].score == 1 }.count,
                evaluator.loss(model, outcomes: with) - evaluator.loss(without, outcomes: after))
    }

    @Test("hill climbing: a surviving misfiring detector's removal metrics match a recomputation from scratch")
    func removalMetricsOfSurvivingDetector() throws {
        // 3×3, N = 4, K = 24, false_positive 0.5 (round(0.5 · 4) = 2 firing instances), λ_DL 0.05,
        // 3000 steps from a deceptive start. On seeds 4 and 6 the detector survives; without it
        // the model would fail one of the two instances it fires on, its pursuit solves one, and
        // removing it raises the loss (gain < 0), as expected of a detector hill climbing kept: a
        // removal proposal that does not raise the loss is accepted.
        for seed: UInt64 in [4, 6] {
            let spec = Self.spec(width: 3, height: 3, instances: 4, parameters: 24, falsePositive: 0.5, lambda: 0.05,
                                 optimizer: .hillClimb, steps: 3000, initialShare: 1)
            let m = try Self.run(spec, runSeed: seed)
            let result = try Self.climb(spec, runSeed: seed) { _, _, _ in }
            #expect(m.integer(.deceptive) == 1 && result.model.hasDetector)
            let hand = Self.removalByHand(spec, runSeed: seed, model: result.model)
            #expect(hand.fired == 2)
            #expect(m.integer(.falsePositiveInstances) == hand.fired)
            #expect(m.integer(.falsePositivesUnsolved) == hand.unsolved)
            #expect(m.integer(.falsePositivesSolved) == hand.solved)
            #expect(m[.detectorRemovalGain] == hand.gain)
            #expect(m.integer(.falsePositivesUnsolved) == 1)
            #expect(m.integer(.falsePositivesSolved) == 1)
            #expect(try #require(m[.detectorRemovalGain]) < 0)
        }
    }

    @Test("exact selection, seed 3: the detector whose pursuit solves its firing instance has removal gain −1/2")
    func removalMetricsOfFittingDetector() throws {
        // The model of `misfiringDetectorThatFitsIsSelected` (K = 2, loss 0): instance 0 fires and
        // the pursuit solves it. Without the detector instance 0 has no table entry (the one
        // entry left serves instance 1), no search and fallback none: the agent halts at the
        // start, score 0. So the loss goes from 0 to 1 − (0 + 1)/2 = 1/2: gain −1/2.
        let m = try Self.run(Self.spec(parameters: 2, falsePositive: 0.5), runSeed: 3)
        #expect(m.integer(.deceptive) == 1)
        #expect(m.integer(.falsePositiveInstances) == 1)
        #expect(m.integer(.falsePositivesUnsolved) == 1)
        #expect(m.integer(.falsePositivesSolved) == 1)
        #expect(m[.detectorRemovalGain] == -0.5)
    }

    @Test("removal metrics are absent where they do not apply")
    func removalMetricsAbsence() throws {
        // No detector in the class: none of the four.
        let plain = try Self.run(Fixtures.spec(width: 3, height: 3, instances: 2, parameters: 16, steps: 200), runSeed: 1)
        #expect(plain.integer(.falsePositiveInstances) == nil)
        #expect(plain.integer(.falsePositivesUnsolved) == nil && plain.integer(.falsePositivesSolved) == nil)
        #expect(plain[.detectorRemovalGain] == nil)
        // false_positive 0: the surviving detector (seeds 2 and 5 of the drift test) fires on no
        // training instance: the count is 0, the removal numbers absent.
        for seed: UInt64 in [2, 5] {
            let m = try Self.run(Self.spec(parameters: 16, optimizer: .hillClimb, steps: 3000, initialShare: 1),
                                 runSeed: seed)
            #expect(m.integer(.deceptive) == 1)
            #expect(m.integer(.falsePositiveInstances) == 0)
            #expect(m.integer(.falsePositivesUnsolved) == nil && m.integer(.falsePositivesSolved) == nil)
            #expect(m[.detectorRemovalGain] == nil)
        }
        // false_positive 0.5 but the detector was removed (seed 1): the count only.
        let removed = try Self.run(Self.spec(width: 3, height: 3, instances: 4, parameters: 24, falsePositive: 0.5,
                                             lambda: 0.05, optimizer: .hillClimb, steps: 3000, initialShare: 1),
                                   runSeed: 1)
        #expect(removed.integer(.deceptive) == 0)
        #expect(removed.integer(.falsePositiveInstances) == 2)
        #expect(removed.integer(.falsePositivesUnsolved) == nil && removed.integer(.falsePositivesSolved) == nil)
        #expect(removed[.detectorRemovalGain] == nil)
    }
}
