import MesaScenario

/// Resolves a parsed expression into `MesaScenario.Expression`: `x` is the variable, every
/// other name is an error, and calls must name a known function with the right arity.
enum ExpressionLowering {
    static let functionNames = Expression.Function.allCases.map(\.rawValue)

    /// The expression, or `nil` after recording why not.
    static func lower(_ syntax: ExpressionSyntax, setting: String, diagnostics: inout DiagnosticCollector) -> Expression? {
        switch syntax.kind {
        case .number(let value):
            return .number(value)
        case .name("x"):
            return .variable
        case .name(let name):
            var notes = Suggestion.note(for: name, among: ["x"])
            if notes.isEmpty { notes = [Diagnostic.Note("the only variable is x, the bits of search")] }
            diagnostics.error("unknown name '\(name)' in the expression for '\(setting)'", at: syntax.range, notes: notes)
            return nil
        case .negate(let operand):
            return lower(operand, setting: setting, diagnostics: &diagnostics).map(Expression.negate)
        case let .binary(op, lhs, rhs):
            let l = lower(lhs, setting: setting, diagnostics: &diagnostics)
            let r = lower(rhs, setting: setting, diagnostics: &diagnostics)
            guard let l, let r else { return nil }
            return .binary(op, l, r)
        case let .call(name, nameRange, arguments):
            let lowered = arguments.map { lower($0, setting: setting, diagnostics: &diagnostics) }
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
