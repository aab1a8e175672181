@testable import MesaAnalysis
import MesaResults
import Testing

/// Issue 22 item 8 / issue 21 item 7: `accept` swept beside `optimizer exact` must not count the
/// exact runs once per acceptance rule.
@Suite struct InapplicableSettingsTests {
    static let optimizer = AxisDescription(key: "training.optimizer", values: [.text("exact"), .text("hill_climb")], geometric: false)
    static let accept = AxisDescription(key: "training.accept", values: [.text("strict"), .text("neutral")], geometric: false)

    static func runs() -> [RunRecord] {
        var runs: [RunRecord] = []
        for optimizer in ["exact", "hill_climb"] {
            for rule in ["strict", "neutral"] {
                let at = RunFixtures.point([("training.optimizer", .text(optimizer)), ("training.accept", .text(rule))])
                for i in 0..<12 {
                    runs.append(RunFixtures.run(at, repetition: i, optimizer: optimizer == "exact" ? .exact : .hillClimb,
                                                RunFixtures.metrics(mesa: optimizer == "exact" ? 1 : (rule == "strict" ? 0 : 1))))
                }
            }
        }
        return runs
    }

    @Test("exact runs copied along accept are analysed once: one exact point, its 12 runs")
    func collapse() throws {
        let collapsed = InapplicableSettings.collapse(Self.runs(), axes: [Self.optimizer, Self.accept])
        #expect(collapsed.count == 36)
        #expect(collapsed.filter { $0.optimizer == .exact }.allSatisfy { $0.point["training.accept"] == .text("strict") })
        // A level over every exact point: one point of 12 runs, not "2 of 2 points".
        let prediction = Prediction(claim: .level(metric: .mesaOptimizer, bound: .atLeast, value: 0.5),
                                    filters: [.init(axis: "training.optimizer", value: "exact")], text: "")
        let results = RunFixtures.results(runs: Self.runs(), axes: [Self.optimizer, Self.accept], expectations: [prediction])
        let complete = ResultsAnalysis.complete(results)
        let finding = try #require(complete.findings.first { $0.kind == .expectation })
        #expect(finding.sentence.contains("optimizer = exact, accept = strict: 12 of 12 runs"), "\(finding.sentence)")
        #expect(!finding.sentence.contains("points within the bound"))
        #expect(complete.summary.count == 3)
        #expect(complete.runs.count == 48, "results keep every run")
        // Without a hill-climbing-only axis nothing is collapsed.
        #expect(InapplicableSettings.collapse(Self.runs(), axes: [Self.optimizer]).count == 48)
    }
}
