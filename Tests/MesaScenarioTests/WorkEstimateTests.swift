import Foundation
import MesaScenario
import Testing

@Suite("Work estimate and cost model")
struct WorkEstimateTests {
    /// A hill-climbing spec on 9×7 perfect-with-loops mazes (no optimality gap: loops > 0).
    func climbing() -> SimulationSpec {
        var spec = SimulationSpec()
        spec.environment.width = 9; spec.environment.height = 7; spec.environment.instances = 10
        spec.environment.loops = 0.1
        spec.deployment.width = 5; spec.deployment.height = 5; spec.deployment.instances = 20
        spec.training.steps = 1000
        return spec
    }

    @Test("hill climbing: steps × (50 + 2.5·N·L) with L = 2√(W·H), measurement (N·W·H + N'·W'·H') × 2√(W·H), one run")
    func hillClimbRun() {
        let work = Scenario.work(of: climbing())
        #expect(abs(work.hillClimb - 1000 * (50 + 2.5 * 10 * 2 * 63.0.squareRoot())) < 1e-6)
        #expect(abs(work.measurement - Double(10 * 63 + 20 * 25) * 2 * 63.0.squareRoot()) < 1e-9)
        #expect(work.exactAnalysis == 0 && work.runs == 1)
        // With memory an episode walks to the step limit (4·W·H): the per-instance term grows by
        // the step limit over 2√(W·H).
        var stateful = climbing()
        stateful.model.memory = .episode
        let length = Double(4 * 63)
        #expect(abs(Scenario.work(of: stateful).hillClimb - 1000 * (50 + 2.5 * 10 * length)) < 1e-6)
    }

    @Test("exact selection: behaviours × N × (W·H)^1.15, nine times that with memory")
    func exactRun() {
        var spec = SimulationSpec()
        spec.training.optimizer = .exact
        spec.environment.width = 5; spec.environment.height = 5; spec.environment.instances = 4
        spec.model.parameters = 64
        spec.model.maxBits = 3
        let behaviours = Double(ExactClass(spec).behaviours)
        #expect(behaviours > 1)
        #expect(abs(Scenario.work(of: spec).exactAnalysis - behaviours * 4 * pow(25, 1.15)) < 1e-6)
        #expect(Scenario.work(of: spec).hillClimb == 0)
        spec.model.memory = .episode
        #expect(abs(Scenario.work(of: spec).exactAnalysis - 9 * behaviours * 4 * pow(25, 1.15)) < 1e-6)
    }

    @Test("a sweep counts each shared exact analysis once, at its largest point")
    func sharing() {
        var base = SimulationSpec()
        base.training.optimizer = .exact
        base.environment.width = 4; base.environment.height = 4
        base.model.parameters = 48
        base.model.maxBits = 3
        let instances = SweepAxis(key: "environment.instances", values: [.number(4), .number(8)], isGeometric: true)
        let scenario = Scenario(title: "T", slug: "t", source: "", notebook: [], analytic: nil, simulation: base,
                                axes: [instances], seeds: 3)
        let own = scenario.points.map { Scenario.work(of: $0.spec) }
        let shared = scenario.pointWork
        #expect(shared[0].exactAnalysis == 0 && shared[1].exactAnalysis == own[1].exactAnalysis)
        #expect(shared[0].runs == 1 && shared[0].measurement == own[0].measurement)
        #expect(scenario.work(seeds: 3) == (shared[0] + shared[1]) * 3)
        // Another goal correlation is another world: nothing is shared.
        let correlation = SweepAxis(key: "environment.goal_correlation", values: [.number(1), .number(0.8)], isGeometric: false)
        let worlds = Scenario(title: "T", slug: "t", source: "", notebook: [], analytic: nil, simulation: base,
                              axes: [correlation], seeds: 1)
        #expect(worlds.pointWork.allSatisfy { $0.exactAnalysis > 0 })
    }

    @Test("the optimality gap: solved when affordable under auto, always under always, never under never")
    func optimalityGapRule() {
        var small = SimulationSpec()
        small.environment.width = 4; small.environment.height = 4; small.environment.instances = 4
        small.model.parameters = 48
        small.model.maxBits = 3
        #expect(ExactClass.isExact(small) && Scenario.computesOptimalityGap(small))
        #expect(Scenario.work(of: small).exactAnalysis > 0 && !Scenario.skipsOptimalityGap(small))
        // The language's defaults on 9×9 mazes: the solve (seconds) dwarfs the climb.
        var large = SimulationSpec()
        large.environment.instances = 16
        #expect(ExactClass.isExact(large) && !Scenario.optimalityGapIsAffordable(large))
        #expect(Scenario.skipsOptimalityGap(large) && Scenario.work(of: large).exactAnalysis == 0)
        large.training.optimalityGap = .always
        #expect(Scenario.computesOptimalityGap(large) && Scenario.work(of: large).exactAnalysis > 0)
        small.training.optimalityGap = .never
        #expect(!Scenario.computesOptimalityGap(small) && Scenario.skipsOptimalityGap(small))
        // Loops: the class is not solved exactly, so nothing is computed or skipped.
        #expect(!Scenario.computesOptimalityGap(climbing()) && !Scenario.skipsOptimalityGap(climbing()))
        // Only a setting other than auto enters the run's settings (so earlier runs keep their keys).
        #expect(!SimulationSpec().canonicalText.contains("optimality_gap"))
        #expect(small.canonicalText.contains("training.optimality_gap=never\n"))
    }

    @Test func analyticOnlyHasNoWork() {
        let scenario = Scenario(title: "T", slug: "t", source: "", notebook: [], analytic: AnalyticSpec(), simulation: nil,
                                axes: [], seeds: 4)
        #expect(scenario.work(seeds: 4) == .zero)
    }

    @Test func largeSweepsAreSampled() {
        // 200,000 identical points: the sampled mean times the count is exact.
        let values = (0..<200_000).map { _ in SettingValue.number(0.1) }
        let scenario = Scenario(title: "T", slug: "t", source: "", notebook: [], analytic: nil, simulation: climbing(),
                                axes: [SweepAxis(key: "environment.loops", values: values, isGeometric: false)], seeds: 1)
        let one = Scenario.work(of: climbing())
        #expect(abs(scenario.work(seeds: 1).hillClimb - 200_000 * one.hillClimb) < 1e-3 * one.hillClimb)
    }

    @Test("seconds are linear in the units; wall time divides by jobs, at least the largest run, then the report")
    func costModel() {
        let model = CostModel(secondsPerHillClimbUnit: 1e-6, secondsPerExactUnit: 1e-5, secondsPerMeasurementUnit: 1e-7,
                              secondsPerRun: 1e-3, secondsPerReport: 0.5, secondsPerReportedRun: 1e-3)
        let work = WorkUnits(hillClimb: 1e6, exactAnalysis: 1e5, measurement: 1e6, runs: 100)
        #expect(abs(model.seconds(work) - (1 + 1 + 0.1 + 0.1)) < 1e-12)
        #expect(abs(model.wallSeconds(work, largestRun: .zero, jobs: 2) - (1.1 + 0.5 + 0.1)) < 1e-12)
        let big = WorkUnits(hillClimb: 2e6)
        #expect(abs(model.wallSeconds(work, largestRun: big, jobs: 4) - (2 + 0.5 + 0.1)) < 1e-12)
        let scaled = model.scaled(hillClimb: 2, exact: 3)
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * abs(b) }
        #expect(close(scaled.secondsPerHillClimbUnit, 2e-6) && close(scaled.secondsPerExactUnit, 3e-5)
            && close(scaled.secondsPerMeasurementUnit, 2e-7) && close(scaled.secondsPerRun, 2.5e-3)
            && close(scaled.secondsPerReport, 1) && close(scaled.secondsPerReportedRun, 2e-3))
        #expect(CostModel.duration(4.25) == "4.2s" && CostModel.duration(125) == "2m05s" && CostModel.duration(7300) == "2h01m")
        #expect(CostModel.duration(47 * 3600 + 59 * 60) == "47h59m" && CostModel.duration(3 * 86_400) == "3.0 days")
        #expect(CostModel.duration(2 * 365.25 * 86_400) == "2.0 years")
        #expect(CostModel.duration(.infinity) == "more than 30 years" && CostModel.duration(.nan) == "more than 30 years")
    }
}
