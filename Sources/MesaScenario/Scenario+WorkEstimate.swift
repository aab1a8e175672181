/// A rough measure of how much simulation a scenario asks for, in simulated agent moves, so that
/// `plan` can print it and the compiler can refuse sweeps beyond a limit before anything runs.
///
/// Per run, with W·H the training maze's cells, N its instances, and W'·H', N' the deployment's:
/// - `hill_climb`: (steps + N) · W·H + N' · W'·H' — every step re-scores about one episode's
///   worth of moves, the final model plays every training instance once, then deployment.
/// - `exact`: N · W·H · (search_cost(max_bits) + 1) · 9 + N' · W'·H' — every training instance
///   played for each machinery size and each of ~9 evaluation-weight settings, then deployment.
///
/// The scenario's estimate is the sum over sweep points × seeds. Above 100,000 points it is the
/// mean of 10,000 evenly spaced points times the point count (the limit check refuses such
/// sweeps long before the estimate's precision matters).
extension Scenario {
    /// Evaluation-weight settings the exact optimizer tries per machinery size.
    public static let exactWeightGridSize = 9.0

    /// Estimated simulated agent moves for the whole sweep (0 for an analytic-only scenario).
    public var estimatedWork: Double {
        let count = pointCount
        guard count > 0 else { return 0 }
        let sampleCount = min(count, count > 100_000 ? 10_000 : count)
        var total = 0.0
        for sample in 0..<sampleCount {
            let index = sampleCount == count ? sample : Int(Double(sample) * Double(count) / Double(sampleCount))
            if let point = point(at: index) { total += Self.estimatedWork(of: point.spec) }
        }
        return total * Double(count) / Double(sampleCount) * Double(seeds)
    }

    /// Estimated simulated agent moves for one run of `spec`.
    public static func estimatedWork(of spec: SimulationSpec) -> Double {
        let cells = Double(spec.environment.width * spec.environment.height)
        let instances = Double(spec.environment.instances)
        let deployment = Double(spec.deployment.instances) * Double(spec.deployment.width * spec.deployment.height)
        switch spec.training.optimizer {
        case .hillClimb:
            return (Double(spec.training.steps) + instances) * cells + deployment
        case .exact:
            let cost = spec.model.searchCost.evaluate(at: spec.model.maxBits)
            let machinerySizes = (cost.isFinite ? max(0, cost) : 0) + 1
            return instances * cells * machinerySizes * exactWeightGridSize + deployment
        }
    }
}
