/// A run's metrics part-way through training: the learned worlds record them at ten evenly spaced
/// steps, so a report can chart each metric over training (transience: does in-context learning
/// fade as memorization catches up?).
public struct Checkpoint: Codable, Sendable, Hashable {
    /// Training steps taken when the metrics were measured.
    public var step: Int
    public var metrics: RunMetrics

    public init(step: Int, metrics: RunMetrics) {
        self.step = step
        self.metrics = metrics
    }
}
