@testable import MesaLearning
import Foundation
import Testing

/// The written-out transcendentals against the C library (which is accurate, but picks its
/// implementation by CPU; these must agree with it to an ulp or two, not bit for bit).
@Suite struct DeterministicMathTests {
    static func ulps(_ a: Double, _ b: Double) -> Double { abs(a - b) / b.ulp }

    @Test("log within 4 ulp over (0, 1] and beyond")
    func log() {
        var stream = RandomStream(seed: 1)
        var worst = 0.0
        for i in 0..<200_000 {
            let x = i < 100_000 ? 1 - stream.unit() : Foundation.exp(40 * (stream.unit() - 0.5))
            worst = max(worst, Self.ulps(DeterministicMath.log(x), Foundation.log(x)))
        }
        #expect(worst <= 4, "worst \(worst) ulp")
        #expect(DeterministicMath.log(1) == 0)
        #expect(Self.ulps(DeterministicMath.log(0x1p-53), Foundation.log(0x1p-53)) <= 1)
    }

    /// The reference itself rounds 2π·u (up to 4.4e-16 of angle), hence the bound.
    @Test("cos 2πu and sin 2πu within 1e-15 over [0, 1)")
    func sinCos() {
        var stream = RandomStream(seed: 2)
        var worst = 0.0
        for i in 0..<200_000 {
            let u = i < 8 ? Double(i) / 8 : stream.unit()
            let (c, s) = DeterministicMath.sinCosTwoPi(u)
            worst = max(worst, abs(c - Foundation.cos(2 * Double.pi * u)), abs(s - Foundation.sin(2 * Double.pi * u)))
        }
        #expect(worst < 1e-15, "worst \(worst)")
        #expect(DeterministicMath.sinCosTwoPi(0).cos == 1 && abs(DeterministicMath.sinCosTwoPi(0).sin) < 1e-16)
    }

    @Test("exp within 2 ulp in Double and Float; limits")
    func exp() {
        var stream = RandomStream(seed: 3)
        var worst = 0.0, worstFloat = 0.0
        for _ in 0..<200_000 {
            let x = 1400 * (stream.unit() - 0.5)
            worst = max(worst, Self.ulps(DeterministicMath.exp(x), Foundation.exp(x)))
            let f = Float(170 * (stream.unit() - 0.5))
            let truth = Foundation.exp(Double(f))
            if truth > Double(Float.leastNormalMagnitude) && truth < Double(Float.greatestFiniteMagnitude) {
                worstFloat = max(worstFloat, abs(Double(DeterministicMath.exp(f)) - truth) / Double(Float(truth).ulp))
            }
        }
        #expect(worst <= 2, "worst \(worst) ulp")
        #expect(worstFloat <= 2, "worst \(worstFloat) Float ulp")
        #expect(DeterministicMath.exp(0.0) == 1 && DeterministicMath.exp(Float(0)) == 1)
        #expect(DeterministicMath.exp(-1000.0) == 0 && DeterministicMath.exp(1000.0) == .infinity)
        #expect(DeterministicMath.exp(Float(-200)) == 0 && DeterministicMath.exp(Float(100)) == .infinity)
    }
}

