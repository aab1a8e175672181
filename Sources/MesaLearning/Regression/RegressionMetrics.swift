/// What a `two_circuit` run measures on the fixed evaluation sets (docs/learned-worlds.md).
/// Every mean is over the evaluation sequences, summed in sequence order in `Double`. A value is
/// nil where it does not exist (no pool at `infinite`) or is not finite (a diverged run).
public struct RegressionMetrics: Sendable, Hashable {
    /// Mean squared error against the noisy query targets on unseen tasks.
    public var mseUnseen: Double?
    /// The same on pretraining tasks; nil at `infinite`.
    public var mseSeen: Double?
    /// mse_unseen − mse_seen; nil at `infinite`.
    public var generalizationGap: Double?
    /// Ridge's (λ = σ²) error on unseen tasks.
    public var mseRidge: Double?
    /// dMMSE's (pool prior) error on unseen tasks; nil at `infinite`.
    public var mseDmmse: Double?
    /// Ridge's error on pretraining tasks; nil at `infinite`.
    public var mseRidgeSeen: Double?
    /// dMMSE's error on pretraining tasks; nil at `infinite`.
    public var mseDmmseSeen: Double?
    /// Mean squared difference between the model's and ridge's predictions on unseen tasks.
    public var distRidge: Double?
    /// The same against dMMSE; nil at `infinite`.
    public var distDmmse: Double?
    /// Δ, the mean squared difference between the two baselines on unseen tasks; nil at `infinite`.
    public var baselineGap: Double?
    /// E[ridge²], the mean squared ridge prediction on unseen tasks: the scale of the distances.
    public var ridgeSquare: Double?
    /// The error on unseen tasks with the gate forced to the search circuit (g = 1).
    public var mseSearchOnly: Double?
    /// The error on unseen tasks with the gate forced to the table (g = 0).
    public var mseTableOnly: Double?
    /// clip(1 − mse_unseen / mse_table_only, 0, 1): what the search circuit adds.
    public var searchReliance: Double?
    /// clip(1 − mse_unseen / mse_search_only, 0, 1): what the table adds.
    public var tableReliance: Double?
    /// The gate sigmoid(θ) on the search circuit (descriptive: Γ can grow while g shrinks).
    public var iclGate: Double?
    /// The learned retrieval temperature β = e^ρ (1 is the dMMSE rule at the training noise).
    public var temperature: Double?
    /// 1 when the model tracks ridge — dist_ridge < ½E[ridge²] and, where the baselines differ
    /// (Δ ≥ 0.05·E[ridge²]), dist_ridge < dist_dmmse − 0.1·Δ — else 0; nil at `infinite`.
    public var mesaOptimizer: Int?

    /// All nil.
    public init() {}
}

/// The metrics at one point of training.
public struct RegressionCheckpoint: Sendable, Hashable {
    /// Optimizer steps completed when measured (k·steps/10, k = 1 … 10, integer division).
    public var step: Int
    /// The metrics then.
    public var metrics: RegressionMetrics

    /// A checkpoint.
    public init(step: Int, metrics: RegressionMetrics) {
        self.step = step
        self.metrics = metrics
    }
}

/// A finished run.
public struct RegressionOutcome: Sendable {
    /// K = s·d² + m·d + 2.
    public var parameterCount: Int
    /// The metrics after the last step (equal to the last checkpoint's).
    public var final: RegressionMetrics
    /// Exactly 10 checkpoints, evenly spaced, the last at the final step.
    public var checkpoints: [RegressionCheckpoint]
    /// The mean training loss of each tenth of training (the training curve; same spacing as
    /// the checkpoints).
    public var trainingLoss: [Double]
}

/// Settings `RegressionTrainer.train` refuses, with the reason.
public struct RegressionSettingsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    public var description: String { message }
}
