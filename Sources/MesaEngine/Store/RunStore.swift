import MesaResults

/// What a run produced that a store keeps: its metrics, the drawings of its episodes and, in a
/// learned world, its checkpoints. The
/// record's coordinates (point, repetition, seed) come from the sweep that asks, not from the
/// store, so one stored run serves every scenario that runs the same settings.
public struct StoredRun: Sendable, Hashable, Codable {
    public var metrics: RunMetrics
    public var drawings: [MazeDrawing]
    /// A learned world's metrics along training; empty for the maze world.
    public var checkpoints: [Checkpoint]

    public init(metrics: RunMetrics, drawings: [MazeDrawing], checkpoints: [Checkpoint] = []) {
        self.metrics = metrics
        self.drawings = drawings
        self.checkpoints = checkpoints
    }
}

/// Where finished runs are kept between invocations (the run cache, docs/cache.md). A sweep asks
/// before simulating a run and saves every run it simulates as soon as it finishes, so an
/// interrupted sweep resumes where it stopped.
///
/// Implementations must be safe for concurrent use by the sweep's threads and by other processes
/// sharing the same store, and must never return an entry they cannot vouch for: a torn or
/// corrupt entry is a miss.
public protocol RunStore: Sendable {
    /// The run stored under `key`, or nil (never stored, unreadable, or corrupt).
    func load(_ key: RunKey) -> StoredRun?
    /// Stores `run` under `key`, replacing any entry atomically.
    func save(_ run: StoredRun, for key: RunKey) throws
}
