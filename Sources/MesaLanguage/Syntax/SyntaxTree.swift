import MesaScenario

/// The parsed file: what was written, with a source range on every node, before any meaning is
/// checked. The validator turns it into a `Scenario`.
struct FileSyntax: Sendable {
    var header: HeaderSyntax?
    var items: [ItemSyntax]
}

/// `scenario "Title"`.
struct HeaderSyntax: Sendable {
    var title: String
    var range: SourceRange
}

/// A top-level item, in source order.
enum ItemSyntax: Sendable {
    case prose(ProseSyntax)
    case block(BlockSyntax)
}

/// A `"""` prose block.
struct ProseSyntax: Sendable {
    var text: String
    var range: SourceRange
}

/// `name { statement* }`.
struct BlockSyntax: Sendable {
    var name: String
    var nameRange: SourceRange
    var openBrace: SourceRange
    var statements: [StatementSyntax]
}

/// `key value+ (',' value+)*`: the values of every comma group, in order.
struct StatementSyntax: Sendable {
    var key: String
    var keyRange: SourceRange
    var groups: [[ValueSyntax]]
    /// From the first value to the last, for quoting the setting as written.
    var valuesRange: SourceRange
    /// The values failed to parse (already reported); only the key is checked.
    var isMalformed = false

    var values: [ValueSyntax] { groups.flatMap { $0 } }
}

/// One value of a statement: fixed, or a sweep (a list or a range). A list's elements are one
/// scalar each, or several for a multi-part value (`accept [strict, anneal 0.05]`).
enum ValueSyntax: Sendable {
    case scalar(ScalarSyntax)
    case list([[ScalarSyntax]], range: SourceRange)
    case range(RangeSyntax)

    var range: SourceRange {
        switch self {
        case .scalar(let scalar): return scalar.range
        case .list(_, let range): return range
        case .range(let range): return range.range
        }
    }

    var isSweep: Bool {
        if case .scalar = self { return false }
        return true
    }
}

/// `first ... last step s`, `first ... last times f`, or `first ... last` alone (only `seeds`
/// takes that: sequential looks, docs/statistics.md).
struct RangeSyntax: Sendable {
    enum Progression: String, Sendable {
        case step, times
        /// No `step` or `times`: the looks of sequential seeds.
        case looks
    }

    var first: ScalarSyntax
    var last: ScalarSyntax
    var progression: Progression
    /// The step or factor; nil for `.looks`.
    var increment: ScalarSyntax?
    var range: SourceRange
    /// For `.looks`: what followed the last value, where `step` or `times` would have gone.
    var following: (description: String, range: SourceRange)?
}

/// A single value: a string, a size `W x H`, or an expression (which covers plain numbers and
/// bare words such as `hill_climb`).
struct ScalarSyntax: Sendable {
    enum Kind: Sendable {
        case string(String)
        case size(width: Double, height: Double)
        case expression(ExpressionSyntax)
    }

    var kind: Kind
    var range: SourceRange

    /// The bare word, when the scalar is one name (`anywhere`, `top_right`).
    var word: String? {
        if case .expression(let e) = kind, case .name(let name) = e.kind { return name }
        return nil
    }
}

/// An arithmetic expression as written, names not yet resolved.
struct ExpressionSyntax: Sendable {
    indirect enum Kind: Sendable {
        case number(Double)
        case name(String)
        case negate(ExpressionSyntax)
        case binary(Expression.BinaryOperator, ExpressionSyntax, ExpressionSyntax)
        case call(name: String, nameRange: SourceRange, arguments: [ExpressionSyntax])
        /// A sweep inside an expression (`k_fit + [-4 ... 8]`): a list of values, or a range whose
        /// progression defaults to `step 1`.
        case sweep(SweepSyntax)
    }

    var kind: Kind
    var range: SourceRange
    /// Height of the tree; the parser caps it so that later recursive passes stay shallow.
    var depth: Int
}

extension FileSyntax {
    /// `statement` in place of the statement with its key in the first block named `block`, or
    /// added at that block's end; a new block at the end of the file when there is none.
    mutating func apply(_ statement: StatementSyntax, toBlock block: String) {
        for (index, item) in items.enumerated() {
            guard case .block(var existing) = item, existing.name == block else { continue }
            if let at = existing.statements.firstIndex(where: { $0.key == statement.key }) {
                existing.statements[at] = statement
            } else {
                existing.statements.append(statement)
            }
            items[index] = .block(existing)
            return
        }
        items.append(.block(BlockSyntax(name: block, nameRange: statement.keyRange, openBrace: statement.keyRange,
                                        statements: [statement])))
    }
}

/// The values of a sweep written inside an expression: `[a, b, c]` or `[a ... b]`, `[a ... b step s]`,
/// `[a ... b times f]`.
struct SweepSyntax: Sendable {
    enum Values: Sendable {
        case list([ExpressionSyntax])
        case range(first: ExpressionSyntax, last: ExpressionSyntax, progression: RangeSyntax.Progression,
                   increment: ExpressionSyntax?)
    }

    var values: Values
    var range: SourceRange
}
