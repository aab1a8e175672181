import MesaScenario

/// Resolves a parsed expression into `MesaScenario.Expression`: `x` is the variable (where the
/// setting takes one), `names` the named quantities it may use (`k_fit` and `detector_cost` in a
/// relative budget), every other name is an error, and calls must name a known function with the
/// right arity. A sweep inside an expression is lowered by the budget check, never here.
enum ExpressionLowering {
    static let functionNames = Expression.Function.allCases.map(\.rawValue)

    /// The expression, or `nil` after recording why not.
    static func lower(_ syntax: ExpressionSyntax, setting: String, names: [String] = [], allowsX: Bool = true,
                      diagnostics: inout DiagnosticCollector) -> Expression? {
        func recurse(_ inner: ExpressionSyntax) -> Expression? {
            lower(inner, setting: setting, names: names, allowsX: allowsX, diagnostics: &diagnostics)
        }
        switch syntax.kind {
        case .number(let value):
            return .number(value)
        case .name("x") where allowsX:
            return .variable
        case .name(let name) where names.contains(name):
            return .name(name)
        case .name(let name):
            let known = (allowsX ? ["x"] : []) + names
            var notes = Suggestion.note(for: name, among: known + (allowsX ? RelativeBudget.names : []))
            if notes.isEmpty {
                notes = [Diagnostic.Note(allowsX && names.isEmpty ? "the only variable is x, the bits of search"
                                         : "the names are \(known.joined(separator: ", "))")]
            }
            if allowsX, RelativeBudget.names.contains(name) {
                notes = [Diagnostic.Note("'\(name)' may only be used in 'parameters', for a budget relative to each world")]
            }
            diagnostics.error("unknown name '\(name)' in the expression for '\(setting)'", at: syntax.range, notes: notes)
            return nil
        case .negate(let operand):
            return recurse(operand).map(Expression.negate)
        case let .binary(op, lhs, rhs):
            let l = recurse(lhs)
            let r = recurse(rhs)
            guard let l, let r else { return nil }
            return .binary(op, l, r)
        case .sweep(let sweep):
            diagnostics.error("a sweep inside an expression is only allowed as the added offset of a relative budget",
                              at: sweep.range,
                              notes: [Diagnostic.Note("e.g. 'parameters k_fit + detector_cost + [-4 ... 8]'; elsewhere sweep the whole value")])
            return nil
        case let .call(name, nameRange, arguments):
            let lowered = arguments.map { recurse($0) }
            guard let function = Expression.Function(rawValue: name) else {
                var notes = Suggestion.note(for: name, among: functionNames)
                notes.append(Diagnostic.Note("the functions are \(functionNames.joined(separator: ", "))"))
                diagnostics.error("unknown function '\(name)'", at: nameRange, notes: notes)
                return nil
            }
            guard arguments.count == function.arity else {
                let expected = function.arity == 1 ? "1 argument" : "\(function.arity) arguments"
                diagnostics.error("'\(name)' takes \(expected), got \(arguments.count)", at: syntax.range)
                return nil
            }
            let values = lowered.compactMap { $0 }
            guard values.count == arguments.count else { return nil }
            return .call(function, values)
        }
    }
}
