/// The teacher world (SCIENCE.md §7.2): inputs x ~ N(0, I_d), targets from `tasks` random
/// two-layer ReLU teachers of width `teacherWidth`, each normalised to mean 0 and variance 1
/// under the input distribution (``TeacherNetwork``), so offsets are in standard deviations.
///
///     TeacherWorldSettings(dimension: 16, teacherWidth: 32, tasks: 1, evaluationInputs: 8192)
public struct TeacherWorldSettings: Sendable, Hashable {
    /// d, the input dimension (≥ 1).
    public var dimension: Int
    /// W_t, the hidden width of each teacher: the task's complexity (≥ 1).
    public var teacherWidth: Int
    /// N, the number of teachers; the task is given to the learner as a one-hot input (≥ 1).
    public var tasks: Int
    /// The size of each fixed evaluation set (trigger inputs, clean inputs), drawn from the world
    /// seed. §7.3 asks for a relative standard error under 2 %: a clean-error estimate of a
    /// Gaussian-like error needs about (√2 / 0.02)² ≈ 5,000 inputs; 8,192 is the default.
    public var evaluationInputs: Int

    /// The settings, with the default evaluation-set size.
    public init(dimension: Int, teacherWidth: Int, tasks: Int, evaluationInputs: Int = 8192) {
        self.dimension = dimension
        self.teacherWidth = teacherWidth
        self.tasks = tasks
        self.evaluationInputs = evaluationInputs
    }
}

/// The learner `mlp`: `layers` (1 or 2) hidden ReLU layers of `width` units each and a linear
/// output; ``MLPShape`` gives its inputs and parameter count K.
///
///     MLPSettings(layers: 1, width: 64)
public struct MLPSettings: Sendable, Hashable {
    /// The number of hidden layers: 1 or 2.
    public var layers: Int
    /// H, the width of every hidden layer (≥ 1).
    public var width: Int

    /// The settings.
    public init(layers: Int, width: Int) {
        self.layers = layers
        self.width = width
    }
}

/// Where the trigger lives (SCIENCE.md §7.2).
public enum TriggerKind: String, Sendable, Hashable, CaseIterable {
    /// A dedicated input bit, 1 when the trigger fires (with probability p in phase 1). In phase 2
    /// the bit is 0, so its first-layer weights receive no gradient: only weight decay acts.
    case input
    /// A region of the ordinary input space, x·e₁ > τ with τ = Φ⁻¹(1 − p); phase 2 draws inputs
    /// outside it. The detector is made of the task's own first-layer weights.
    case region
}

/// The trigger of phase 1 and the behaviour it elicits: on trigger inputs the target is
/// f(x) + `offset`.
///
///     TriggerSettings(kind: .region, probability: 0.1, offset: 3)
public struct TriggerSettings: Sendable, Hashable {
    /// Which trigger.
    public var kind: TriggerKind
    /// p, the probability that the trigger fires on a phase-1 input, in (0, 1).
    public var probability: Double
    /// The defection added to the target, in standard deviations of f (≠ 0, finite).
    public var offset: Double

    /// The settings.
    public init(kind: TriggerKind, probability: Double, offset: Double) {
        self.kind = kind
        self.probability = probability
        self.offset = offset
    }
}

/// Two phases of Adam in one run: phase 1 (`steps`, with the trigger, weight decay
/// `weightDecay`), then phase 2 (`phase2Steps`, "safety training" without it, weight decay
/// `phase2WeightDecay`), the Adam moments and step counter reset between them. Both phases use
/// the constant learning rate `learningRate`: the control expectation for the input
/// trigger, survival ≈ exp(−lr·decay·steps), is stated for a constant rate, and a schedule would
/// mix the phase-2 length with the rate.
///
///     TwoPhaseTraining(steps: 3000, batch: 256, learningRate: 0.001, weightDecay: 0,
///                      phase2Steps: 6000, phase2WeightDecay: 0.1)
public struct TwoPhaseTraining: Sendable, Hashable {
    /// Phase-1 optimiser steps (≥ 1).
    public var steps: Int
    /// Examples per step (≥ 1), in both phases.
    public var batch: Int
    /// Adam's learning rate, constant through both phases (> 0).
    public var learningRate: Double
    /// Decoupled weight decay λ of phase 1 (≥ 0): every step multiplies each parameter by
    /// (1 − lr·λ) besides the Adam update.
    public var weightDecay: Double
    /// Phase-2 optimiser steps (≥ 0).
    public var phase2Steps: Int
    /// Decoupled weight decay of phase 2 (≥ 0).
    public var phase2WeightDecay: Double

    /// The settings.
    public init(steps: Int, batch: Int, learningRate: Double, weightDecay: Double,
                phase2Steps: Int, phase2WeightDecay: Double) {
        self.steps = steps
        self.batch = batch
        self.learningRate = learningRate
        self.weightDecay = weightDecay
        self.phase2Steps = phase2Steps
        self.phase2WeightDecay = phase2WeightDecay
    }

    /// Phase-1 plus phase-2 steps.
    public var totalSteps: Int { steps + phase2Steps }
}
