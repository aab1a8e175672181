import Foundation

/// An arithmetic expression over numbers and the variable `x`, as written for cost functions such
/// as `2 * x^2` or `16 * log2(1 + x)`; a relative budget names `k_fit` and `detector_cost` instead
/// (`k_fit + detector_cost + 4`).
///
/// Evaluation follows IEEE arithmetic: a division by zero or `sqrt(-1)` gives an infinity or
/// NaN rather than trapping, so callers check `isFinite` (the validator does this on
/// `[0, max_bits]` before a scenario is accepted).
public indirect enum Expression: Sendable, Hashable {
    case number(Double)
    case variable
    /// A named quantity known only when a run starts (`k_fit`, `detector_cost`).
    case name(String)
    case negate(Expression)
    case binary(BinaryOperator, Expression, Expression)
    case call(Function, [Expression])

    public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
        case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
    }

    /// The functions an expression may call, with their arities.
    public enum Function: String, Sendable, Hashable, CaseIterable {
        case log2, ln, exp, sqrt, min, max

        /// The number of arguments the function takes.
        public var arity: Int {
            switch self {
            case .min, .max: return 2
            default: return 1
            }
        }
    }

    /// The value at `x`, with `names` giving the named quantities (a missing one is NaN).
    public func evaluate(at x: Double, names: [String: Double] = [:]) -> Double {
        switch self {
        case .number(let value):
            return value
        case .variable:
            return x
        case .name(let name):
            return names[name] ?? .nan
        case .negate(let operand):
            return -operand.evaluate(at: x, names: names)
        case let .binary(op, lhs, rhs):
            let a = lhs.evaluate(at: x, names: names), b = rhs.evaluate(at: x, names: names)
            switch op {
            case .add: return a + b
            case .subtract: return a - b
            case .multiply: return a * b
            case .divide: return a / b
            case .power: return Foundation.pow(a, b)
            }
        case let .call(function, arguments):
            let values = arguments.map { $0.evaluate(at: x, names: names) }
            guard values.count == function.arity else { return .nan }
            switch function {
            case .log2: return Foundation.log2(values[0])
            case .ln: return Foundation.log(values[0])
            case .exp: return Foundation.exp(values[0])
            case .sqrt: return values[0].squareRoot()
            case .min: return Swift.min(values[0], values[1])
            case .max: return Swift.max(values[0], values[1])
            }
        }
    }

    /// The named quantities the expression uses.
    public var names: Set<String> {
        switch self {
        case .number, .variable: return []
        case .name(let name): return [name]
        case .negate(let operand): return operand.names
        case let .binary(_, lhs, rhs): return lhs.names.union(rhs.names)
        case let .call(_, arguments): return arguments.reduce(into: []) { $0.formUnion($1.names) }
        }
    }

    /// Whether the expression mentions `x` at all (a constant cost is allowed but unusual).
    public var usesVariable: Bool {
        switch self {
        case .number, .name: return false
        case .variable: return true
        case .negate(let operand): return operand.usesVariable
        case let .binary(_, lhs, rhs): return lhs.usesVariable || rhs.usesVariable
        case let .call(_, arguments): return arguments.contains { $0.usesVariable }
        }
    }
}

extension Expression: CustomStringConvertible {
    /// A canonical, fully parenthesised-where-needed rendering, e.g. `2 * x^2`.
    public var description: String { render(parentPrecedence: 0) }

    private var precedence: Int {
        switch self {
        case .number, .variable, .name, .call: return 4
        case .negate: return 3
        case .binary(let op, _, _):
            switch op {
            case .add, .subtract: return 1
            case .multiply, .divide: return 2
            case .power: return 3
            }
        }
    }

    private func render(parentPrecedence: Int) -> String {
        let text: String
        switch self {
        case .number(let value):
            text = Expression.format(value)
        case .variable:
            text = "x"
        case .name(let name):
            text = name
        case .negate(let operand):
            text = "-" + operand.render(parentPrecedence: 3)
        case let .binary(op, lhs, rhs):
            let p = precedence
            // Left-associative + - * /; right-associative ^.
            let leftText = lhs.render(parentPrecedence: op == .power ? p + 1 : p)
            let rightText = rhs.render(parentPrecedence: op == .power ? p : p + 1)
            text = op == .power ? "\(leftText)^\(rightText)" : "\(leftText) \(op.rawValue) \(rightText)"
        case let .call(function, arguments):
            text = "\(function.rawValue)(" + arguments.map { $0.render(parentPrecedence: 0) }.joined(separator: ", ") + ")"
        }
        return precedence < parentPrecedence ? "(\(text))" : text
    }

    /// Shortest round-tripping decimal text for a number: `2`, `0.05`, `1e-06`.
    package static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
