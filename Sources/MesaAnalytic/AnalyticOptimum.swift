/// The base optimizer's choice at one (P, N, f, x_max) of the analytic model (RLO §2.1).
///
/// `x` maximises J(x) = (P − f(x))/N + x over the feasible set {0 ≤ x ≤ x_max, f(x) ≤ P};
/// ties go to the smaller x.
public struct AnalyticOptimum: Sendable, Hashable {
    /// x*: bits of optimization the learned algorithm does at run time.
    public var x: Double
    /// J* = J(x*).
    public var J: Double
    /// (P − f(x*)) / N: the optimization spent tuning each instance directly.
    public var tuningShare: Double
    /// x*: the optimization done by the learned algorithm (the mesa share).
    public var mesaShare: Double { x }
    /// The largest feasible x in [0, x_max] (x_max itself when f(x_max) ≤ P, else the budget
    /// boundary where f(x) = P); 0 when nothing is feasible.
    public var upperBound: Double
    /// False when no x in [0, x_max] satisfies f(x) ≤ P; then x* = 0 and J* = (P − f(0))/N
    /// by convention.
    public var isFeasible: Bool

    /// An optimum as `AnalyticModel.optimum` reports it.
    public init(x: Double, J: Double, tuningShare: Double, upperBound: Double, isFeasible: Bool) {
        self.x = x
        self.J = J
        self.tuningShare = tuningShare
        self.upperBound = upperBound
        self.isFeasible = isFeasible
    }

    /// Whether x* > 0, beyond a tolerance of 1e-9 · max(1, upperBound).
    public var usesSearch: Bool { x > 1e-9 * Swift.max(1, upperBound) }

    /// Whether x* sits at its bound (x_max or the largest feasible x) within 1e-6 relative,
    /// with x* > 0.
    public var isSaturated: Bool {
        usesSearch && abs(x - upperBound) <= 1e-6 * Swift.max(upperBound, 1e-300)
    }

    /// Whether the mesa share x* exceeds the tuning share (P − f(x*))/N.
    public var mesaExceedsTuning: Bool { x > tuningShare }
}
