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
