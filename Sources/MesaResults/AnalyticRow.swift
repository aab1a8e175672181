/// One grid point of the analytic model: the base optimizer's choice at (P, N, f, x_max).
public struct AnalyticRow: Codable, Sendable, Hashable {
    public var P: Double
    public var N: Double
    /// f(x) as written, when more than one cost is compared.
    public var cost: String
    public var max_bits: Double
    public var x_star: Double
    public var J_star: Double
    /// (P − f(x*)) / N: optimization spent tuning each instance directly.
    public var tuning_share: Double
    /// x*: optimization done by the learned algorithm at run time.
    public var mesa_share: Double

    public init(P: Double, N: Double, cost: String, max_bits: Double, x_star: Double, J_star: Double,
                tuning_share: Double, mesa_share: Double) {
        self.P = P
        self.N = N
        self.cost = cost
        self.max_bits = max_bits
        self.x_star = x_star
        self.J_star = J_star
        self.tuning_share = tuning_share
        self.mesa_share = mesa_share
    }
}

/// Where, along N, the analytic optimum changes character (first curve of the grid; the
/// per-curve values are in `curves`). `nil` when it never happens in the swept range.
public struct AnalyticFindings: Codable, Sendable, Hashable {
    /// First N with x* > 0.
    public var onset_N: Double?
    /// First N where the mesa share exceeds the tuning share.
    public var crossover_N: Double?
    /// First N where x* sits at its bound (x_max or the budget).
    public var saturation_N: Double?
    /// The same three per (P, cost, x_max) curve.
    public var curves: [AnalyticCurveFindings]

    public init(onset_N: Double?, crossover_N: Double?, saturation_N: Double?, curves: [AnalyticCurveFindings]) {
        self.onset_N = onset_N
        self.crossover_N = crossover_N
        self.saturation_N = saturation_N
        self.curves = curves
    }
}

/// Onset, crossover and saturation of one curve of the analytic grid.
public struct AnalyticCurveFindings: Codable, Sendable, Hashable {
    public var P: Double
    public var cost: String
    public var max_bits: Double
    public var onset_N: Double?
    public var crossover_N: Double?
    public var saturation_N: Double?

    public init(P: Double, cost: String, max_bits: Double, onset_N: Double?, crossover_N: Double?, saturation_N: Double?) {
        self.P = P
        self.cost = cost
        self.max_bits = max_bits
        self.onset_N = onset_N
        self.crossover_N = crossover_N
        self.saturation_N = saturation_N
    }
}
