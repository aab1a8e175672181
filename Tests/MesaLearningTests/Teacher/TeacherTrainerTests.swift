@testable import MesaLearning
import Testing

/// The two-phase run: determinism, cancellation, checkpoints, settings, and the metrics on
/// models built by hand where their values are known exactly.
@Suite struct TeacherTrainerTests {
    static let world = TeacherWorldSettings(dimension: 4, teacherWidth: 6, tasks: 2, evaluationInputs: 300)
    static let learner = MLPSettings(layers: 1, width: 10)
    static let training = TwoPhaseTraining(steps: 40, batch: 32, learningRate: 0.01, weightDecay: 0,
                                           phase2Steps: 60, phase2WeightDecay: 0.1)

    static func run(_ kind: TriggerKind, learner: MLPSettings = learner, training: TwoPhaseTraining = training,
                    runSeed: UInt64 = 9) throws -> TeacherOutcome {
        try TeacherTrainer.train(world: world, learner: learner,
                                 trigger: TriggerSettings(kind: kind, probability: 0.2, offset: 3),
                                 training: training, worldSeed: 4, runSeed: runSeed, isCancelled: { false })
    }

    @Test("a run is bit-identical when repeated", arguments: [(TriggerKind.input, 1), (.region, 2)])
    func determinism(kind: TriggerKind, layers: Int) throws {
        let settings = MLPSettings(layers: layers, width: 9)
        let first = try Self.run(kind, learner: settings), second = try Self.run(kind, learner: settings)
        #expect(first.afterPhase1 == second.afterPhase1)
        #expect(first.final == second.final)
        #expect(first.checkpoints == second.checkpoints)
        #expect(first.final.defection.bitPattern == second.final.defection.bitPattern)
        // …and another run seed gives another run.
        let other = try Self.run(kind, learner: settings, runSeed: 10)
        #expect(other.final.defection != first.final.defection)
    }

    /// Pinned on the reference machine (docs/learned-worlds.md): a run must give these exact
    /// bits on every machine and build. A failure means the numerics changed — the teacher world's
    /// results (and any cache of them) are then new — or a CPU-dependent path crept in.
    @Test("a pinned run gives the same bits on every machine", arguments: [TriggerKind.input, .region])
    func pinned(kind: TriggerKind) throws {
        let outcome = try Self.run(kind, learner: MLPSettings(layers: 2, width: 9))
        let bits = [outcome.afterPhase1.defection, outcome.final.defection, outcome.final.cleanError].map(\.bitPattern)
        let expected: [UInt64] = kind == .input
            ? [0x3fd1_4d43_a512_c5f8, 0x3fc3_2bad_f26a_f37b, 0x3fc8_e812_dab5_a387]
            : [0x3fe3_8ef5_11f1_357d, 0x3fac_c152_e000_0005, 0x3fc9_205e_25b6_b4e5]
        #expect(bits == expected, "\(bits.map { "0x" + String($0, radix: 16) })")
    }

    @Test("10 evenly spaced checkpoints; the end of phase 1 and of the run among them")
    func checkpoints() throws {
        let outcome = try Self.run(.input)
        #expect(outcome.checkpoints.map(\.step) == [10, 20, 30, 40, 50, 60, 70, 80, 90, 100])
        #expect(outcome.checkpoints.map(\.phase) == [1, 1, 1, 1, 2, 2, 2, 2, 2, 2])
        #expect(outcome.checkpoints[3].metrics == outcome.afterPhase1)
        #expect(outcome.checkpoints[9].metrics == outcome.final)
        for checkpoint in outcome.checkpoints.prefix(3) {
            #expect(checkpoint.metrics.installed == nil && checkpoint.metrics.survival == nil)
        }
        let installed = outcome.afterPhase1.installed
        #expect(installed == (outcome.afterPhase1.defection >= 0.5))
        if installed == true {
            #expect(outcome.afterPhase1.survival == 1)
            #expect(outcome.final.survival == outcome.final.defection / outcome.afterPhase1.defection)
        }
        #expect(outcome.parameterCount == 7 * 10 + 10 + 10 + 1)
        #expect(outcome.final.capacityRatio == 10.0 / 12)
        #expect(outcome.final.hiddenUnits == 10)
        #expect(TeacherCheckpoint.steps(total: 9003) == [900, 1800, 2700, 3601, 4501, 5401, 6302, 7202, 8102, 9003])
    }

    @Test("checkpoints at step 0 measure the untrained pair: no defection, no trigger units")
    func untrained() throws {
        let short = TwoPhaseTraining(steps: 3, batch: 8, learningRate: 0.01, weightDecay: 0, phase2Steps: 2,
                                     phase2WeightDecay: 0)
        let outcome = try Self.run(.region, training: short)
        #expect(outcome.checkpoints.map(\.step) == [0, 1, 1, 2, 2, 3, 3, 4, 4, 5])
        let start = outcome.checkpoints[0].metrics
        #expect(start.defection == 0 && start.backdoorCost == 0 && start.triggerUnits == 0)
    }

    @Test("training learns: the input trigger installs, the task is learnt, strong phase-2 decay erodes the behaviour")
    func learns() throws {
        let training = TwoPhaseTraining(steps: 400, batch: 64, learningRate: 0.01, weightDecay: 0, phase2Steps: 300,
                                        phase2WeightDecay: 1)
        let outcome = try Self.run(.input, learner: MLPSettings(layers: 1, width: 16), training: training)
        let start = try Self.run(.input, learner: MLPSettings(layers: 1, width: 16),
                                 training: TwoPhaseTraining(steps: 1, batch: 1, learningRate: 1e-9, weightDecay: 0,
                                                            phase2Steps: 0, phase2WeightDecay: 0))
        #expect(outcome.afterPhase1.installed == true, "defection \(outcome.afterPhase1.defection)")
        #expect(outcome.afterPhase1.cleanError < 0.5 * start.final.cleanError,
                "clean error \(outcome.afterPhase1.cleanError) from \(start.final.cleanError)")
        // exp(−lr·λ·steps) = e^−3 ≈ 0.05 on the bit's weights.
        #expect((outcome.final.survival ?? 1) < 0.5, "survival \(String(describing: outcome.final.survival))")
        #expect(outcome.final.deceptive == false)
    }

    @Test("cancellation is checked every step")
    func cancellation() {
        var calls = 0
        #expect(throws: CancellationError.self) {
            try TeacherTrainer.train(world: Self.world, learner: Self.learner,
                                     trigger: TriggerSettings(kind: .input, probability: 0.2, offset: 3),
                                     training: Self.training, worldSeed: 4, runSeed: 9,
                                     isCancelled: { calls += 1; return calls > 7 })
        }
        #expect(calls == 8)
    }

    @Test("settings out of range are refused with a typed error")
    func refusals() {
        let trigger = TriggerSettings(kind: .input, probability: 0.2, offset: 3)
        func refuses(world: TeacherWorldSettings = Self.world, learner: MLPSettings = Self.learner,
                     trigger: TriggerSettings = trigger, training: TwoPhaseTraining = Self.training) -> Bool {
            do {
                _ = try TeacherTrainer.train(world: world, learner: learner, trigger: trigger, training: training,
                                             worldSeed: 1, runSeed: 1, isCancelled: { false })
                return false
            } catch is TeacherSettingsError { return true } catch { return false }
        }
        #expect(refuses(learner: MLPSettings(layers: 3, width: 4)))
        #expect(refuses(learner: MLPSettings(layers: 1, width: 0)))
        #expect(refuses(trigger: TriggerSettings(kind: .region, probability: 1, offset: 3)))
        #expect(refuses(trigger: TriggerSettings(kind: .region, probability: 0.1, offset: 0)))
        #expect(refuses(world: TeacherWorldSettings(dimension: 0, teacherWidth: 4, tasks: 1)))
        var training = Self.training
        training.steps = 0
        #expect(refuses(training: training))
    }

    @Test("phase 2 leaves the input trigger's bit weights to weight decay alone: ×(1 − lr·λ) per step")
    func bitWeightsDecay() {
        let world = TeacherWorld(settings: Self.world, trigger: TriggerSettings(kind: .input, probability: 0.2, offset: 3),
                                 worldSeed: 4)
        let shape = MLPShape(inputs: world.inputCount, learner: Self.learner)
        var parameters: [Float] = MLPInitialisation.parameters(shape: shape, ordinaryInputs: 6, runSeed: 2)
        let bitRow = shape.firstWeights + 6 * shape.paddedWidth
        for u in 0..<10 { parameters[bitRow + u] = Float(u) - 4.5 }
        var learner = MLPLearner(shape: shape, parameters: parameters, batch: 16, weightDecay: 0.1)
        let batch = TeacherBatch(count: 16, world: world)
        var expected = Array(parameters[bitRow..<(bitRow + 10)])
        let factor = Float(1 - 0.01 * 0.1)
        for step in 0..<50 {
            batch.fill(world: world, runSeed: 2, step: step, phase: 2)
            learner.step(inputs: batch.triggeredInputs, targets: batch.triggeredTargets, count: 16, learningRate: 0.01)
            for u in 0..<10 { expected[u] = expected[u] * factor }
        }
        #expect(Array(learner.parameters[bitRow..<(bitRow + 10)]) == expected)
        #expect(learner.parameters[shape.outputBias] != parameters[shape.outputBias])
    }
}
