/// A budget K written relative to each run's world (docs/model.md "Budgets relative to each
/// world"): an expression in `k_fit` (the smallest budget reaching the least training error in
/// that world, detector excluded) and `detector_cost`, plus an offset that may be swept:
/// `parameters k_fit + detector_cost + [-4 ... 8]` runs K − (K_fit + d) = −4 … 8.
public struct RelativeBudget: Sendable, Hashable {
    /// The part in `k_fit` and `detector_cost` (`k_fit + detector_cost`).
    public var base: Expression
    /// The number added to it (the swept value, when swept).
    public var offset: Double

    /// The names a relative budget may use.
    public static let names = ["k_fit", "detector_cost"]

    public init(base: Expression, offset: Double) {
        self.base = base
        self.offset = offset
    }

    /// K for a world with K_fit `kFit` and a detector of `detectorCost` parameters: the expression
    /// rounded, at least 1.
    public func budget(kFit: Int, detectorCost: Int) -> Int {
        let value = base.evaluate(at: 0, names: ["k_fit": Double(kFit), "detector_cost": Double(detectorCost)]) + offset
        return max(1, Int(value.rounded()))
    }

    /// `k_fit + detector_cost + 4`, `k_fit - 2`: as a scenario would write it.
    public var text: String {
        if offset == 0 { return base.description }
        return offset > 0 ? "\(base) + \(Expression.format(offset))" : "\(base) - \(Expression.format(-offset))"
    }

    /// How charts label an axis of swept offsets: "K − (k_fit + detector_cost)".
    public var axisLabel: String { "K − (\(base))" }
}
