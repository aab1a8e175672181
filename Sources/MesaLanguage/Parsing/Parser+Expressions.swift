import MesaScenario

/// Expressions by precedence climbing:
///
/// ```
/// sum     := product (('+' | '-') product)*
/// product := unary (('*' | '/') unary)*
/// unary   := '-' unary | power
/// power   := primary ('^' unary)?          # right-associative: 2^3^2 = 2^9; -x^2 = -(x^2)
/// primary := NUMBER | IDENT | IDENT '(' sum (',' sum)* ')' | '(' sum ')'
/// ```
extension Parser {
    /// Deeper nesting of parentheses, unary minus or `^` is refused: it cannot be meant, and
    /// refusing it keeps recursion bounded on hostile input.
    static let maximumNesting = 64
    /// Longer operator chains are refused, keeping every later pass over the tree shallow.
    static let maximumExpressionDepth = 256

    mutating func parseExpression() throws(Failure) -> ExpressionSyntax {
        try parseSum(nesting: 0)
    }

    private mutating func parseSum(nesting: Int) throws(Failure) -> ExpressionSyntax {
        var lhs = try parseProduct(nesting: nesting)
        while true {
            let op: Expression.BinaryOperator
            switch current.kind {
            case .plus: op = .add
            case .minus: op = .subtract
            default: return lhs
            }
            advance()
            let rhs = try parseProduct(nesting: nesting)
            lhs = try binary(op, lhs, rhs)
        }
    }

    private mutating func parseProduct(nesting: Int) throws(Failure) -> ExpressionSyntax {
        var lhs = try parseUnary(nesting: nesting)
        while true {
            let op: Expression.BinaryOperator
            switch current.kind {
            case .star: op = .multiply
            case .slash: op = .divide
            default: return lhs
            }
            advance()
            let rhs = try parseUnary(nesting: nesting)
            lhs = try binary(op, lhs, rhs)
        }
    }

    private mutating func parseUnary(nesting: Int) throws(Failure) -> ExpressionSyntax {
        try checkNesting(nesting)
        guard current.kind == .minus else { return try parsePower(nesting: nesting) }
        let minus = current.range
        advance()
        let operand = try parseUnary(nesting: nesting + 1)
        return ExpressionSyntax(kind: .negate(operand), range: minus.union(operand.range), depth: operand.depth + 1)
    }

    private mutating func parsePower(nesting: Int) throws(Failure) -> ExpressionSyntax {
        let base = try parsePrimary(nesting: nesting)
        guard current.kind == .caret else { return base }
        advance()
        let exponent = try parseUnary(nesting: nesting + 1)
        return try binary(.power, base, exponent)
    }

    private mutating func parsePrimary(nesting: Int) throws(Failure) -> ExpressionSyntax {
        let token = current
        switch token.kind {
        case .number(let value):
            advance()
            return ExpressionSyntax(kind: .number(value), range: token.range, depth: 1)
        case .identifier(let name):
            advance()
            guard current.kind == .leftParen else {
                return ExpressionSyntax(kind: .name(name), range: token.range, depth: 1)
            }
            advance()
            var arguments: [ExpressionSyntax] = []
            while true {
                arguments.append(try parseSum(nesting: nesting + 1))
                if current.kind == .comma {
                    advance()
                } else {
                    break
                }
            }
            let close = try expectClosingParenthesis(openedAt: token.range)
            let depth = (arguments.map(\.depth).max() ?? 0) + 1
            return ExpressionSyntax(kind: .call(name: name, nameRange: token.range, arguments: arguments),
                                    range: token.range.union(close), depth: depth)
        case .leftParen:
            advance()
            try checkNesting(nesting + 1)
            var inner = try parseSum(nesting: nesting + 1)
            let close = try expectClosingParenthesis(openedAt: token.range)
            inner.range = token.range.union(close)
            return inner
        case .leftBracket where nesting == 0:
            return try parseExpressionSweep()
        default:
            throw fail("expected a value, found \(token.description)", at: token.range)
        }
    }

    /// `[a, b, …]` or `[a ... b (step s | times f)?]` inside an expression (a relative budget).
    private mutating func parseExpressionSweep() throws(Failure) -> ExpressionSyntax {
        let open = current.range
        advance()
        let first = try parseSum(nesting: 1)
        let values: SweepSyntax.Values
        if current.kind == .ellipsis {
            advance()
            let last = try parseSum(nesting: 1)
            var progression = RangeSyntax.Progression.step
            var increment: ExpressionSyntax?
            if let word = current.identifier, let named = RangeSyntax.Progression(rawValue: word) {
                advance()
                progression = named
                increment = try parseSum(nesting: 1)
            }
            values = .range(first: first, last: last, progression: progression, increment: increment)
        } else {
            var elements = [first]
            while current.kind == .comma {
                advance()
                elements.append(try parseSum(nesting: 1))
            }
            values = .list(elements)
        }
        guard current.kind == .rightBracket else {
            throw fail("expected ']' to close the sweep, found \(current.description)", at: current.range,
                       notes: [Diagnostic.Note("the sweep starts here", range: open)])
        }
        let close = current.range
        advance()
        return ExpressionSyntax(kind: .sweep(SweepSyntax(values: values, range: open.union(close))),
                                range: open.union(close), depth: 1)
    }

    private mutating func expectClosingParenthesis(openedAt open: SourceRange) throws(Failure) -> SourceRange {
        guard current.kind == .rightParen else {
            throw fail("expected ')', found \(current.description)", at: current.range,
                       notes: [Diagnostic.Note("to match this '('", range: open)])
        }
        let close = current.range
        advance()
        return close
    }

    private mutating func checkNesting(_ nesting: Int) throws(Failure) {
        if nesting > Self.maximumNesting {
            throw fail("expression nested too deeply (more than \(Self.maximumNesting) levels)", at: current.range)
        }
    }

    private mutating func binary(_ op: Expression.BinaryOperator, _ lhs: ExpressionSyntax,
                                 _ rhs: ExpressionSyntax) throws(Failure) -> ExpressionSyntax {
        let depth = max(lhs.depth, rhs.depth) + 1
        if depth > Self.maximumExpressionDepth {
            throw fail("expression too long (more than \(Self.maximumExpressionDepth) operations deep)", at: rhs.range)
        }
        return ExpressionSyntax(kind: .binary(op, lhs, rhs), range: lhs.range.union(rhs.range), depth: depth)
    }
}
