@testable import MesaLearning
import Testing

/// Adam and the learning-rate schedules against hand computations.
@Suite struct AdamTests {
    /// numpy, PyTorch's AdamW formula: p *= 1 − lr·wd; m, v updated;
    /// p −= (lr / (1 − 0.9ᵗ)) · m / (√v / √(1 − 0.999ᵗ) + 1e-8).
    @Test("three AdamW steps equal the numpy reference")
    func adamSteps() {
        var adam = Adam<Double>(count: 3, weightDecay: 0.1)
        var p = [0.5, -1.25, 2.0]
        let grads: [[Double]] = [[0.1, -0.2, 0.3], [-0.05, 0.4, 0.0], [1.0, -1.0, 0.5]]
        let rates = [0.01, 0.02, 0.005]
        let expected: [[Double]] = [
            [0.4895000009999999, -1.2387500005, 1.9880000003333334],
            [0.4831942608786783, -1.2435945708082075, 1.9706228358818307],
            [0.47966406253417115, -1.2406340907189182, 1.9655664557476804],
        ]
        for t in 0..<3 {
            adam.update(&p, gradient: grads[t], learningRate: rates[t])
            for i in 0..<3 { #expect(abs(p[i] - expected[t][i]) < 1e-14, "step \(t + 1), parameter \(i)") }
        }
        #expect(adam.step == 3)
    }

    @Test("the first step moves each parameter by the learning rate against its gradient's sign")
    func firstStep() {
        var adam = Adam<Float>(count: 2)
        var p: [Float] = [1, 1]
        adam.update(&p, gradient: [3, -0.001], learningRate: 0.1)
        // m̂ = g, v̂ = g², so the step is lr·g/(|g| + ε) ≈ lr·sign(g).
        #expect(abs(p[0] - 0.9) < 1e-6 && abs(p[1] - 1.1) < 1e-4)
    }

    @Test("reset forgets moments and step count")
    func reset() {
        var adam = Adam<Double>(count: 2)
        var p = [1.0, 2.0]
        adam.update(&p, gradient: [1, 1], learningRate: 0.1)
        adam.reset()
        #expect(adam.step == 0 && adam.first == [0, 0] && adam.second == [0, 0])
        var q = p, fresh = Adam<Double>(count: 2)
        adam.update(&p, gradient: [0.5, -0.5], learningRate: 0.1)
        fresh.update(&q, gradient: [0.5, -0.5], learningRate: 0.1)
        #expect(p == q, "after a reset, an update is a fresh optimizer's first")
    }

    @Test("zero gradients leave zero padding at zero, with or without decay")
    func padding() {
        var adam = Adam<Float>(count: 2, weightDecay: 0.5)
        var p: [Float] = [0, 1]
        for _ in 0..<5 { adam.update(&p, gradient: [0, 0.3], learningRate: 0.01) }
        #expect(p[0] == 0)
    }

    @Test("schedules: constant, cosine, linear warm-up")
    func schedules() {
        let constant = AdamTraining(steps: 100, learningRate: 0.01, warmup: 0, schedule: .constant)
        #expect(constant.learningRate(atStep: 0) == 0.01 && constant.learningRate(atStep: 99) == 0.01)
        let warm = AdamTraining(steps: 100, learningRate: 0.01, warmup: 4, schedule: .constant)
        #expect([0, 1, 2, 3, 4].map { warm.learningRate(atStep: $0) } == [0.0025, 0.005, 0.0075, 0.01, 0.01])
        let cosine = AdamTraining(steps: 104, learningRate: 0.01, warmup: 4, schedule: .cosine)
        #expect(cosine.learningRate(atStep: 3) == 0.01)
        #expect(cosine.learningRate(atStep: 4) == 0.01)
        #expect(abs(cosine.learningRate(atStep: 54) - 0.005) < 1e-15)
        #expect(abs(cosine.learningRate(atStep: 29) - 0.01 * 0.5 * (1 + 0.5.squareRoot())) < 1e-15, "a quarter of the way")
        #expect(cosine.learningRate(atStep: 104) == 0)
    }
}
