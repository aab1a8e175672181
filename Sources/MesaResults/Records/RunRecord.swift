/// One run: a sweep point, a repetition, and what training produced.
public struct RunRecord: Codable, Sendable, Hashable {
    public var point: Point
    /// The run's own seed (the optimizer's streams).
    public var seed: UInt64
    public var repetition: Int
    /// The base optimizer of this run (swept or not).
    public var optimizer: Optimizer
    public var metrics: RunMetrics

    public init(point: Point, seed: UInt64, repetition: Int, optimizer: Optimizer, metrics: RunMetrics) {
        self.point = point
        self.seed = seed
        self.repetition = repetition
        self.optimizer = optimizer
        self.metrics = metrics
    }
}
