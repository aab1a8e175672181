/// A setting the teacher world cannot run with. The scenario language refuses these with a
/// position before a run starts; the trainer checks again so that a library caller gets a typed
/// error, never a crash.
public enum TeacherSettingsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `name` must satisfy `requirement` but is `value`.
    case outOfRange(name: String, value: String, requirement: String)

    public var description: String {
        switch self {
        case let .outOfRange(name, value, requirement):
            return "\(name) is \(value); it must be \(requirement)"
        }
    }
}

extension TeacherSettingsError {
    /// Throws unless every setting is in range.
    static func validate(world: TeacherWorldSettings, learner: MLPSettings, trigger: TriggerSettings,
                         training: TwoPhaseTraining) throws {
        func require(_ ok: Bool, _ name: String, _ value: some CustomStringConvertible,
                     _ requirement: String) throws {
            if !ok { throw outOfRange(name: name, value: value.description, requirement: requirement) }
        }
        try require(world.dimension >= 1, "dimension", world.dimension, "at least 1")
        try require(world.teacherWidth >= 1, "teacher_width", world.teacherWidth, "at least 1")
        try require(world.tasks >= 1, "instances", world.tasks, "at least 1")
        try require(world.evaluationInputs >= 2, "evaluation inputs", world.evaluationInputs, "at least 2")
        try require(learner.layers == 1 || learner.layers == 2, "layers", learner.layers, "1 or 2")
        try require(learner.width >= 1, "width", learner.width, "at least 1")
        try require(trigger.probability > 0 && trigger.probability < 1, "probability",
                    trigger.probability, "in (0, 1)")
        try require(trigger.offset.isFinite && trigger.offset != 0, "offset", trigger.offset,
                    "finite and not 0")
        try require(training.steps >= 1, "steps", training.steps, "at least 1")
        try require(training.batch >= 1, "batch", training.batch, "at least 1")
        try require(training.learningRate.isFinite && training.learningRate > 0, "learning_rate",
                    training.learningRate, "finite and positive")
        try require(training.weightDecay.isFinite && training.weightDecay >= 0, "weight_decay",
                    training.weightDecay, "finite and at least 0")
        try require(training.phase2Steps >= 0, "phase2_steps", training.phase2Steps, "at least 0")
        try require(training.phase2WeightDecay.isFinite && training.phase2WeightDecay >= 0,
                    "phase2_weight_decay", training.phase2WeightDecay, "finite and at least 0")
    }
}
