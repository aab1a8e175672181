import Foundation
import MesaResults
import MesaScenario
import Testing

@testable import MesaAnalytic

@Suite("Analytic model")
struct AnalyticModelTests {
    @Test("quadratic, c = 1, P = 100, N = 10: x* = 5, J* = 12.5")
    func quadraticWorkedExample() {
        let best = AnalyticModel.optimum(power: 100, instances: 10, cost: Costs.quadratic(1), maxBits: 20)
        #expect(close(best.x, 5, relative: 1e-9))
        #expect(close(best.J, 12.5, relative: 1e-12))
        #expect(close(best.tuningShare, 7.5, relative: 1e-9))
        // At the budget boundary the optimum is exact: f(5) = 25 = P and 5⁺ is infeasible.
        #expect(AnalyticModel.optimum(power: 25, instances: 16, cost: Costs.quadratic(1), maxBits: 30).x == 5)
        #expect(best.mesaShare == best.x)
    }

    @Test("at the budget bound the whole power goes to search: the tuning share is exactly 0")
    func saturatedTuningShareIsZero() {
        // x* is found numerically, so f(x*) may differ from P by rounding; that leftover must not
        // show up as a 1e-16 tuning share.
        for (power, instances) in [(100.0, 32.0), (100, 128), (3, 64), (7, 1000)] {
            let best = AnalyticModel.optimum(power: power, instances: instances, cost: Costs.quadratic(1), maxBits: 30)
            #expect(close(best.x, power.squareRoot(), relative: 1e-9))
            #expect(best.tuningShare == 0)
            #expect(close(best.J, best.x, relative: 1e-12))
        }
    }

    @Test("quadratic: x* = min(N/(2c), √(P/c), x_max), interior J* = P/N + N/(4c)",
          arguments: [1.0, 2, 5, 10, 15, 19.9, 20, 25, 40, 100, 1000])
    func quadraticClosedForm(n: Double) {
        let (c, p, xMax) = (1.0, 100.0, 20.0)
        let best = AnalyticModel.optimum(power: p, instances: n, cost: Costs.quadratic(c), maxBits: xMax)
        let expected = min(n / (2 * c), (p / c).squareRoot(), xMax)
        #expect(close(best.x, expected))
        #expect(close(best.J, (p - c * expected * expected) / n + expected))
        if n / (2 * c) < (p / c).squareRoot() { #expect(close(best.J, p / n + n / (4 * c))) }
    }

    @Test("linear: x* = 0 below N = c, min(P/c, x_max) above, J* = P/min(N, c)",
          arguments: [(1.0, 4.0), (3.9, 4.0), (4.1, 4.0), (16, 4.0), (8, 16.0), (32, 16.0)])
    func linearClosedForm(n: Double, c: Double) {
        for (p, xMax) in [(100.0, 8.0), (100.0, 50.0), (7.0, 30.0)] {
            let best = AnalyticModel.optimum(power: p, instances: n, cost: Costs.linear(c), maxBits: xMax)
            let expected = n < c ? 0 : min(p / c, xMax)
            #expect(close(best.x, expected))
            #expect(close(best.J, (p - c * expected) / n + expected))
            if xMax >= p / c { #expect(close(best.J, p / min(n, c))) }
        }
    }

    @Test("linear at N = c exactly: every x ties, so x* = 0")
    func linearTieGoesToSmallerX() {
        let best = AnalyticModel.optimum(power: 100, instances: 16, cost: Costs.linear(16), maxBits: 4)
        #expect(best.x == 0)
        #expect(close(best.J, 100.0 / 16))
    }

    @Test("exponential: x* = log2(N/(c ln 2)) above N = c ln 2, capped at log2(1 + P/c)",
          arguments: [0.5, 1, 2, 4, 8, 32, 64, 1000, 1e5])
    func exponentialClosedForm(n: Double) {
        let (c, p, xMax) = (1.0, 1000.0, 30.0)
        let best = AnalyticModel.optimum(power: p, instances: n, cost: Costs.exponential(c), maxBits: xMax)
        let interior = n > c * log(2) ? log2(n / (c * log(2))) : 0
        let expected = min(interior, log2(1 + p / c), xMax)
        #expect(close(best.x, expected))
    }

    @Test("in the interior x* does not depend on P")
    func interiorIndependentOfPower() {
        for power in [50.0, 100, 1e4, 1e8] {
            let best = AnalyticModel.optimum(power: power, instances: 10, cost: Costs.quadratic(1), maxBits: 20)
            #expect(close(best.x, 5))
        }
    }

    @Test("closed forms hold over random c, P, N (seeded)")
    func closedFormProperties() {
        var random = SplitMix64(seed: 20_190_605)
        for _ in 0..<200 {
            let c = exp(random.uniform(in: log(0.05)...log(20)))
            let p = exp(random.uniform(in: log(1)...log(1e5)))
            let n = exp(random.uniform(in: log(0.5)...log(1e4)))
            let xMax = random.uniform(in: 0.5...60)

            let quadratic = AnalyticModel.optimum(power: p, instances: n, cost: Costs.quadratic(c), maxBits: xMax)
            #expect(close(quadratic.x, min(n / (2 * c), (p / c).squareRoot(), xMax)), "c \(c) P \(p) N \(n) xmax \(xMax)")

            let exponential = AnalyticModel.optimum(power: p, instances: n, cost: Costs.exponential(c), maxBits: xMax)
            let interior = n > c * log(2) ? log2(n / (c * log(2))) : 0
            #expect(close(exponential.x, min(interior, log2(1 + p / c), xMax)), "c \(c) P \(p) N \(n) xmax \(xMax)")

            if abs(n - c) > 1e-6 * c {
                let linear = AnalyticModel.optimum(power: p, instances: n, cost: Costs.linear(c), maxBits: xMax)
                #expect(close(linear.x, n < c ? 0 : min(p / c, xMax)), "c \(c) P \(p) N \(n) xmax \(xMax)")
            }
        }
    }

    @Test("irregular costs agree with a 10^6-point brute force",
          arguments: [0, 1, 2])
    func bruteForceAgreement(which: Int) {
        let (cost, value, power) = [(Costs.cubic, Costs.cubicValue, 60.0), (Costs.kinked, Costs.kinkedValue, 80.0),
                                    (Costs.bumped, Costs.bumpedValue, 60.0)][which]
        for n in [1.0, 3, 8, 12, 20, 50] {
            let best = AnalyticModel.optimum(power: power, instances: n, cost: cost, maxBits: 12)
            let brute = bruteForce(power: power, instances: n, cost: value, maxBits: 12)
            // The brute force is a grid, so it can only be lower; never by more than its resolution.
            #expect(best.J >= brute.J - 1e-12 * abs(brute.J), "\(cost) N \(n)")
            #expect(close(best.J, brute.J, relative: 1e-9), "\(cost) N \(n): \(best.J) vs \(brute.J)")
            #expect(abs(best.x - brute.x) < 1e-3 || close(best.J, brute.J, relative: 1e-9), "\(cost) N \(n)")
        }
    }

    @Test("a cost bump makes a disconnected feasible set; the optimum is found in the far part")
    func nonMonotoneFeasibleSet() {
        // P = 50, N = 30: the unconstrained x* = N/2 = 15 is beyond the budget, so x* is the far
        // part's budget boundary, √50 (the bump contributes 60·e^(−37.5) there).
        let far = AnalyticModel.optimum(power: 50, instances: 30, cost: Costs.bumped, maxBits: 12)
        #expect(close(far.x, 50.0.squareRoot()))
        #expect(far.isSaturated)
        // N = 4: x* = N/2 = 2, in the near part, where the bump is negligible.
        let near = AnalyticModel.optimum(power: 50, instances: 4, cost: Costs.bumped, maxBits: 12)
        // The bump's slope there (≈ −1.1e-4) moves it a little: solve f'(x) = N by bisection,
        // f'(x) = 2x − 480·(x − 4)·exp(−4(x − 4)²).
        var (low, high) = (1.9, 2.1)
        for _ in 0..<100 {
            let mid = (low + high) / 2
            let slope = 2 * mid - 480 * (mid - 4) * exp(-4 * (mid - 4) * (mid - 4))
            if slope < 4 { low = mid } else { high = mid }
        }
        #expect(close(near.x, low, relative: 1e-6))
        #expect(abs(near.x - 2) < 1e-4)
        for power in [30.0, 50, 80] {
            let best = AnalyticModel.optimum(power: power, instances: 30, cost: Costs.bumped, maxBits: 12)
            let brute = bruteForce(power: power, instances: 30, cost: Costs.bumpedValue, maxBits: 12)
            #expect(Costs.bumped.evaluate(at: best.x) <= power)
            #expect(close(best.J, brute.J, relative: 1e-9))
            #expect(close(best.x, brute.x, relative: 1e-6))
        }
    }

    @Test("nothing feasible: x* = 0 and J* = (P − f(0))/N")
    func infeasible() {
        let cost = Costs.plus(Costs.n(50), Costs.x)
        let best = AnalyticModel.optimum(power: 20, instances: 4, cost: cost, maxBits: 10)
        #expect(!best.isFeasible)
        #expect(best.x == 0)
        #expect(best.J == (20 - 50) / 4.0)
    }

    @Test("an infeasible stretch at x = 0: f = (x − 5)² + 10 with P = 14 is feasible only on [3, 7]")
    func infeasibleAtZero() {
        let cost = Costs.plus(Costs.power(Costs.minus(Costs.x, Costs.n(5)), Costs.n(2)), Costs.n(10))
        // J'(x) = 1 − 2(x − 5)/N: x* = 5 + N/2 inside [3, 7], else the boundary 7.
        let one = AnalyticModel.optimum(power: 14, instances: 1, cost: cost, maxBits: 12)
        #expect(close(one.x, 5.5))
        #expect(close(one.upperBound, 7))
        let ten = AnalyticModel.optimum(power: 14, instances: 10, cost: cost, maxBits: 12)
        #expect(close(ten.x, 7))
        #expect(ten.isSaturated)
        // A decreasing cost, 50 − 4x with P = 20, is feasible from x = 7.5 on; J rises, so x* = x_max.
        let falling = Costs.minus(Costs.n(50), Costs.linear(4))
        #expect(close(AnalyticModel.optimum(power: 20, instances: 3, cost: falling, maxBits: 10).x, 10))
    }

    @Test("a huge ceiling leaves one feasible grid point; the budget boundary is still found")
    func hugeCeiling() {
        // x_max = 10^6: the grid step is 244 bits, and 2^x overflows long before; the feasible
        // set is [0, log2(1001)] ≈ [0, 9.97].
        let best = AnalyticModel.optimum(power: 1000, instances: 64, cost: Costs.exponential(1), maxBits: 1e6)
        #expect(close(best.x, log2(64 / log(2))))
        #expect(close(best.upperBound, log2(1001)))
        let capped = AnalyticModel.optimum(power: 1000, instances: 1e5, cost: Costs.exponential(1), maxBits: 1e6)
        #expect(close(capped.x, log2(1001)))
    }

    @Test("f(0) > 0 but feasible further on is handled")
    func positiveFixedCost() {
        // f(x) = 10 + x², P = 110, N = 10: interior x* = 5, J* = (110 − 35)/10 + 5 = 12.5.
        let cost = Costs.plus(Costs.n(10), Costs.quadratic(1))
        let best = AnalyticModel.optimum(power: 110, instances: 10, cost: cost, maxBits: 20)
        #expect(close(best.x, 5))
        #expect(close(best.J, 12.5))
    }
}
