import MesaScenario

/// `parameters k_fit + detector_cost + [-4 ... 8]`: a budget relative to each run's world, with at
/// most one sweep, added to (or subtracted from) the rest.
extension Validator {
    /// Whether an expression names `k_fit` or `detector_cost`, or holds a sweep.
    static func isRelativeBudget(_ syntax: ExpressionSyntax) -> Bool {
        switch syntax.kind {
        case .number: return false
        case .name(let name): return RelativeBudget.names.contains(name)
        case .sweep: return true
        case .negate(let operand): return isRelativeBudget(operand)
        case let .binary(_, lhs, rhs): return isRelativeBudget(lhs) || isRelativeBudget(rhs)
        case let .call(_, _, arguments): return arguments.contains(where: isRelativeBudget)
        }
    }

    mutating func checkRelativeBudget(_ statement: StatementSyntax, _ syntax: ExpressionSyntax, key: SettingKey)
        -> CheckedSetting?
    {
        var base = syntax
        var sweep: SweepSyntax?
        var sign = 1.0
        if case let .binary(op, lhs, rhs) = syntax.kind, op == .add || op == .subtract, case .sweep(let found) = rhs.kind {
            base = lhs
            sweep = found
            sign = op == .add ? 1 : -1
        }
        guard let lowered = ExpressionLowering.lower(base, setting: key.name, names: RelativeBudget.names, allowsX: false,
                                                     diagnostics: &diagnostics) else { return nil }
        var offsets = [0.0]
        var isGeometric = false
        if let sweep {
            guard let values = sweepValues(sweep, key: key) else { return nil }
            offsets = values.values.map { sign * $0 }
            isGeometric = values.geometric
        }
        let budgets = offsets.map { SettingValue.relativeBudget(RelativeBudget(base: lowered, offset: $0)) }
        return CheckedSetting(key: key, statement: statement, values: budgets, isSwept: sweep != nil,
                              isGeometric: isGeometric)
    }

    /// The numbers of a sweep inside an expression: a list, or a range (step 1 by default).
    private mutating func sweepValues(_ sweep: SweepSyntax, key: SettingKey) -> (values: [Double], geometric: Bool)? {
        func constant(_ syntax: ExpressionSyntax, _ expected: String) -> Double? {
            number(ScalarSyntax(kind: .expression(syntax), range: syntax.range), for: key, expected: expected)
        }
        switch sweep.values {
        case .list(let elements):
            let values = elements.compactMap { constant($0, "a number") }
            return values.count == elements.count ? (values, false) : nil
        case let .range(first, last, progression, increment):
            guard let a = constant(first, "a number as the range's first value"),
                  let b = constant(last, "a number as the range's last value") else { return nil }
            let step = increment.map { constant($0, "a number after '\(progression.rawValue)'") } ?? 1
            guard let step else { return nil }
            let result = progression == .step
                ? RangeExpansion.arithmetic(first: a, last: b, step: step)
                : RangeExpansion.geometric(first: a, last: b, factor: step)
            switch result {
            case .success(let values): return (values, progression == .times)
            case .failure(let problem):
                report(problem.message, at: sweep.range)
                return nil
            }
        }
    }
}
