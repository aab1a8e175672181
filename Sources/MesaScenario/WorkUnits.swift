/// How much simulation a run or a sweep asks for, counted separately for each part of the engine
/// that spends it (docs/performance.md "Estimating time"). `CostModel` turns units into seconds.
public struct WorkUnits: Sendable, Hashable, Codable {
    /// Hill climbing: steps × (base + N · episode cost): every step re-scores the instances it
    /// touches, and a change of the search in force re-runs all N.
    public var hillClimb = 0.0
    /// Exact decomposition: per-instance analyses, behaviours × instances × cells × episode
    /// length, counted once per sharing group (an N sweep analyses each instance once).
    public var exactAnalysis = 0.0
    /// Measuring the selected model: its training and deployment episodes.
    public var measurement = 0.0
    /// Runs (each has a fixed cost: building its world and class, storing its result).
    public var runs = 0.0
    /// The learned worlds: floating-point operations of training, evaluation and baselines
    /// (`RegressionSpec.work`).
    public var gradient = 0.0

    public init(hillClimb: Double = 0, exactAnalysis: Double = 0, measurement: Double = 0, runs: Double = 0,
                gradient: Double = 0) {
        self.gradient = gradient
        self.hillClimb = hillClimb
        self.exactAnalysis = exactAnalysis
        self.measurement = measurement
        self.runs = runs
    }

    public static let zero = WorkUnits()

    public static func + (a: WorkUnits, b: WorkUnits) -> WorkUnits {
        WorkUnits(hillClimb: a.hillClimb + b.hillClimb, exactAnalysis: a.exactAnalysis + b.exactAnalysis,
                  measurement: a.measurement + b.measurement, runs: a.runs + b.runs, gradient: a.gradient + b.gradient)
    }

    public static func += (a: inout WorkUnits, b: WorkUnits) { a = a + b }

    public static func * (a: WorkUnits, factor: Double) -> WorkUnits {
        WorkUnits(hillClimb: a.hillClimb * factor, exactAnalysis: a.exactAnalysis * factor,
                  measurement: a.measurement * factor, runs: a.runs * factor, gradient: a.gradient * factor)
    }
}
