import Foundation
import MesaScenario

/// The values of a range sweep, computed without accumulating floating-point drift.
///
/// `a ... b step s` is a + i·s for i = 0, 1, …, as long as the value does not pass b; the end b
/// is included when it is hit to within a relative 1e-9 (so `0 ... 1 step 0.1` has 11 values and
/// ends at exactly 1). When a and s are short decimals the values are computed as the exact
/// integers (A + i·S) / 10^k, so `0.3` is the double nearest 0.3, not 0.30000000000000004.
/// `a ... b times f` is a·f^i, with the same treatment of the end.
enum RangeExpansion {
    /// More values than this in one range is refused.
    static let maximumCount = 100_000
    private static let tolerance = 1e-9

    static func arithmetic(first: Double, last: Double, step: Double) -> Result<[Double], Problem> {
        guard step.isFinite, step > 0 else { return .failure(.nonPositiveStep(step)) }
        guard first <= last else { return .failure(.backwards(first, last)) }
        let span = (last - first) / step
        guard span < Double(maximumCount) else { return .failure(.tooMany(span)) }
        let count = Int((span + tolerance * max(1, span)).rounded(.down)) + 1
        var values: [Double]
        if let scale = decimalScale(first, step, count: count) {
            let a = (first * scale).rounded(), s = (step * scale).rounded()
            values = (0..<count).map { (a + Double($0) * s) / scale }
        } else {
            values = (0..<count).map { first + Double($0) * step }
        }
        snapEnd(&values, to: last, scale: max(abs(last), step))
        return .success(values)
    }

    static func geometric(first: Double, last: Double, factor: Double) -> Result<[Double], Problem> {
        guard factor.isFinite, factor > 1 else { return .failure(.factorTooSmall(factor)) }
        guard first > 0 else { return .failure(.nonPositiveStart(first)) }
        guard first <= last else { return .failure(.backwards(first, last)) }
        let span = log(last / first) / log(factor)
        guard span < Double(maximumCount) else { return .failure(.tooMany(span)) }
        let count = Int((span + tolerance * max(1, span)).rounded(.down)) + 1
        var values = (0..<count).map { first * pow(factor, Double($0)) }
        snapEnd(&values, to: last, scale: abs(last))
        return .success(values)
    }

    /// Why a range has no values (or too many).
    enum Problem: Error, Equatable {
        case nonPositiveStep(Double), factorTooSmall(Double), nonPositiveStart(Double)
        case backwards(Double, Double), tooMany(Double)

        var message: String {
            func f(_ v: Double) -> String { MesaScenario.Expression.format(v) }
            switch self {
            case .nonPositiveStep(let s): return "a range step must be greater than 0, got \(f(s))"
            case .factorTooSmall(let x): return "a range factor must be greater than 1, got \(f(x))"
            case .nonPositiveStart(let a): return "a 'times' range must start above 0, got \(f(a))"
            case let .backwards(a, b): return "backwards range: the first value \(f(a)) is greater than the last \(f(b)), so the sweep is empty"
            case .tooMany: return "range has more than \(RangeExpansion.maximumCount) values"
            }
        }
    }

    /// 10^k for the smallest k that makes both numbers integers (k ≤ 9), if the results stay exact.
    private static func decimalScale(_ a: Double, _ s: Double, count: Int) -> Double? {
        var scale = 1.0
        for _ in 0...9 {
            let sa = a * scale, ss = s * scale
            if abs(sa - sa.rounded()) <= tolerance * max(1, abs(sa)), abs(ss - ss.rounded()) <= tolerance * max(1, abs(ss)) {
                let largest = abs(sa.rounded()) + Double(count) * abs(ss.rounded())
                return largest < 9e15 ? scale : nil
            }
            scale *= 10
        }
        return nil
    }

    private static func snapEnd(_ values: inout [Double], to last: Double, scale: Double) {
        guard let end = values.last, abs(end - last) <= tolerance * max(scale, .leastNormalMagnitude) else { return }
        values[values.count - 1] = last
    }
}
