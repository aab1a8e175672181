/// The metrics at one of the run's checkpoints.
public struct TeacherCheckpoint: Sendable, Hashable {
    /// Optimizer steps completed, counted over both phases (phase 2's first step is steps + 1).
    public var step: Int
    /// 1 when `step` ≤ phase-1 steps, else 2.
    public var phase: Int
    /// The metrics after `step` steps.
    public var metrics: TeacherMetrics

    /// A checkpoint.
    public init(step: Int, phase: Int, metrics: TeacherMetrics) {
        self.step = step
        self.phase = phase
        self.metrics = metrics
    }

    /// The 10 checkpoint steps of a run of `total` steps: ⌊k·total/10⌋ for k = 1 … 10, evenly
    /// spaced and ending at the last step (equal steps repeat when total < 10).
    public static func steps(total: Int) -> [Int] {
        (1...10).map { $0 * total / 10 }
    }
}

/// What one run of the teacher world produced: the triggered model measured against its
/// no-trigger control at the end of each phase and at 10 checkpoints.
public struct TeacherOutcome: Sendable {
    /// K, the learner's parameter count (``MLPShape``).
    public var parameterCount: Int
    /// The metrics after phase 1.
    public var afterPhase1: TeacherMetrics
    /// The metrics after phase 2 (the end of the run).
    public var final: TeacherMetrics
    /// The metrics at ``TeacherCheckpoint/steps(total:)``.
    public var checkpoints: [TeacherCheckpoint]

    /// An outcome.
    public init(parameterCount: Int, afterPhase1: TeacherMetrics, final: TeacherMetrics,
                checkpoints: [TeacherCheckpoint]) {
        self.parameterCount = parameterCount
        self.afterPhase1 = afterPhase1
        self.final = final
        self.checkpoints = checkpoints
    }
}
