import MesaScenario

/// This machine's `CostModel`: the reference model scaled by two short fixed workloads run on
/// one thread, each by the ratio of its time here to its time on the reference machine (`plan`
/// caches the result; docs/performance.md "Estimating time").
///
/// - Hill climbing: 9×9 mazes with a few loops (so no exact optimality gap is computed), N = 16,
///   K = 512, 20,000 steps, 4 seeds: scales hill-climbing and measurement units and the fixed costs.
/// - Exact selection: 5×5 perfect mazes, N = 12, 3 seeds: scales exact analysis units.
/// Each runs three times and counts its median: about 1.3 s on the reference machine.
public enum CostCalibration {
    /// What a calibration measured.
    public struct Measurement: Sendable {
        public var model: CostModel
        /// Wall seconds each workload took here.
        public var hillClimbSeconds: Double
        public var exactSeconds: Double
    }

    /// The hill-climbing workload.
    static var hillClimbWorkload: Scenario {
        var spec = SimulationSpec()
        spec.environment.width = 9
        spec.environment.height = 9
        spec.environment.loops = 0.05
        spec.environment.instances = 16
        spec.deployment = spec.environment
        spec.model.parameters = 512
        spec.model.searchCost = .binary(.multiply, .number(16), .variable)
        spec.model.maxBits = 8
        spec.training.steps = 20_000
        return scenario(spec, seeds: 4)
    }

    /// The exact workload.
    static var exactWorkload: Scenario {
        var spec = SimulationSpec()
        spec.environment.width = 5
        spec.environment.height = 5
        spec.environment.instances = 12
        spec.deployment = spec.environment
        spec.deployment.instances = 20
        spec.model.parameters = 128
        spec.model.searchCost = .binary(.multiply, .number(8), .variable)
        spec.model.maxBits = 4
        spec.bias.descriptionLength = 0.02
        spec.training.optimizer = .exact
        return scenario(spec, seeds: 3)
    }

    private static func scenario(_ spec: SimulationSpec, seeds: Int) -> Scenario {
        Scenario(title: "calibration", slug: "calibration", source: "", notebook: [], analytic: nil, simulation: spec,
                 axes: [], seeds: seeds)
    }

    /// Seconds each workload takes on the reference machine (release build, one thread; the
    /// median of 5 calibrations, each itself a median of 3; docs/performance.md).
    public static let referenceHillClimbSeconds = 0.148
    public static let referenceExactSeconds = 0.247

    /// Runs both workloads and scales `CostModel.reference` by how long they took against the
    /// reference machine's times.
    public static func measure() async throws -> Measurement {
        // The median of three of each: one disturbed measurement moves nothing.
        var hill: [Double] = [], exact: [Double] = []
        for _ in 0..<3 {
            hill.append(try await time(hillClimbWorkload))
            exact.append(try await time(exactWorkload))
        }
        let hillSeconds = hill.sorted()[1]
        let exactSeconds = exact.sorted()[1]
        let model = CostModel.reference.scaled(hillClimb: hillSeconds / referenceHillClimbSeconds,
                                               exact: exactSeconds / referenceExactSeconds)
        return Measurement(model: model, hillClimbSeconds: hillSeconds, exactSeconds: exactSeconds)
    }

    private static func time(_ scenario: Scenario) async throws -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        _ = try await SimulationSweep(scenario: scenario, jobs: 1).run()
        return EngineBenchmark.seconds(clock.now - start)
    }
}
