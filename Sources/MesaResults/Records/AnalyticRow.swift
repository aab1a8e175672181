/// One grid point of the analytic model: the base optimizer's choice at (P, N, f, x_max).
public struct AnalyticRow: Codable, Sendable, Hashable {
    /// P, the base optimizer's power in bits.
    public var power: Double
    /// N, the number of distinct task instances.
    public var instances: Double
    /// f(x) as written.
    public var cost: String
    public var maxBits: Double
    /// x*: the bits of run-time search the base optimizer chooses.
    public var xStar: Double
    /// J* = (P − f(x*))/N + x*.
    public var jStar: Double
    /// (P − f(x*)) / N: optimization spent tuning each instance directly.
    public var tuningShare: Double
    /// x*: optimization done by the learned algorithm at run time.
    public var mesaShare: Double

    enum CodingKeys: String, CodingKey {
        case power = "P", instances = "N", cost, maxBits = "max_bits", xStar = "x_star", jStar = "J_star"
        case tuningShare = "tuning_share", mesaShare = "mesa_share"
    }

    public init(power: Double, instances: Double, cost: String, maxBits: Double, xStar: Double, jStar: Double,
                tuningShare: Double, mesaShare: Double) {
        self.power = power
        self.instances = instances
        self.cost = cost
        self.maxBits = maxBits
        self.xStar = xStar
        self.jStar = jStar
        self.tuningShare = tuningShare
        self.mesaShare = mesaShare
    }
}

/// Where, along N, the analytic optimum changes character (first curve of the grid; the
/// per-curve values are in `curves`). `nil` when it never happens in the swept range.
public struct AnalyticFindings: Codable, Sendable, Hashable {
    /// First N with x* > 0.
    public var onset: Double?
    /// First N where the mesa share exceeds the tuning share.
    public var crossover: Double?
    /// First N where x* sits at its bound (x_max or the budget).
    public var saturation: Double?
    /// The same three per (P, cost, x_max) curve.
    public var curves: [AnalyticCurveFindings]

    enum CodingKeys: String, CodingKey {
        case onset = "onset_N", crossover = "crossover_N", saturation = "saturation_N", curves
    }

    public init(onset: Double?, crossover: Double?, saturation: Double?, curves: [AnalyticCurveFindings]) {
        self.onset = onset
        self.crossover = crossover
        self.saturation = saturation
        self.curves = curves
    }
}

/// Onset, crossover and saturation of one curve of the analytic grid.
public struct AnalyticCurveFindings: Codable, Sendable, Hashable {
    public var power: Double
    public var cost: String
    public var maxBits: Double
    public var onset: Double?
    public var crossover: Double?
    public var saturation: Double?

    enum CodingKeys: String, CodingKey {
        case power = "P", cost, maxBits = "max_bits", onset = "onset_N", crossover = "crossover_N"
        case saturation = "saturation_N"
    }

    public init(power: Double, cost: String, maxBits: Double, onset: Double?, crossover: Double?, saturation: Double?) {
        self.power = power
        self.cost = cost
        self.maxBits = maxBits
        self.onset = onset
        self.crossover = crossover
        self.saturation = saturation
    }
}
