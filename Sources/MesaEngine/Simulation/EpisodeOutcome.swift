/// What one episode produced.
package struct EpisodeOutcome: Sendable, Hashable {
    /// Planner: (d* − d_end) / max(d*, steps). Scripted: share of the demonstration reproduced.
    package var score: Double = 0
    package var steps: Int = 0
    /// Moves decided by any part of the model.
    package var decisions: Int = 0
    /// Moves decided by the learned search module.
    package var searchDecisions: Int = 0
    /// Search expansions over the episode (learned, hard-coded and target-pursuit searches).
    package var expansions: Int = 0
    package var endCell: Int = 0
    package var reachedGoal = false
    /// Whether the detector fired (the model pursued its own target).
    package var defected = false

    package init() {}
}

/// The behaviour an episode runs: the model's parts, resolved for one task set.
package struct EpisodeBehaviour: Sendable {
    /// Expansions per decision of the learned search (0: it does not decide).
    package var learnedExpansions = 0
    package var weightGoal = 0
    package var weightProxy = 0
    /// Expansions per decision of the hard-coded search (0: none).
    package var hardcodedExpansions = 0
    package var greedyFallback = false
    package var memory = false
    /// Whether the model carries a detector, and its target cell on this grid.
    package var hasDetector = false
    package var targetCell = 0
    package var stepLimit = 0
    package var scripted = false

    package init() {}
}

/// Memoised fresh-search decisions for one (budget, weights) setting: per decision slot
/// (instance · cells + cell), the move (−2 = not yet computed, −1 = none) and its expansions.
/// Valid because a fresh search depends only on the instance, the cell and the setting.
package struct SearchDecisionCache: Sendable {
    package var moves: [Int8]
    package var expansions: [Int32]

    package init(slots: Int) {
        moves = [Int8](repeating: -2, count: slots)
        expansions = [Int32](repeating: 0, count: slots)
    }

    package static let empty = SearchDecisionCache(slots: 0)
}
