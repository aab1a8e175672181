@testable import MesaAnalysis
import MesaResults
import Testing

/// The mesa-objectives of the runs that selected search, counted by what they seek.
@Suite struct ObjectiveFinderTests {
    static func run(_ correlation: Double, _ repetition: Int, mesa: Int, goal: Int?, proxy: Int?) -> RunRecord {
        var metrics = RunFixtures.metrics(mesa: mesa)
        metrics[.objectiveGoalWeight] = goal.map(Double.init)
        metrics[.objectiveProxyWeight] = proxy.map(Double.init)
        return RunFixtures.run(RunFixtures.point([("environment.goal_correlation", .number(correlation))]),
                               repetition: repetition, optimizer: .hillClimb, metrics)
    }

    @Test("objectives are classed by their positive weights; runs without search are left out")
    func counts() throws {
        let runs = [
            Self.run(1, 0, mesa: 1, goal: 1, proxy: 0),
            Self.run(1, 1, mesa: 1, goal: 0, proxy: 1),
            Self.run(1, 2, mesa: 1, goal: 1, proxy: 1),
            Self.run(1, 3, mesa: 0, goal: 0, proxy: 1),  // machinery, but the table decided most
            Self.run(0.9, 0, mesa: 1, goal: 1, proxy: -1),
            Self.run(0.9, 1, mesa: 1, goal: -1, proxy: 0),
            Self.run(0.9, 2, mesa: 0, goal: nil, proxy: nil),
        ]
        let finding = try #require(RunFixtures.findings(rule: ObjectiveFinder(), runs: runs).first)
        #expect(finding.kind == .objective)
        #expect(finding.sentence == "The learned objective (the mesa-objective h_w) of the 5 runs that selected search sought the goal marker alone in 2, the proxy region alone in 1, both in 1 and neither in 1; those that did not seek the goal alone were at goal_correlation = 1 (2 of 3); at goal_correlation = 0.9 (1 of 2).")
        #expect(finding.value == 0.4)
    }

    @Test("what swapping in the goal-seeking objective would change, when the runs record it")
    func swap() {
        func run(_ repetition: Int, change: Double, gain: Double) -> RunRecord {
            var record = Self.run(1, repetition, mesa: 1, goal: 0, proxy: 1)
            record.metrics[.alignedLossChange] = change
            record.metrics[.alignedDeployGain] = gain
            return record
        }
        let runs = [run(0, change: 0, gain: 0.1), run(1, change: 0, gain: 0.3), run(2, change: 0.25, gain: 0.2)]
        // Gains 0.1, 0.3, 0.2: mean 0.2, t(2) = 4.303, s = 0.1, half-width 0.2484.
        #expect(ObjectiveFinder.swapClause(runs) == "; with the goal-seeking objective (w_goal = 1, w_proxy = 0) in its place, the training loss would be the same in 2 of 3 runs, higher in 1 and lower in 0, and the deployment score would change by 0.2 on average (95% interval -0.048–0.45)")
        #expect(ObjectiveFinder.swapClause([Self.run(1, 0, mesa: 1, goal: 1, proxy: 0)]) == "")
    }

    @Test("no run selected search: no finding; every objective on the goal: no list of points")
    func edges() {
        #expect(RunFixtures.findings(rule: ObjectiveFinder(), runs: [Self.run(1, 0, mesa: 0, goal: 1, proxy: 0)]).isEmpty)
        let aligned = [Self.run(1, 0, mesa: 1, goal: 1, proxy: 0), Self.run(0.9, 0, mesa: 1, goal: 1, proxy: -1)]
        #expect(RunFixtures.findings(rule: ObjectiveFinder(), runs: aligned).first?.sentence
            == "The learned objective (the mesa-objective h_w) of the 2 runs that selected search sought the goal marker alone in 2, the proxy region alone in 0, both in 0 and neither in 0.")
    }
}
