import Foundation
import MesaScenario

/// Foundation also has an `Expression`; the tests mean the scenario's.
typealias CostExpression = MesaScenario.Expression

/// Cost expressions built by hand (the tests do not depend on the parser).
enum Costs {
    static let x = CostExpression.variable
    static func n(_ value: Double) -> CostExpression { .number(value) }
    static func times(_ a: CostExpression, _ b: CostExpression) -> CostExpression { .binary(.multiply, a, b) }
    static func plus(_ a: CostExpression, _ b: CostExpression) -> CostExpression { .binary(.add, a, b) }
    static func minus(_ a: CostExpression, _ b: CostExpression) -> CostExpression { .binary(.subtract, a, b) }
    static func power(_ a: CostExpression, _ b: CostExpression) -> CostExpression { .binary(.power, a, b) }

    static func linear(_ c: Double) -> CostExpression { times(n(c), x) }
    static func quadratic(_ c: Double) -> CostExpression { times(n(c), power(x, n(2))) }
    static func exponential(_ c: Double) -> CostExpression { times(n(c), minus(power(n(2), x), n(1))) }
    /// The same costs as Swift functions, for the brute force.
    static func cubicValue(_ x: Double) -> Double { x * x * x - 6 * x * x + 12 * x }
    static func kinkedValue(_ x: Double) -> Double { Swift.max(2 * x, 10 * x.squareRoot()) }
    static func bumpedValue(_ x: Double) -> Double { x * x + 60 * Foundation.exp(-4 * (x - 4) * (x - 4)) }

    /// x³ − 6x² + 12x: increasing, with an inflection (a flat spot) at x = 2.
    static let cubic = plus(minus(power(x, n(3)), times(n(6), power(x, n(2)))), times(n(12), x))
    /// max(2x, 10·√x): concave then linear.
    static let kinked = CostExpression.call(.max, [times(n(2), x), times(n(10), .call(.sqrt, [x]))])
    /// x² + 60·exp(−4(x − 4)²): a cost bump around x = 4 that makes f non-monotone (with
    /// P = 50 the feasible set is two intervals, [0, ≈3.5] and [≈4.6, √50]).
    static let bumped = plus(power(x, n(2)),
                             times(n(60), .call(.exp, [.negate(times(n(4), power(minus(x, n(4)), n(2))))])))
}

/// |a − b| ≤ tolerance · max(|a|, |b|), or both within `absolute` of zero.
func close(_ a: Double, _ b: Double, relative tolerance: Double = 1e-6, absolute: Double = 1e-9) -> Bool {
    abs(a - b) <= Swift.max(tolerance * Swift.max(abs(a), abs(b)), absolute)
}

/// The best of a uniform grid of `count + 1` points over [0, x_max], then of a second grid of
/// `count + 1` points spanning one step either side of it: an independent brute-force check
/// with resolution (x_max/count)·(2/count).
/// The cost is given as a plain Swift function, so the check is independent of expression
/// evaluation too.
func bruteForce(power: Double, instances: Double, cost: (Double) -> Double, maxBits: Double, count: Int = 1_000_000)
    -> (x: Double, J: Double)
{
    func best(from lower: Double, to upper: Double) -> (x: Double, J: Double) {
        var best = (x: 0.0, J: -Double.infinity)
        for i in 0...count {
            let x = lower + (upper - lower) * Double(i) / Double(count)
            let f = cost(x)
            guard f.isFinite, f <= power else { continue }
            let j = (power - f) / instances + x
            if j > best.J { best = (x, j) }
        }
        return best
    }
    let coarse = best(from: 0, to: maxBits)
    let step = maxBits / Double(count)
    return best(from: max(0, coarse.x - step), to: min(maxBits, coarse.x + step))
}

/// A small seeded generator for property tests.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func uniform(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * Double(next() >> 11) / Double(1 << 53)
    }
}
