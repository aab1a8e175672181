import Foundation

/// What one training instance contributes with one minimal table of `cost` entries, for one search
/// behaviour (the best such table, with the number of tables tied with it): the raw outcome, so the
/// same analysis serves every N, K and λ (docs/model.md "Exact selection").
struct InstanceOption: Sendable {
    var cost: Int
    var score: Double
    var expansions: Int
    /// log of the number of distinct minimal tables of this cost reaching the same contribution.
    var logCount: Double
    var decisions: Int
    var searchDecisions: Int
    var entries: [(cell: Int, action: Int)]

    /// The instance's part of the loss without the description length (charged per entry by the
    /// caller): (−score + μ·expansions/(W·H)) / N.
    func contribution(instances n: Double, speed: Double, cells: Double) -> Double {
        (-score + speed * Double(expansions) / cells) / n
    }
}

/// log(e^a + e^b).
func logAdd(_ a: Double, _ b: Double) -> Double {
    if a == -.infinity { return b }
    if b == -.infinity { return a }
    let m = max(a, b)
    return m + log(exp(a - m) + exp(b - m))
}
