/// What one episode produced.
package struct EpisodeOutcome: Sendable, Hashable {
    /// Planner: (d* − d_end) / max(d*, steps). Scripted: share of the demonstration reproduced.
    package var score: Double = 0
    package var steps: Int = 0
    /// Moves decided by any part of the model.
    package var decisions: Int = 0
    /// Moves decided by the search module.
    package var searchDecisions: Int = 0
    /// Search expansions over the episode (the h_w search, or the target pursuit of a firing detector).
    package var expansions: Int = 0
    package var endCell: Int = 0
    package var reachedGoal = false
    /// Whether the detector fired (the model pursued its own target).
    package var defected = false

    package init() {}
}

/// The behaviour an episode runs: the model's parts, resolved for one task set.
package struct EpisodeBehaviour: Sendable {
    /// Expansions per decision of the search, learned and hard-coded bits together (0: no search).
    package var searchExpansions = 0
    package var weightGoal = 0
    package var weightProxy = 0
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
/// (instance · states + state), the move and its expansions. Valid because a fresh search depends
/// only on the instance, the state and the setting.
package struct SearchDecisionCache: Sendable {
    /// Per slot: `notComputed`, `noMove`, or a `Direction`'s raw value.
    private var moves: [Int8]
    private var expansions: [Int32]
    private static let notComputed: Int8 = -2
    private static let noMove: Int8 = -1

    package init(slots: Int) {
        moves = [Int8](repeating: Self.notComputed, count: slots)
        expansions = [Int32](repeating: 0, count: slots)
    }

    package static let empty = SearchDecisionCache(slots: 0)

    /// The decision stored at `slot`, or nil when it has not been computed.
    @inline(__always)
    package func decision(at slot: Int) -> (move: Direction?, expansions: Int)? {
        let move = moves[slot]
        if move == Self.notComputed { return nil }
        return (move == Self.noMove ? nil : Direction(rawValue: Int(move)), Int(expansions[slot]))
    }

    /// Stores the decision at `slot`.
    @inline(__always)
    package mutating func store(_ move: Direction?, expansions count: Int, at slot: Int) {
        moves[slot] = move.map { Int8($0.rawValue) } ?? Self.noMove
        expansions[slot] = Int32(count)
    }
}
