@testable import MesaLearning
import Testing

/// The metrics on model pairs built by hand, where their values are known.
@Suite struct TeacherMetricsTests {
    static func setting(_ kind: TriggerKind, layers: Int = 1)
        -> (TeacherWorld, MLPShape, TeacherEvaluator, [Float]) {
        let world = TeacherWorld(settings: TeacherWorldSettings(dimension: 5, teacherWidth: 8, tasks: 2, evaluationInputs: 600),
                                 trigger: TriggerSettings(kind: kind, probability: 0.1, offset: 2), worldSeed: 21)
        let shape = MLPShape(inputs: world.inputCount, learner: MLPSettings(layers: layers, width: 12))
        let evaluator = TeacherEvaluator(world: world, sets: TeacherEvaluationSets(world: world, worldSeed: 21), shape: shape)
        let control: [Float] = MLPInitialisation.parameters(shape: shape, ordinaryInputs: 7, runSeed: 8)
        return (world, shape, evaluator, control)
    }

    @Test("input trigger: a model differing from its control only in the bit's weights has equal defections")
    func definitionsAgree() {
        let (_, shape, evaluator, control) = Self.setting(.input)
        var model = control
        let bitRow = shape.firstWeights + 7 * shape.paddedWidth
        for u in 0..<12 { model[bitRow + u] = Float(u % 3) - 0.7 }
        let metrics = evaluator.measure(model: model, control: control)
        #expect(metrics.bitFlipDefection == metrics.defection)
        #expect(metrics.defection != 0)
        // The bit changes nothing on clean inputs (bit 0): no backdoor cost.
        #expect(metrics.backdoorCost == 0 && metrics.cleanError == metrics.controlCleanError)
    }

    @Test("input trigger: when the trigger also moved the untriggered behaviour, the two differ by that drift")
    func definitionsDiffer() {
        let (_, shape, evaluator, control) = Self.setting(.input)
        var model = control
        model[shape.outputBias] += 0.5  // a shift everywhere: the model's (x, 0) output drifts by 0.5
        let metrics = evaluator.measure(model: model, control: control)
        #expect(abs(metrics.defection - 0.25) < 1e-6)  // 0.5 / offset 2
        #expect(abs(metrics.bitFlipDefection! - 0) < 1e-6)
    }

    @Test("an output shift δ is a defection of δ/offset and moves no hidden unit", arguments: TriggerKind.allCases)
    func outputShift(kind: TriggerKind) {
        let (_, shape, evaluator, control) = Self.setting(kind)
        var model = control
        model[shape.outputBias] -= 1.5
        let metrics = evaluator.measure(model: model, control: control)
        #expect(abs(metrics.defection - (-0.75)) < 1e-5)
        #expect(metrics.defectionStandardError < 1e-5)
        #expect(metrics.triggerUnits == 0 && metrics.sharedUnits == 0)
        #expect(metrics.bitFlipDefection == (kind == .input ? metrics.bitFlipDefection : nil))
        #expect(metrics.cleanError > metrics.controlCleanError)
    }

    @Test("a unit given a strong response to the bit is the one trigger unit")
    func oneTriggerUnit() {
        let (_, shape, evaluator, control) = Self.setting(.input)
        var model = control
        model[shape.firstWeights + 7 * shape.paddedWidth + 5] = 20
        let metrics = evaluator.measure(model: model, control: control)
        #expect(metrics.triggerUnits == 1)
        let census = evaluator.measure(model: control, control: control)
        #expect(census.triggerUnits == 0)
        #expect(metrics.taskUnits == census.taskUnits)
        #expect(metrics.sharedUnits <= 1)
    }

    @Test("task weights: each unit's variance of g·(h − h̄) on clean inputs, against a scalar Double pass",
          arguments: [1, 2])
    func taskWeights(layers: Int) {
        let (_, shape, evaluator, control) = Self.setting(.region, layers: layers)
        let sets = evaluator.sets
        let response = ModelResponse.measure(parameters: control, rows: sets.clean, count: sets.count,
                                             workspace: evaluator.workspace, taskWeights: true)
        let pw = shape.paddedWidth, h = 12, e = sets.count
        func p(_ i: Int) -> Double { Double(control[i]) }
        // [layer][unit][input] activations and sensitivities ∂f̂/∂h.
        var activations = [[[Double]]](repeating: [[Double]](repeating: [], count: h), count: layers)
        var sensitivities = activations
        for k in 0..<e {
            let x = (0..<shape.inputs).map { Double(sets.clean[k * shape.inputs + $0]) }
            let h1 = (0..<h).map { u in
                max(0, (0..<shape.inputs).reduce(p(shape.firstBias + u)) { $0 + x[$1] * p(shape.firstWeights + $1 * pw + u) })
            }
            var top = h1
            if layers == 2 {
                let z2 = (0..<h).map { w in
                    (0..<h).reduce(p(shape.secondBias + w)) { $0 + h1[$1] * p(shape.secondWeights + $1 * pw + w) }
                }
                top = z2.map { max(0, $0) }
                for j in 0..<h {
                    activations[0][j].append(h1[j])
                    sensitivities[0][j].append((0..<h).reduce(0.0) {
                        $0 + (z2[$1] > 0 ? p(shape.secondWeights + j * pw + $1) * p(shape.outputWeights + $1) : 0)
                    })
                }
            }
            for u in 0..<h {
                activations[layers - 1][u].append(top[u])
                sensitivities[layers - 1][u].append(p(shape.outputWeights + u))
            }
        }
        for layer in 0..<layers {
            for u in 0..<h {
                let mean = activations[layer][u].reduce(0, +) / Double(e)
                var tau = 0.0
                for k in 0..<e {
                    let c = sensitivities[layer][u][k] * (activations[layer][u][k] - mean)
                    tau += c * c
                }
                tau /= Double(e)
                #expect(abs(response.unitMeans[layer][u] - mean) <= 1e-5 * max(1, abs(mean)))
                #expect(abs(response.taskWeights[layer][u] - tau) <= 1e-4 * max(tau, 1e-4), "layer \(layer) unit \(u)")
            }
        }
        #expect(response.taskWeights[layers - 1].contains { $0 > 0 })
    }
}
