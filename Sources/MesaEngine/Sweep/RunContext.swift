import MesaResults
import MesaScenario

/// Everything that determines one run, and what it should produce besides its metrics.
package struct RunContext: Sendable {
    /// The point's fully resolved settings.
    package var spec: SimulationSpec
    /// The seed of the run's own streams (the optimizer's proposals, the posterior draw, the
    /// initial model).
    package var runSeed: UInt64
    /// The seed of the run's world (mazes, demonstrations, detector firing, gene expansion).
    package var worldSeed: UInt64
    /// The run's sweep point and repetition, for the figures it draws.
    package var point: Point
    package var repetition: Int
    /// Whether to draw one training and one deployment episode of the selected model.
    package var drawsEpisodes: Bool
    package var cancellation: CancellationFlag?
    /// Per-instance analyses of exact selection shared with the sweep's other runs.
    package var exactCache: ExactAnalysisCache?
    /// A learned world's evaluation sets and baselines, shared with the sweep's other runs.
    package var learnedCache: LearnedWorldCache?
    /// A learned world's evaluation sets and baselines, shared with the sweep's other runs.


    package init(spec: SimulationSpec, runSeed: UInt64, worldSeed: UInt64? = nil, point: Point = Point([]),
                 repetition: Int = 0, drawsEpisodes: Bool = false, cancellation: CancellationFlag? = nil,
                exactCache: ExactAnalysisCache? = nil, learnedCache: LearnedWorldCache? = nil) {
        self.learnedCache = learnedCache

        self.spec = spec
        self.runSeed = runSeed
        self.worldSeed = worldSeed ?? runSeed
        self.point = point
        self.repetition = repetition
        self.drawsEpisodes = drawsEpisodes
        self.cancellation = cancellation
        self.exactCache = exactCache
    }
}
