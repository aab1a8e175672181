import MesaLearning

/// What the learned worlds' runs of one sweep share: each world's evaluation sets and baseline
/// predictions (ridge, dMMSE), computed once per world rather than once per run. Safe to use from
/// the sweep's threads.
package final class LearnedWorldCache: Sendable {
    /// The regression world's evaluation sets and baselines, keyed by world settings and seed.
    let regression = RegressionEvaluationCache()

    package init() {}
}
