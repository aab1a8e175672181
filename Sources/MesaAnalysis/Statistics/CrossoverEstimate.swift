import MesaResults
/// x* of a binary trend fit with its bootstrap interval.
package struct CrossoverEstimate: Sendable, Hashable {
    /// x* of the full-data fit.
    package var location: CrossoverLocation
    /// The percentile interval of x* and the replicate values.
    package var bootstrap: BootstrapPercentileInterval
    /// The full-data fit's slope coefficient (> 0: the share rises along x) and the range of x it
    /// was fitted on.
    package var slope: Double
    package var xRange: ClosedRange<Double>
    /// The deviance test of the full-data fit (nil when it cannot be computed).
    package var goodnessOfFit: GoodnessOfFit?
}

/// x* at each value of an axis B and the change of x* across B's range (the least-squares slope
/// of x* on B's scale times B's range), with its bootstrap interval.
package struct CrossoverTrend: Sendable, Hashable {
    /// x* of the full-data fit at each value of B, in order.
    package var locations: [CrossoverLocation]
    /// The runs each fit used.
    package var runs: [Int]
    /// Each fit's slope coefficient (> 0: the share rises along x).
    package var slopes: [Double]
    /// Each fit's deviance test.
    package var goodness: [GoodnessOfFit?]
    /// The fitted change of x* across B's range on the extended real line (NaN when undefined).
    package var change: Double
    /// The percentile interval of the change and the replicate values.
    package var bootstrap: BootstrapPercentileInterval
}

/// x*_last − x*_first along a categorical axis, with its bootstrap interval.
package struct CrossoverDifference: Sendable, Hashable {
    /// x* of the full-data fit at the first level.
    package var first: CrossoverLocation
    /// x* of the full-data fit at the last level.
    package var last: CrossoverLocation
    /// last − first on the extended real line (NaN when undefined).
    package var difference: Double
    /// The percentile interval of the difference and the replicate values.
    package var bootstrap: BootstrapPercentileInterval
}
