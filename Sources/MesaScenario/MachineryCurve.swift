import Foundation

/// The search machinery's price list: m tuned machinery parameters give
/// x(m) = search_cost⁻¹(m) bits (the largest x in [0, max_bits] with search_cost(x) ≤ m,
/// by bisection — search_cost is assumed non-decreasing, as every cost in the scenarios is),
/// and an x-bit search makes ⌊2^x⌋ expansions per decision, or none when x = 0 or x is below
/// `search_threshold`. m ranges over 0 … m_max, the smallest m reaching max_bits (capped at K):
/// machinery beyond it would buy nothing. Between doublings of 2^x extra machinery changes
/// nothing — the plateaus of SCIENCE.md §4, kept exactly.
public struct MachineryCurve: Sendable, Hashable {
    /// Added to 2^x before flooring, so 2^3 computed as 7.999… still gives 8 expansions.
    static let powerTolerance = 1e-9

    /// x(m) for m = 0 … m_max.
    public let bits: [Double]
    /// ⌊2^x(m)⌋, or 0 below the threshold.
    public let expansions: [Int]

    public var maxMachinery: Int { bits.count - 1 }

    public init(model: ModelSpec) {
        guard model.styles.contains(.search), model.maxBits > 0 else {
            bits = [0]
            expansions = [0]
            return
        }
        let cost = model.searchCost
        let top = cost.evaluate(at: model.maxBits)
        let maxMachinery = top.isFinite ? min(model.parameters, max(1, Int(top.rounded(.up)))) : model.parameters
        var bits: [Double] = []
        var expansions: [Int] = []
        for m in 0...maxMachinery {
            let x = m == 0 ? 0 : MachineryCurve.inverse(cost, Double(m), maxBits: model.maxBits)
            bits.append(x)
            let active = x > 0 && x >= model.searchThreshold
            expansions.append(active ? Int((exp2(x) + Self.powerTolerance).rounded(.down)) : 0)
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

    /// ⌊2^b⌋ expansions for b hard-coded bits (0 when b = 0).
    public static func expansions(forBits b: Double) -> Int {
        b > 0 ? Int((exp2(b) + Self.powerTolerance).rounded(.down)) : 0
    }
}
