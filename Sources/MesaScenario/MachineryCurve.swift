import Foundation

/// The search machinery's price list: m tuned machinery parameters give
/// x(m) = search_cost⁻¹(m) learned bits (the largest x in [0, max_bits] with search_cost(x) ≤ m,
/// by bisection — search_cost is assumed non-decreasing, as every cost in the scenarios is).
/// With b hard-coded bits (`hardcoded_search b`), the search makes ⌊2^(b + x)⌋ − 1 expansions per
/// decision: none below one bit in all, one expansion (a one-step lookahead) at one bit. Learned
/// bits below `search_threshold` count as none. m ranges over 0 … m_max, the smallest m reaching
/// max_bits (capped at K): machinery beyond it would buy nothing. Between steps of ⌊2^(b + x)⌋
/// extra machinery changes nothing — the plateaus of local search, kept exactly.
public struct MachineryCurve: Sendable, Hashable {
    /// Added to 2^x before flooring, so 2^3 computed as 7.999… still gives 8 expansions.
    static let powerTolerance = 1e-9

    /// The learned x(m) for m = 0 … m_max.
    public let bits: [Double]
    /// ⌊2^(b + x(m))⌋ − 1 expansions per decision (x(m) counted only at or above the threshold).
    public let expansions: [Int]

    public var maxMachinery: Int { bits.count - 1 }

    public init(model: ModelSpec) {
        let hardcoded = Self.expansions(forBits: model.hardcodedSearch)
        guard model.styles.contains(.search), model.maxBits > 0 else {
            bits = [0]
            expansions = [hardcoded]
            return
        }
        let cost = model.searchCost
        let top = cost.evaluate(at: model.maxBits)
        // Compared as doubles first: a cost of 1e305 (or NaN) is more than any budget, not an Int.
        let maxMachinery = top < Double(model.parameters) ? min(model.parameters, max(1, Int(max(1, top).rounded(.up))))
                                                          : model.parameters
        var bits: [Double] = []
        var expansions: [Int] = []
        for m in 0...maxMachinery {
            let x = m == 0 ? 0 : MachineryCurve.inverse(cost, Double(m), maxBits: model.maxBits)
            bits.append(x)
            let active = x > 0 && x >= model.searchThreshold
            expansions.append(Self.expansions(forBits: model.hardcodedSearch + (active ? x : 0)))
        }
        self.bits = bits
        self.expansions = expansions
    }

    /// The largest x in [0, maxBits] with cost(x) ≤ m, snapped to a round value when the cost
    /// there is exactly m (16·x = 16 gives x = 1, not 0.999…).
    static func inverse(_ cost: Expression, _ m: Double, maxBits: Double) -> Double {
        if cost.evaluate(at: maxBits) <= m { return maxBits }
        if !(cost.evaluate(at: 0) <= m) { return 0 }
        var lo = 0.0, hi = maxBits
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            if cost.evaluate(at: mid) <= m { lo = mid } else { hi = mid }
            if hi - lo < 1e-15 { break }
        }
        let snapped = (lo * 1e6).rounded() / 1e6
        if snapped > lo, cost.evaluate(at: snapped) <= m * (1 + 1e-12) { return snapped }
        return lo
    }

    /// ⌊2^b⌋ − 1 expansions for b bits of search in all (0 below one bit).
    public static func expansions(forBits b: Double) -> Int {
        b >= 1 - Self.powerTolerance ? Int((exp2(b) + Self.powerTolerance).rounded(.down)) - 1 : 0
    }

    /// The learned bits of machinery `m` (clamped to the curve).
    public func learnedBits(_ m: Int) -> Double { bits[min(max(0, m), maxMachinery)] }

    /// The smallest machinery giving at least one learned bit, if any: the cheapest learned search
    /// that is a mesa-optimizer (search_cost(1) parameters).
    public var firstWholeBit: Int? { bits.firstIndex { $0 >= 1 - Self.powerTolerance } }
}
