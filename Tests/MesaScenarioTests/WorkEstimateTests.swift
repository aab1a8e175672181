import MesaScenario
import Testing

@Suite struct WorkEstimateTests {
    @Test func hillClimbRun() {
        var spec = SimulationSpec()
        spec.environment.width = 9; spec.environment.height = 7; spec.environment.instances = 10
        spec.deployment.width = 5; spec.deployment.height = 5; spec.deployment.instances = 20
        spec.training.steps = 1000
        // (steps + N) · W·H + N' · W'·H'
        #expect(Scenario.estimatedWork(of: spec) == Double((1000 + 10) * 63 + 20 * 25))
    }

    @Test func exactRun() {
        var spec = SimulationSpec()
        spec.training.optimizer = .exact
        spec.environment.instances = 4
        spec.deployment.instances = 2
        spec.model.maxBits = 3
        spec.model.searchCost = .binary(.multiply, .number(16), .variable)
        // N · W·H · (search_cost(max_bits) + 1) · 9 + N' · W'·H', on the default 9 x 9 maze
        #expect(Scenario.estimatedWork(of: spec) == 4 * 81 * 49 * 9 + 2 * 81)
    }

    @Test func sweepSumsPointsTimesSeeds() {
        let axis = SweepAxis(key: "training.steps", values: [.number(100), .number(200)], isGeometric: false)
        var base = SimulationSpec()
        base.training.steps = 100
        let scenario = Scenario(title: "T", slug: "t", source: "", notebook: [], analytic: nil, simulation: base,
                                axes: [axis], seeds: 3)
        let cells = 81.0, deployment = 16 * 81.0
        let expected = 3 * (((100 + 16) * cells + deployment) + ((200 + 16) * cells + deployment))
        #expect(scenario.estimatedWork == expected)
    }

    @Test func analyticOnlyHasNoWork() {
        let scenario = Scenario(title: "T", slug: "t", source: "", notebook: [], analytic: AnalyticSpec(), simulation: nil,
                                axes: [], seeds: 4)
        #expect(scenario.estimatedWork == 0)
    }

    @Test func largeSweepsAreSampled() {
        // 200,000 identical points: the sampled mean times the count is exact.
        let values = (0..<200_000).map { _ in SettingValue.number(0) }
        let scenario = Scenario(title: "T", slug: "t", source: "", notebook: [], analytic: nil, simulation: SimulationSpec(),
                                axes: [SweepAxis(key: "environment.loops", values: values, isGeometric: false)], seeds: 1)
        #expect(scenario.estimatedWork == 200_000 * Scenario.estimatedWork(of: SimulationSpec()))
    }
}
