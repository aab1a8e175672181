/// Values: scalars, `[ lists ]`, ranges and sizes.
///
/// ```
/// value  := scalar | '[' scalar+ (',' scalar+)* ']' | range
/// range  := scalar '...' scalar ('step' scalar | 'times' scalar)?   (without: `seeds` only)
/// scalar := STRING | NUMBER 'x' NUMBER | expr
/// ```
extension Parser {
    mutating func parseValue() throws(Failure) -> ValueSyntax {
        if current.kind == .leftBracket { return try parseList() }
        let first = try parseScalar()
        guard current.kind == .ellipsis else { return .scalar(first) }
        advance()
        guard canStartValue(current) else {
            throw fail("expected the range's last value after '...', found \(current.description)", at: current.range)
        }
        let last = try parseScalar()
        guard let word = current.identifier, let progression = RangeSyntax.Progression(rawValue: word),
              progression != .looks else {
            // `a ... b` alone: the validator accepts it for `seeds` only.
            return .range(RangeSyntax(first: first, last: last, progression: .looks, increment: nil,
                                      range: first.range.union(last.range),
                                      following: (current.description, current.range)))
        }
        advance()
        guard canStartValue(current) else {
            throw fail("expected a number after '\(word)', found \(current.description)", at: current.range)
        }
        let increment = try parseScalar()
        return .range(RangeSyntax(first: first, last: last, progression: progression, increment: increment,
                                  range: first.range.union(increment.range)))
    }

    private mutating func parseList() throws(Failure) -> ValueSyntax {
        let open = current.range
        advance()
        var elements: [[ScalarSyntax]] = []
        while true {
            while current.kind == .newline { advance() }
            if current.kind == .rightBracket, !elements.isEmpty {
                break
            }
            if current.kind == .rightBracket {
                throw fail("empty list: a sweep needs at least one value", at: open.union(current.range))
            }
            if current.kind == .leftBracket {
                throw fail("lists cannot be nested", at: current.range)
            }
            guard canStartValue(current) else {
                throw fail("expected a value in the list, found \(current.description)", at: current.range,
                           notes: current.kind == .endOfFile ? [Diagnostic.Note("the list starts here", range: open)] : [])
            }
            var element = [try parseScalar()]
            while canStartValue(current), current.kind != .leftBracket { element.append(try parseScalar()) }
            elements.append(element)
            while current.kind == .newline { advance() }
            if current.kind == .comma {
                advance()
            } else if current.kind != .rightBracket {
                throw fail("expected ',' or ']' in the list, found \(current.description)", at: current.range,
                           notes: [Diagnostic.Note("the list starts here", range: open)])
            }
        }
        let close = current.range
        advance()
        return .list(elements, range: open.union(close))
    }

    mutating func parseScalar() throws(Failure) -> ScalarSyntax {
        let start = current
        switch start.kind {
        case .string(let text):
            advance()
            return ScalarSyntax(kind: .string(text), range: start.range)
        case .number(let width) where peek(1).identifier == "x":
            // NUMBER 'x' NUMBER is a size; anything else with x is an expression.
            if case .number(let height) = peek(2).kind {
                let end = peek(2).range
                advance(); advance(); advance()
                return ScalarSyntax(kind: .size(width: width, height: height), range: start.range.union(end))
            }
        default:
            break
        }
        let expression = try parseExpression()
        return ScalarSyntax(kind: .expression(expression), range: expression.range)
    }
}
