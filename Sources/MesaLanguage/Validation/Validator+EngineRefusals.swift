import MesaScenario

/// What the engine would refuse, refused before anything runs: exact selection of a class it cannot
/// decompose (an indirect encoding, or a class too large to enumerate), at the `optimizer` line.
extension Validator {
    mutating func checkEngineRefusals(_ scenario: Scenario, header: HeaderSyntax) {
        guard scenario.simulation != nil else { return }
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
            }
            return
        }
    }
}
