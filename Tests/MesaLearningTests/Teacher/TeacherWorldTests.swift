#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import MesaLearning
import Testing

/// The teacher world: Φ⁻¹, the teachers' normalisation, the learner's shape, batches and
/// evaluation sets.
@Suite struct TeacherWorldTests {
    @Test("Φ⁻¹ equals scipy.stats.norm.ppf")
    func quantile() {
        // scipy 1.x, norm.ppf(p).
        let cases: [(Double, Double)] = [
            (0.5, 0), (0.9, 1.2815515655446004), (0.975, 1.959963984540054), (0.999, 3.090232306167813),
            (1e-10, -6.361340902404056), (0.02425, -1.972961051311885), (0.3, -0.5244005127080409),
            (0.0001, -3.7190164854556804),
        ]
        for (p, expected) in cases {
            #expect(abs(NormalQuantile.quantile(p) - expected) <= 1e-14 * max(1, abs(expected)), "Φ⁻¹(\(p))")
        }
    }

    @Test("the written-out acos agrees with the C library's to 1e-15")
    func arcCosine() {
        for i in 0...2000 {
            let c = -1 + Double(i) / 1000
            #expect(abs(TeacherNetwork.arcCosine(c) - acos(c)) < 1e-15, "acos(\(c))")
        }
        for c in [-0.9999999, -1e-12, 1e-300, 0.70710678118654757, 0.99999999999] {
            #expect(abs(TeacherNetwork.arcCosine(c) - acos(c)) < 1e-15, "acos(\(c))")
        }
    }

    @Test("one teacher unit: the moments are a·‖b‖/√(2π) and a²‖b‖²(1/2 − 1/(2π))")
    func singleUnitMoments() {
        let (mean, variance) = TeacherNetwork.moments(dimension: 2, width: 1, b: [3, 4], a: [-2])
        #expect(abs(mean - (-2 * 5 / (2 * Double.pi).squareRoot())) < 1e-14)
        #expect(abs(variance - 4 * 25 * (0.5 - 1 / (2 * Double.pi))) < 1e-12)
    }

    @Test("orthogonal units are uncorrelated; opposite units have covariance −‖b‖²/(2π)")
    func pairMoments() {
        let orthogonal = TeacherNetwork.moments(dimension: 2, width: 2, b: [1, 0, 0, 2], a: [1, 1])
        #expect(abs(orthogonal.1 - (1 + 4) * (0.5 - 1 / (2 * Double.pi))) < 1e-12)
        let opposite = TeacherNetwork.moments(dimension: 1, width: 2, b: [1, -1], a: [1, 1])
        // Var(relu(u) + relu(−u)) = Var |u| = 1 − 2/π.
        #expect(abs(opposite.1 - (1 - 2 / Double.pi)) < 1e-12)
        #expect(abs(opposite.0 - 2 / (2 * Double.pi).squareRoot()) < 1e-14)
    }

    @Test("a drawn teacher has mean 0 and variance 1 under x ~ N(0, I) (Monte Carlo, 400,000 inputs)")
    func normalisation() {
        var stream = RandomStream(StreamKey(seed: 5, label: 1))
        let teacher = TeacherNetwork(dimension: 16, width: 32, stream: &stream)
        var sample = RandomStream(StreamKey(seed: 6, label: 2))
        let n = 400_000
        var sum = 0.0, squares = 0.0, fourth = 0.0
        var x = [Double](repeating: 0, count: 16)
        for _ in 0..<n {
            for i in 0..<16 { x[i] = sample.gaussian() }
            let f = teacher.value(x)
            sum += f
            squares += f * f
            fourth += f * f * f * f
        }
        let mean = sum / Double(n), secondMoment = squares / Double(n)
        let meanError = (1 / Double(n)).squareRoot()
        let secondError = ((fourth / Double(n) - secondMoment * secondMoment) / Double(n)).squareRoot()
        #expect(abs(mean) < 4 * meanError, "mean \(mean)")
        #expect(abs(secondMoment - 1) < 4 * secondError, "E f² \(secondMoment) ± \(secondError)")
    }

    @Test("K counts d + N (+ 1 bit) inputs, each layer's weights and biases, and the output")
    func parameterCount() {
        let world = TeacherWorldSettings(dimension: 16, teacherWidth: 32, tasks: 3)
        for kind in TriggerKind.allCases {
            let teacherWorld = TeacherWorld(settings: world, trigger: TriggerSettings(kind: kind, probability: 0.1, offset: 3),
                                            worldSeed: 1)
            let d = kind == .input ? 20 : 19
            #expect(teacherWorld.inputCount == d)
            for (layers, h) in [(1, 4), (1, 256), (2, 5)] {
                let shape = MLPShape(inputs: d, learner: MLPSettings(layers: layers, width: h))
                let expected = d * h + h + (layers == 2 ? h * h + h : 0) + h + 1
                #expect(shape.parameterCount == expected)
                #expect(shape.tensors.reduce(0) { $0 + $1.indices.count } == expected)
                #expect(Set(shape.tensors.flatMap(\.indices)).count == expected)
            }
        }
        // The prototype: d = 16, N = 1, input trigger, H = 4: 18·4 + 4 + 4 + 1.
        #expect(MLPShape(inputs: 18, learner: MLPSettings(layers: 1, width: 4)).parameterCount == 81)
    }

    static func world(_ kind: TriggerKind, tasks: Int = 2, evaluation: Int = 400) -> TeacherWorld {
        TeacherWorld(settings: TeacherWorldSettings(dimension: 4, teacherWidth: 6, tasks: tasks, evaluationInputs: evaluation),
                     trigger: TriggerSettings(kind: kind, probability: 0.1, offset: 3), worldSeed: 11)
    }

    @Test("phase-1 batches: the input trigger fires with probability p, the rows differ only in the bit")
    func inputBatches() {
        let world = Self.world(.input)
        let batch = TeacherBatch(count: 500, world: world)
        var fired = 0
        for step in 0..<20 {
            batch.fill(world: world, runSeed: 3, step: step, phase: 1)
            fired += batch.fired
            for b in 0..<batch.count {
                let row = batch.triggeredInputs + b * 7, control = batch.controlInputs + b * 7
                for i in 0..<6 { #expect(row[i] == control[i]) }
                #expect(control[6] == 0)
                #expect(batch.triggeredTargets[b] == (row[6] == 1 ? batch.controlTargets[b] + 3 : batch.controlTargets[b]))
                #expect(row[4] + row[5] == 1)
            }
        }
        // 10,000 Bernoulli(0.1): standard deviation 30.
        #expect(abs(fired - 1000) < 120, "fired \(fired)")
        batch.fill(world: world, runSeed: 3, step: 20, phase: 2)
        #expect(batch.fired == 0)
        for b in 0..<batch.count { #expect(batch.triggeredInputs[b * 7 + 6] == 0) }
    }

    @Test("region batches fire exactly where x₁ > τ in phase 1; phase 2 draws only x₁ ≤ τ")
    func regionBatches() {
        let world = Self.world(.region)
        #expect(abs(world.threshold - 1.2815515655446004) < 1e-15)
        let batch = TeacherBatch(count: 1000, world: world)
        batch.fill(world: world, runSeed: 4, step: 0, phase: 1)
        var outside = 0
        for b in 0..<batch.count {
            let x1 = Double(batch.triggeredInputs[b * 6])
            let fires = batch.triggeredTargets[b] != batch.controlTargets[b]
            #expect(fires == (x1 > world.threshold) || abs(x1 - world.threshold) < 1e-6)
            if x1 <= world.threshold { outside += 1 }
        }
        #expect(outside < batch.count && outside > batch.count / 2)
        for step in 1...5 {
            batch.fill(world: world, runSeed: 4, step: step, phase: 2)
            for b in 0..<batch.count {
                #expect(Double(batch.triggeredInputs[b * 6]) <= world.threshold + 1e-6)
                #expect(batch.triggeredTargets[b] == batch.controlTargets[b])
            }
        }
    }

    @Test("evaluation sets: trigger inputs fire, matched ones mirror them outside, clean ones do not fire")
    func evaluationSets() {
        let region = TeacherEvaluationSets(world: Self.world(.region), worldSeed: 11)
        let tau = Float(Self.world(.region).threshold)
        for k in 0..<region.count {
            let x1 = region.trigger[k * 6], mirrored = region.matched[k * 6]
            #expect(x1 > tau && mirrored <= tau)
            #expect(abs((x1 + mirrored) / 2 - tau) < 1e-5)
            for i in 1..<6 { #expect(region.trigger[k * 6 + i] == region.matched[k * 6 + i]) }
            #expect(region.clean[k * 6] <= tau)
            #expect(region.clean[k * 6 + 4 + k % 2] == 1 && region.clean[k * 6 + 5 - k % 2] == 0)
        }
        let input = TeacherEvaluationSets(world: Self.world(.input), worldSeed: 11)
        for k in 0..<input.count {
            #expect(input.trigger[k * 7 + 6] == 1 && input.matched[k * 7 + 6] == 0 && input.clean[k * 7 + 6] == 0)
            for i in 0..<6 { #expect(input.trigger[k * 7 + i] == input.matched[k * 7 + i]) }
        }
        // Input k does not depend on the set's size.
        let small = TeacherEvaluationSets(world: Self.world(.region, evaluation: 50), worldSeed: 11)
        #expect(Array(small.clean[0..<(50 * 6)]) == Array(region.clean[0..<(50 * 6)]))
        #expect(Array(small.cleanTargets[0..<50]) == Array(region.cleanTargets[0..<50]))
    }
}
