import MesaResults
/// A point estimate with its standard error and confidence interval.
package struct EffectEstimate: Sendable, Hashable {
    /// The estimate.
    package var estimate: Double
    /// Its (Wald or delta-method) standard error.
    package var standardError: Double
    /// Its confidence interval.
    package var interval: ConfidenceInterval

    package init(estimate: Double, standardError: Double, interval: ConfidenceInterval) {
        self.estimate = estimate
        self.standardError = standardError
        self.interval = interval
    }
}
