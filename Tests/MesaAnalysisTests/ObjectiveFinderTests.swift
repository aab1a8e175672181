@testable import MesaAnalysis
import MesaResults
import Testing

/// The mesa-objectives of the runs that selected search, counted by what they seek.
@Suite struct ObjectiveFinderTests {
    static func run(_ correlation: Double, _ repetition: Int, mesa: Int, goal: Int?, proxy: Int?) -> RunRecord {
        var metrics = RunFixtures.metrics(mesa: mesa)
        metrics.objective_goal_weight = goal
        metrics.objective_proxy_weight = proxy
        return RunFixtures.run(RunFixtures.point([("environment.goal_correlation", .number(correlation))]),
                               repetition: repetition, optimizer: "hill_climb", metrics)
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
        let finding = try #require(ObjectiveFinder.findings(runs: runs).first)
        #expect(finding.kind == "objective")
        #expect(finding.sentence == "The learned objective (the mesa-objective h_w) of the 5 runs that selected search sought the goal marker alone in 2, the proxy region alone in 1, both in 1 and neither in 1; those that did not seek the goal alone were at goal_correlation = 1 (2 of 3); at goal_correlation = 0.9 (1 of 2).")
        #expect(finding.value == 0.4)
    }

    @Test("no run selected search: no finding; every objective on the goal: no list of points")
    func edges() {
        #expect(ObjectiveFinder.findings(runs: [Self.run(1, 0, mesa: 0, goal: 1, proxy: 0)]).isEmpty)
        let aligned = [Self.run(1, 0, mesa: 1, goal: 1, proxy: 0), Self.run(0.9, 0, mesa: 1, goal: 1, proxy: -1)]
        #expect(ObjectiveFinder.findings(runs: aligned).first?.sentence
            == "The learned objective (the mesa-objective h_w) of the 2 runs that selected search sought the goal marker alone in 2, the proxy region alone in 0, both in 0 and neither in 0.")
    }
}
