/// The `analytic` block: the model of section 2.1 of *Risks from Learned Optimization*,
/// evaluated on the grid of every listed P, N, cost and x_max (all sweepable).
public struct AnalyticSpec: Sendable, Hashable {
    /// P, the base optimizer's power in bits.
    public var powers: [Double]
    /// f(x), the power needed to build an x-bit learned optimizer.
    public var costs: [Expression]
    /// x_max, the learned algorithm's compute ceiling in bits.
    public var maxBits: [Double]
    /// N, the number of distinct task instances.
    public var instances: [Double]
    /// True when `instances` was a `times` range (log axis in charts).
    public var instancesGeometric: Bool

    public init(
        powers: [Double] = [100], costs: [Expression] = [.binary(.multiply, .number(1), .binary(.power, .variable, .number(2)))],
        maxBits: [Double] = [20], instances: [Double] = [1, 2, 4, 8, 16, 32, 64, 128],
        instancesGeometric: Bool = true
    ) {
        self.powers = powers
        self.costs = costs
        self.maxBits = maxBits
        self.instances = instances
        self.instancesGeometric = instancesGeometric
    }
}
