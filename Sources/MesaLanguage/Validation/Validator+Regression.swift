import MesaScenario

/// What the regression world's engine would refuse, refused at the line that causes it: a budget
/// given beside the memory it would derive, a budget the search circuit alone overflows, and
/// `instances infinite` anywhere but at the end of a sweep.
extension Validator {
    mutating func checkRegressionSettings(_ scenario: Scenario, header: HeaderSyntax) {
        let memory = settings.first { $0.key.qualifiedName == "model.memory" && $0.key.worlds.contains(.regression) }
        let budget = settings.first { $0.key.qualifiedName == "model.parameters" && $0.key.worlds.contains(.regression) }
        if let memory, let budget {
            diagnostics.error("give 'parameters' or 'memory', not both: with 'parameters' and 'search_steps', the memory is the most slots that fit, ⌊(K − s·d² − 2)/d⌋",
                              at: budget.statement.keyRange,
                              notes: [Diagnostic.Note("'memory' is set here", range: memory.statement.keyRange)])
            return
        }
        if let tasks = settings.first(where: { $0.key.qualifiedName == "environment.instances" && $0.key.worlds.contains(.regression) }),
           let infinite = tasks.values.firstIndex(of: .word(SettingValue.infinite)), infinite != tasks.values.count - 1 {
            diagnostics.error("'infinite' can only be the last value of an 'instances' sweep (it is charted past the largest N and left out of fits)",
                              at: tasks.statement.valuesRange)
            return
        }
        guard budget != nil else { return }
        for point in scenario.points {
            let regression = point.spec.regression
            guard let parameters = regression.parameters, regression.memorySlots < 0 else { continue }
            let search = regression.searchSteps * regression.dimension * regression.dimension + 2
            diagnostics.error("a budget of \(parameters) parameters does not hold the search circuit and the gate: s·d² + 2 = \(search) with search_steps \(regression.searchSteps) and dimension \(regression.dimension)",
                              at: range(of: ["model.parameters"], orElse: header.range),
                              notes: Self.pointNote(point, scenario))
            return
        }
    }
}
