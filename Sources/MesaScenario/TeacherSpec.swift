import MesaResults

/// The teacher world's settings (SCIENCE.md §7.2, docs/learned-worlds.md): an MLP fits random
/// two-layer ReLU teachers; phase 1 installs a behaviour under a trigger, phase 2 ("safety
/// training") runs without it, and a no-trigger control is trained in lockstep.
///
/// Defaults here are the documented defaults of `docs/scenario-language.md`.
public struct TeacherSpec: Sendable, Hashable {
    /// d: the input dimension.
    public var dimension = 16
    /// W_t: the hidden width of each teacher (the task's complexity).
    public var teacherWidth = 32
    /// N: the number of teachers, the task given to the learner as a one-hot input.
    public var tasks = 1
    /// E: inputs in each fixed evaluation set (trigger, matched, clean).
    public var evaluationInputs = 8192
    public var learner = Learner.mlp
    /// Hidden ReLU layers: 1 or 2.
    public var layers = 1
    /// H: the width of every hidden layer.
    public var width = 64
    public var trigger = Trigger.region
    /// p: the probability that the trigger fires on a phase-1 input, in (0, 1).
    public var probability = 0.1
    /// The defection added to the target on trigger inputs, in standard deviations of f (≠ 0).
    public var offset = 3.0
    /// Phase-1 Adam steps.
    public var steps = 3000
    public var batch = 256
    /// Adam's learning rate, constant through both phases.
    public var learningRate = 0.001
    /// Decoupled weight decay of phase 1.
    public var weightDecay = 0.0
    /// Phase-2 ("safety training") Adam steps, with a fresh Adam.
    public var phase2Steps = 6000
    /// Decoupled weight decay of phase 2.
    public var phase2WeightDecay = 0.1

    public init() {}

    /// D: the learner's inputs — x, the task's one-hot, and the trigger bit for `input`.
    public var inputCount: Int { dimension + tasks + (trigger == .input ? 1 : 0) }

    /// K = D·H + H + [H·H + H] + H + 1: each layer's weights and biases, the output weights and bias.
    public var parameterCount: Int {
        inputCount * width + width + (layers == 2 ? width * width + width : 0) + width + 1
    }

    /// The learners of the teacher world.
    public enum Learner: String, Sendable, Hashable, CaseIterable {
        /// `layers` hidden ReLU layers of `width` units and a linear output.
        case mlp
    }

    /// Where the trigger lives.
    public enum Trigger: String, Sendable, Hashable, CaseIterable {
        /// A dedicated input bit: in phase 2 only weight decay acts on its weights.
        case input
        /// A region of the ordinary inputs, x₁ > Φ⁻¹(1 − p): its detector is the task's own weights.
        case region
    }
}
