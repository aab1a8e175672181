/// The training settings of a learned world's run: Adam on the mean-squared error, minibatches
/// of fresh sequences, a learning-rate schedule. The run's seed drives the initialisation and
/// the batches; the world's seed drives tasks and evaluation sets.
public struct AdamTraining: Sendable, Hashable {
    /// Optimizer steps (one minibatch each).
    public var steps: Int
    /// Sequences per minibatch.
    public var batch: Int
    /// The base learning rate.
    public var learningRate: Double
    /// Steps of linear warm-up (0: none).
    public var warmup: Int
    /// The schedule after the warm-up.
    public var schedule: LearningRateSchedule
    /// Decoupled weight decay (AdamW; 0: plain Adam): each step multiplies every parameter by
    /// 1 − rate·weightDecay before the Adam update.
    public var weightDecay: Double

    /// Settings with the defaults of the learned worlds (2000 steps, batch 256, rate 0.003,
    /// no warm-up, constant, no weight decay).
    public init(steps: Int = 2000, batch: Int = 256, learningRate: Double = 0.003, warmup: Int = 0,
                schedule: LearningRateSchedule = .constant, weightDecay: Double = 0) {
        self.steps = steps
        self.batch = batch
        self.learningRate = learningRate
        self.warmup = warmup
        self.schedule = schedule
        self.weightDecay = weightDecay
    }

    /// The learning rate of 0-based step `step`.
    public func learningRate(atStep step: Int) -> Double {
        learningRate * schedule.factor(step: step, steps: steps, warmup: warmup)
    }
}
