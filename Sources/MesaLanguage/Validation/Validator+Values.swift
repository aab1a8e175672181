import MesaScenario

/// Turning the scalars of one statement (one combination, for a sweep) into the `SettingValue`
/// shape its key's `ValueKind` asks for, or a diagnostic saying why not.
extension Validator {
    mutating func convert(_ parts: [ScalarSyntax], for key: SettingKey) -> SettingValue? {
        let range = parts[0].range.union(parts[parts.count - 1].range)
        func single(_ what: String) -> ScalarSyntax? {
            guard parts.count == 1 else {
                report("'\(key.name)' takes one value (\(what)), got \(parts.count)", at: range)
                return nil
            }
            return parts[0]
        }
        switch key.kind {
        case let .integer(min, max), let .budget(min, max):
            guard let scalar = single("a whole number"), let value = number(scalar, for: key, expected: "a whole number") else { return nil }
            guard value == value.rounded() else {
                report("'\(key.name)' expects a whole number, got \(Expression.format(value))", at: scalar.range)
                return nil
            }
            return checkBounds(value, Double(min), Double(max), key, scalar.range)
        case let .countOrInfinite(min, max):
            guard let scalar = single("a whole number or 'infinite'") else { return nil }
            if scalar.word != nil {
                return word(scalar, among: [SettingValue.infinite], for: key).map(SettingValue.word)
            }
            guard let value = number(scalar, for: key, expected: "a whole number or 'infinite'") else { return nil }
            guard value == value.rounded() else {
                report("'\(key.name)' expects a whole number or 'infinite', got \(Expression.format(value))", at: scalar.range)
                return nil
            }
            return checkBounds(value, Double(min), Double(max), key, scalar.range)
        case let .number(min, max):
            guard let scalar = single("a number"), let value = number(scalar, for: key, expected: "a number") else { return nil }
            return checkBounds(value, min, max, key, scalar.range)
        case let .size(min, max):
            guard let scalar = single("a size such as '9 x 9'") else { return nil }
            guard case let .size(width, height) = scalar.kind else {
                report("'\(key.name)' expects a size such as '9 x 9', found \(describe(scalar))", at: scalar.range)
                return nil
            }
            let sides = [width, height]
            guard sides.allSatisfy({ $0 == $0.rounded() && $0 >= Double(min) && $0 <= Double(max) }) else {
                report("each side of '\(key.name)' must be a whole number from \(min) to \(max), got \(Expression.format(width)) x \(Expression.format(height))",
                       at: scalar.range)
                return nil
            }
            return .size(width: Int(width), height: Int(height))
        case .word(let options):
            guard let scalar = single("one of \(options.joined(separator: ", "))") else { return nil }
            return word(scalar, among: options, for: key).map(SettingValue.word)
        case .target:
            let options = Corner.allCases.map(\.rawValue) + ["any"]
            guard let scalar = single("a corner or 'any'") else { return nil }
            return word(scalar, among: options, for: key).map(SettingValue.word)
        case .expression:
            guard let scalar = single("an expression in x") else { return nil }
            return expression(scalar, for: key).map(SettingValue.expression)
        case .proxy:
            guard parts.count == 2 else {
                report("'proxy' expects a corner and a side, such as 'top_right 3'", at: range)
                return nil
            }
            let corner = word(parts[0], among: Corner.allCases.map(\.rawValue), for: key)
            let side = number(parts[1], for: key, expected: "the side of the region").flatMap {
                checkBounds($0, 1, 64, key, parts[1].range, integer: true)
            }
            guard let corner, let side else { return nil }
            return .tuple([.word(corner), side])
        case .encoding:
            guard let first = word(parts[0], among: ["direct", "indirect"], for: key) else { return nil }
            if first == "direct" {
                guard parts.count == 1 else {
                    report("'direct' takes no number; did you mean 'indirect \(parts.count > 1 ? describe(parts[1]) : "G")'?", at: range)
                    return nil
                }
                return .word("direct")
            }
            guard parts.count == 2 else {
                report("'indirect' needs the number of genes, such as 'indirect 64'", at: range)
                return nil
            }
            guard let genes = number(parts[1], for: key, expected: "the number of genes"),
                  let checked = checkBounds(genes, 1, 10_000_000, key, parts[1].range, integer: true) else { return nil }
            return .tuple([.word("indirect"), checked])
        case .acceptance:
            guard let first = word(parts[0], among: AcceptanceRule.words, for: key) else { return nil }
            if first == "strict" || first == "neutral" {
                guard parts.count == 1 else {
                    report("'\(first)' takes no number; 'tolerance' and 'anneal' do (e.g. 'anneal 0.05')", at: range)
                    return nil
                }
                return .word(first)
            }
            guard parts.count == 2 else {
                report("'\(first)' needs a number, such as '\(first) \(first == "anneal" ? "0.05" : "0.01")'", at: range)
                return nil
            }
            guard let amount = number(parts[1], for: key, expected: first == "anneal" ? "a temperature" : "a loss tolerance"),
                  let checked = checkBounds(amount, 0, 1000, key, parts[1].range) else { return nil }
            return .tuple([.word(first), checked])
        case .styles:
            let options = ModelStyle.allCases.map(\.rawValue)
            let words = parts.map { word($0, among: options, for: key) }
            guard words.allSatisfy({ $0 != nil }) else { return nil }
            let names = words.compactMap { $0 }
            if Set(names).count != names.count {
                report("'styles' lists a style twice", at: range)
                return nil
            }
            return names.count == 1 ? .word(names[0]) : .tuple(names.map(SettingValue.word))
        }
    }

    /// How a scalar is named in a "found …" message.
    func describe(_ scalar: ScalarSyntax) -> String {
        switch scalar.kind {
        case .string: return "a string"
        case .size: return "a size"
        case .expression(let e):
            switch e.kind {
            case .number(let value): return Expression.format(value)
            case .name(let name): return "'\(name)'"
            default: return "an expression"
            }
        }
    }

    private mutating func checkBounds(_ value: Double, _ min: Double, _ max: Double, _ key: SettingKey,
                                      _ range: SourceRange, integer: Bool = false) -> SettingValue? {
        if integer, value != value.rounded() {
            report("'\(key.name)' expects a whole number, got \(Expression.format(value))", at: range)
            return nil
        }
        guard value >= min, value <= max else {
            let what = (min == 0 && max == 1) ? " (a probability)" : ""
            report("'\(key.name)' must be from \(Expression.format(min)) to \(Expression.format(max))\(what), got \(Expression.format(value))",
                   at: range)
            return nil
        }
        return .number(value)
    }

    /// A constant number: a literal or arithmetic without `x` (`2^10`, `-1`).
    mutating func number(_ scalar: ScalarSyntax, for key: SettingKey, expected: String) -> Double? {
        number(scalar, named: key.name, expected: expected)
    }

    /// A constant number for the word `name` (a key, or `at_most` in an expectation).
    mutating func number(_ scalar: ScalarSyntax, named name: String, expected: String) -> Double? {
        guard case .expression(let syntax) = scalar.kind, scalar.word == nil else {
            report("'\(name)' expects \(expected), found \(describe(scalar))", at: scalar.range)
            return nil
        }
        guard let expression = ExpressionLowering.lower(syntax, setting: name, diagnostics: &diagnostics) else {
            return nil
        }
        guard !expression.usesVariable else {
            report("'\(name)' expects \(expected), found an expression in x", at: scalar.range)
            return nil
        }
        let value = expression.evaluate(at: 0)
        guard value.isFinite else {
            report("'\(name)' is not a finite number", at: scalar.range)
            return nil
        }
        return value
    }

    private mutating func word(_ scalar: ScalarSyntax, among options: [String], for key: SettingKey) -> String? {
        let list = options.map { "'\($0)'" }.joined(separator: ", ")
        guard let word = scalar.word else {
            report("'\(key.name)' expects one of \(list), found \(describe(scalar))", at: scalar.range)
            return nil
        }
        guard options.contains(word) else {
            report("'\(key.name)' expects one of \(list), found '\(word)'", at: scalar.range,
                   notes: Suggestion.note(for: word, among: options))
            return nil
        }
        return word
    }

    private mutating func expression(_ scalar: ScalarSyntax, for key: SettingKey) -> Expression? {
        guard case .expression(let syntax) = scalar.kind else {
            report("'\(key.name)' expects an expression in x such as '2 * x^2', found \(describe(scalar))", at: scalar.range)
            return nil
        }
        return ExpressionLowering.lower(syntax, setting: key.name, diagnostics: &diagnostics)
    }
}
