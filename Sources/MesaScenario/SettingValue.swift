import MesaResults

/// One value a setting can take, after parsing: what a swept axis enumerates and what a
/// run point records. Each key accepts only some cases; the validator checks which.
public enum SettingValue: Sendable, Hashable {
    /// A plain number (`512`, `0.05`).
    case number(Double)
    /// A bare word (`hill_climb`, `anywhere`, `top_right`).
    case word(String)
    /// A grid size (`9 x 9`).
    case size(width: Int, height: Int)
    /// A cost expression in `x`.
    case expression(Expression)
    /// Several words and numbers in one statement (`proxy top_right 3`, `encoding indirect 64`,
    /// `styles heuristic, search`), in source order.
    case tuple([SettingValue])
    /// A budget relative to each run's world (`k_fit + detector_cost + 4`).
    case relativeBudget(RelativeBudget)

    /// The word of an unbounded count (`instances infinite`).
    public static let infinite = "infinite"

    /// The value as it would be written in a scenario file.
    public var text: String {
        switch self {
        case .number(let value): return Expression.format(value)
        case .word(let word): return word
        case let .size(width, height): return "\(width) x \(height)"
        case .expression(let expression): return expression.description
        case .tuple(let values): return values.map(\.text).joined(separator: " ")
        case .relativeBudget(let budget): return budget.text
        }
    }

    /// The number, when this value is one.
    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }
}

extension SettingValue {
    /// The value as a results coordinate: numbers stay numbers; words, sizes and expressions
    /// become their text.
    public var pointValue: PointValue {
        switch self {
        case .number(let number): return .number(number)
        // A swept relative budget is charted by its offset, K − (K_fit + d).
        case .relativeBudget(let budget): return .number(budget.offset)
        default: return .text(text)
        }
    }
}

extension RunPoint {
    /// The point's coordinates as results record them.
    public var resultsPoint: Point {
        Point(coordinates.map { Point.Coordinate(key: $0.key, value: $0.value.pointValue) })
    }
}
