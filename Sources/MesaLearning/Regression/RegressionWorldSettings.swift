/// The regression world (docs/learned-worlds.md; SCIENCE.md §7.1): N pretraining tasks
/// w ~ N(0, I_d) drawn from the world seed; a sequence is `context` pairs (x, y = w·x + ε),
/// x ~ N(0, I_d), ε ~ N(0, σ²), and a query x_q whose target y_q = w·x_q + ε_q the model predicts.
public struct RegressionWorldSettings: Sendable, Hashable {
    /// d, the dimension of x and w.
    public var dimension: Int
    /// n, the pairs in a training sequence's context.
    public var context: Int
    /// σ², the variance of the label noise in training sequences.
    public var noise: Double
    /// N, the pretraining tasks; `nil` is `instances infinite`, a fresh task for every sequence.
    public var tasks: Int?
    /// The context length of the evaluation sequences (may differ from training).
    public var evaluationContext: Int
    /// The noise variance of the evaluation sequences; the baselines use it (ridge's λ, dMMSE's
    /// likelihood).
    public var evaluationNoise: Double
    /// The unseen tasks the unseen evaluation set cycles through (`deployment { instances }`).
    public var unseenTasks: Int
    /// Sequences in each evaluation set (unseen tasks; pretraining tasks).
    public var evaluationSequences: Int

    /// A world; the evaluation context and noise default to the training ones.
    public init(dimension: Int = 8, context: Int = 16, noise: Double = 0.25, tasks: Int? = nil,
                evaluationContext: Int? = nil, evaluationNoise: Double? = nil,
                unseenTasks: Int = 4096, evaluationSequences: Int = 5000) {
        self.dimension = dimension
        self.context = context
        self.noise = noise
        self.tasks = tasks
        self.evaluationContext = evaluationContext ?? context
        self.evaluationNoise = evaluationNoise ?? noise
        self.unseenTasks = unseenTasks
        self.evaluationSequences = evaluationSequences
    }

    /// What is wrong with these settings, or nil.
    public var problem: String? {
        if dimension < 1 { return "dimension must be at least 1 (it is \(dimension))" }
        if context < 1 { return "context must be at least 1 (it is \(context))" }
        if evaluationContext < 1 { return "the evaluation context must be at least 1 (it is \(evaluationContext))" }
        if !(noise > 0) || !noise.isFinite { return "noise must be a positive variance (it is \(noise))" }
        if !(evaluationNoise > 0) || !evaluationNoise.isFinite {
            return "the evaluation noise must be a positive variance (it is \(evaluationNoise))"
        }
        if let tasks, tasks < 1 { return "instances must be at least 1 (it is \(tasks))" }
        if unseenTasks < 1 { return "the unseen tasks must be at least 1 (it is \(unseenTasks))" }
        if evaluationSequences < 1 { return "evaluation sequences must be at least 1 (it is \(evaluationSequences))" }
        return nil
    }
}
