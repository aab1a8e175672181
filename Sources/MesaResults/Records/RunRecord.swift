/// One run: a sweep point, a repetition, and what training produced.
public struct RunRecord: Codable, Sendable, Hashable {
    public var point: Point
    /// The run's own seed (the optimizer's streams).
    public var seed: UInt64
    public var repetition: Int
    /// The base optimizer of this run (swept or not).
    public var optimizer: Optimizer
    /// Hill climbing's acceptance rule as the language writes it (`strict`, `anneal 0.05`); absent
    /// for exact selection.
    public var acceptance: String?
    public var metrics: RunMetrics
    /// The learned worlds' metrics at ten evenly spaced training steps, the last at the end;
    /// absent for the maze world.
    public var checkpoints: [Checkpoint]?

    public init(point: Point, seed: UInt64, repetition: Int, optimizer: Optimizer, acceptance: String? = nil,
                metrics: RunMetrics, checkpoints: [Checkpoint]? = nil) {
        self.checkpoints = checkpoints
        self.point = point
        self.seed = seed
        self.repetition = repetition
        self.optimizer = optimizer
        self.acceptance = acceptance
        self.metrics = metrics
    }
}
