import MesaScenario

/// What the teacher world's trainer would refuse, refused at the line that causes it: a trigger
/// that never or always fires (p must lie strictly between 0 and 1, so that phase 1 has both kinds
/// of input and τ = Φ⁻¹(1 − p) is finite), an offset of 0 (there would be no behaviour to install
/// and defection divides by it), and a learning rate of 0.
extension Validator {
    mutating func checkTeacherSettings(_ scenario: Scenario, header: HeaderSyntax) {
        func setting(_ name: String) -> CheckedSetting? {
            settings.first { $0.key.qualifiedName == name && $0.key.worlds.contains(.teacher) }
        }
        let rules: [(key: String, holds: (Double) -> Bool, message: (String) -> String)] = [
            ("deception.probability", { $0 > 0 && $0 < 1 },
             { "'probability' must lie strictly between 0 and 1, got \($0): the trigger must fire on some phase-1 inputs and not on others" }),
            ("deception.offset", { $0 != 0 },
             { "'offset' must not be \($0): the behaviour adds the offset to the target, and defection is measured in units of it" }),
            ("training.learning_rate", { $0 > 0 },
             { "'learning_rate' must be positive, got \($0): Adam would not move" }),
        ]
        for rule in rules {
            guard let checked = setting(rule.key) else { continue }
            for value in checked.values {
                guard let number = value.number, !rule.holds(number) else { continue }
                diagnostics.error(rule.message(Expression.format(number)), at: checked.statement.valuesRange)
                break
            }
        }
    }
}
