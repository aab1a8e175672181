import MesaScenario

/// What the engine would refuse, refused before anything runs: exact selection of a class it cannot
/// decompose (an indirect encoding, or a class too large to enumerate), at the `optimizer` line.
extension Validator {
    mutating func checkEngineRefusals(_ scenario: Scenario, header: HeaderSyntax) {
        guard let simulation = scenario.simulation else { return }
        switch simulation.world {
        case .maze: break
        case .regression:
            checkRegressionSettings(scenario, header: header)
            return
        case .teacher:
            checkTeacherSettings(scenario, header: header)
            return
        }
        checkRelativeBudgets(scenario, header: header)
        guard !diagnostics.hasErrors else { return }
        for point in scenario.points where point.spec.training.optimizer == .exact {
            guard let refusal = ExactClass.refusal(point.spec) else { continue }
            let at = range(of: ["training.optimizer"], orElse: header.range)
            switch refusal {
            case .indirectEncoding:
                diagnostics.error("the exact optimizer cannot run `encoding indirect`: an indirect gene sets decisions in many instances, so the table does not decompose per instance",
                                  at: at, notes: [Diagnostic.Note("use `optimizer hill_climb`, or `encoding direct`",
                                                                  range: range(of: ["model.encoding"], orElse: at))]
                                      + Self.pointNote(point, scenario))
            case let .classTooLarge(structures, behaviours, work, limit):
                diagnostics.error("the exact optimizer cannot enumerate this class: \(structures) structures with \(behaviours) distinct behaviours need about \(Self.figure(work)) episode steps, above the limit of \(Self.figure(limit))",
                                  at: at, notes: [Diagnostic.Note("use fewer instances, a smaller maze or budget, or `optimizer hill_climb`")]
                                      + Self.pointNote(point, scenario))
            case let .machineryTooLarge(sizes, limit):
                diagnostics.error("the exact optimizer cannot enumerate this class: its search machinery takes \(Self.figure(sizes)) sizes (0 parameters up to what reaches max_bits or the budget), above the limit of \(Self.figure(Double(limit)))",
                                  at: at, notes: [Diagnostic.Note("use a cheaper search_cost, a smaller max_bits or budget, or `optimizer hill_climb`",
                                                                  range: range(of: ["model.search_cost"], orElse: at))]
                                      + Self.pointNote(point, scenario))
            }
            return
        }
    }

    /// A budget relative to `k_fit` needs each world's K_fit, which only the exact decomposition
    /// finds; `detector_cost` needs a detector.
    private mutating func checkRelativeBudgets(_ scenario: Scenario, header: HeaderSyntax) {
        let at = range(of: ["model.parameters"], orElse: header.range)
        for point in scenario.points {
            guard let relative = point.spec.model.relativeBudget else { continue }
            if relative.base.names.contains("detector_cost"), point.spec.deception == nil {
                diagnostics.error("'detector_cost' names the detector's cost, but this scenario has no 'deception' block",
                                  at: at, notes: [Diagnostic.Note("add a 'deception' block, or write the budget without it")])
                return
            }
            if let refusal = ExactClass.refusal(point.spec) {
                let why: String
                switch refusal {
                case .indirectEncoding: why = "the table is encoded indirectly"
                case .classTooLarge, .machineryTooLarge: why = "the class is too large to enumerate"
                }
                diagnostics.error("a budget relative to 'k_fit' needs each world's K_fit, which only the exact decomposition finds, and here \(why)",
                                  at: at, notes: [Diagnostic.Note("k_fit can be used with `encoding direct` and a class the exact optimizer can enumerate (fewer instances, a smaller maze); otherwise give K as a number")]
                                      + Self.pointNote(point, scenario))
                return
            }
        }
    }
}
