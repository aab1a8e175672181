import Foundation

/// How much simulation a scenario asks for (`WorkUnits`), so that `plan` can say how long it will
/// take, the sweep can run its largest runs first, and the progress display can give an ETA.
///
/// Per run, with W·H the training maze's cells, N its instances, N'·W'·H' the deployment's, and L
/// the length of an episode the engine actually walks — about 2·√(W·H) for a memoryless policy
/// (cycles are finished arithmetically), the step limit (4·W·H by default) with `memory episode`:
/// - hill climbing: steps × (50 + 2.5 · N · L) — a step re-runs the instances it touches, a change
///   of the search in force all N, each an episode of about L steps; 50 is the fixed cost of a
///   step, in the same units (fitted, docs/performance.md). Until issue 21 the weight was √(W·H)/2
///   (2.5 on the 5 × 5 mazes the constants were fitted on), which made a step on larger mazes cost
///   as their cells, not as their episodes: 9 × 9 and 11 × 11 sweeps were estimated 2.5–3.5 times
///   too long;
/// - exact analysis: behaviours × N × (W·H)^1.15, ×9 with `memory episode` (`ExactClass`: every
///   deviation of every instance for each distinct search behaviour; `analysisCost`), for exact selection, for K_fit of a relative budget,
///   and for the optimality gap of hill climbing where it is solved (`OptimalityGapRule`);
/// - measurement: (N·W·H + N'·W'·H') × L;
/// - one run.
///
/// Exact analyses are shared within a repetition by every point whose world and search settings
/// agree (`ExactShareKey`; the engine's `ExactAnalysisCache` shares them the same way), so a
/// sweep counts each group once, at its largest point. Above 100,000 points the sweep's work is
/// that of 10,000 evenly spaced points, scaled, without sharing.
extension Scenario {
    /// Work of one run of `spec` on its own (its exact analysis not shared with other runs).
    public static func work(of spec: SimulationSpec) -> WorkUnits {
        work(of: spec, solvingGap: computesOptimalityGap(spec))
    }

    /// Work of one run of `spec`, counting the optimality gap's solve when `solvingGap`.
    static func work(of spec: SimulationSpec, solvingGap: Bool) -> WorkUnits {
        if spec.world == .regression { return WorkUnits(runs: 1, gradient: spec.regression.work) }
        if spec.world == .teacher { return WorkUnits(runs: 1, gradient: spec.teacher.work) }
        let cells = Double(spec.environment.width * spec.environment.height)
        let instances = Double(spec.environment.distinctInstances)
        let length = episodeLength(spec)
        let deployment = Double(spec.deployment.instances * spec.deployment.width * spec.deployment.height)
        var work = WorkUnits(measurement: (instances * cells + deployment) * length, runs: 1)
        if spec.training.optimizer == .hillClimb {
            work.hillClimb = Double(spec.training.steps) * (50 + instances * length * Self.stepEpisodeWeight)
        }
        work.exactAnalysis = exactAnalysis(of: spec, solvingGap: solvingGap)
        return work
    }

    /// Units per episode step re-run by a hill-climbing step: 2.5, the value the old weight √(W·H)/2
    /// had on the 5 × 5 mazes the cost constants were fitted on, so their estimates are unchanged.
    static let stepEpisodeWeight = 2.5

    /// Episode steps the engine walks per episode, about: 2·√cells memoryless, the step limit with
    /// memory (no cycle shortcut).
    static func episodeLength(_ spec: SimulationSpec) -> Double {
        let cells = Double(spec.environment.width * spec.environment.height)
        return spec.model.memory == .none ? 2 * cells.squareRoot() : Double(spec.environment.effectiveStepLimit)
    }

    /// The exact analysis a run of `spec` needs on its own: behaviours × N × `analysisCost`, for the
    /// classes it decomposes (its own for exact selection or an optimality gap, the uncapped one
    /// for K_fit); 0 when it needs none or the class is refused.
    static func exactAnalysis(of spec: SimulationSpec, solvingGap: Bool) -> Double {
        guard spec.world == .maze else { return 0 }
        var behaviours = 0
        if spec.training.optimizer == .exact || solvingGap {
            if ExactClass.refusal(spec) == nil {
                behaviours = ExactClass(spec.model.relativeBudget == nil ? spec : spec.withUncappedBudget).behaviours
            }
        }
        if spec.model.relativeBudget != nil, ExactClass.refusal(spec) == nil {
            behaviours = max(behaviours, ExactClass(spec.withUncappedBudget).behaviours)
        }
        return Double(behaviours) * Double(spec.environment.distinctInstances) * analysisCost(spec)
    }

    /// The cost of analysing one instance for one behaviour: cells^1.15 memoryless, 9 times that
    /// with `memory episode` (no cycle shortcut) — measured (docs/performance.md): the analysis
    /// memoises along paths, so it grows little faster than the maze.
    static func analysisCost(_ spec: SimulationSpec) -> Double {
        let cells = Double(spec.environment.width * spec.environment.height)
        return pow(cells, 1.15) * (spec.model.memory == .none ? 1 : 9)
    }

    /// What makes two points' exact analyses the same within a repetition: the world without its
    /// instance count, and the settings an instance's options depend on.
    struct ExactShareKey: Hashable {
        var environment: EnvironmentSpec
        var memory: Memory
        var fallback: Fallback
        var allowsTable: Bool
        var speed: Double
        var falsePositive: Double?

        init(_ spec: SimulationSpec) {
            environment = spec.environment
            environment.instances = 0
            environment.pool = nil
            memory = spec.model.memory
            fallback = spec.model.fallback
            allowsTable = spec.model.styles.contains(.heuristic)
            speed = spec.bias.speed
            falsePositive = spec.deception?.falsePositive
        }
    }

    /// The work of one repetition at each point, in point order, each exact sharing group's
    /// analysis counted at its largest point. Empty without a simulation, or above 100,000 points.
    public var pointWork: [WorkUnits] {
        guard pointCount <= 100_000 else { return [] }
        let points = self.points
        var work = points.map { Self.work(of: $0.spec) }
        var largest: [ExactShareKey: Int] = [:]
        for (index, point) in points.enumerated() where work[index].exactAnalysis > 0 {
            let key = ExactShareKey(point.spec)
            if let other = largest[key] {
                if work[index].exactAnalysis > work[other].exactAnalysis {
                    work[other].exactAnalysis = 0
                    largest[key] = index
                } else {
                    work[index].exactAnalysis = 0
                }
            } else {
                largest[key] = index
            }
        }
        return work
    }

    /// Single-thread seconds of one run at each point on the reference machine, each shared
    /// exact analysis at its largest point: the order a sweep runs its runs in (largest first)
    /// and the measure of its progress.
    public var pointSeconds: [Double] {
        let model = CostModel.reference
        let work = pointWork
        return work.isEmpty ? points.map { model.seconds(Self.work(of: $0.spec)) } : work.map(model.seconds)
    }

    /// The work of the sweep with `seeds` repetitions per point.
    public func work(seeds: Int) -> WorkUnits {
        let count = pointCount
        guard count > 0 else { return .zero }
        if count <= 100_000 {
            return pointWork.reduce(WorkUnits.zero, +) * Double(seeds)
        }
        let samples = 10_000
        var total = WorkUnits.zero
        for sample in 0..<samples {
            if let point = point(at: Int(Double(sample) * Double(count) / Double(samples))) { total += Self.work(of: point.spec) }
        }
        return total * (Double(count) / Double(samples) * Double(seeds))
    }

    /// The largest single run of the sweep, on its own (its exact analysis not shared).
    public var largestRunWork: WorkUnits {
        let model = CostModel.reference
        var largest = WorkUnits.zero
        let count = min(pointCount, 100_000)
        for index in 0..<count {
            guard let point = point(at: index) else { continue }
            let work = Self.work(of: point.spec)
            if model.seconds(work) > model.seconds(largest) { largest = work }
        }
        return largest
    }
}
