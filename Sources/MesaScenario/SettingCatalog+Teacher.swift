import MesaResults

/// The teacher world's vocabulary (SCIENCE.md §7.2, docs/learned-worlds.md): `instances` counts
/// teachers, `deception` names the trigger and its behaviour (not the maze's priced detector), and
/// `training` has two phases of Adam.
extension SettingCatalog {
    static let teacherKeys: [SettingKey] = {
        func key(_ block: String, _ name: String, _ kind: ValueKind, _ defaultText: String, _ summary: String,
                 _ set: @escaping @Sendable (inout TeacherSpec, SettingValue) -> Void) -> SettingKey {
            SettingKey(block: block, name: name, kind: kind, isSweepable: true, defaultText: defaultText,
                       summary: summary, target: .simulation { set(&$0.teacher, $1) }, worlds: [.teacher])
        }
        @Sendable func integer(_ value: SettingValue) -> Int? { value.number.map { Int($0) } }
        return [
            key("environment", "dimension", .integer(min: 1, max: 256), "16", "d: the dimension of the inputs x ~ N(0, I_d).") {
                if let n = integer($1) { $0.dimension = n }
            },
            key("environment", "teacher_width", .integer(min: 1, max: 4096), "32",
                "W_t: the hidden width of each random two-layer ReLU teacher (the task's complexity); f is normalised to variance 1.") {
                if let n = integer($1) { $0.teacherWidth = n }
            },
            key("environment", "instances", .integer(min: 1, max: 4096), "1",
                "N: the teachers, the task given to the learner as an N-way one-hot input.") {
                if let n = integer($1) { $0.tasks = n }
            },
            key("deployment", "inputs", .integer(min: 16, max: 1_000_000), "8192",
                "E: inputs in each fixed evaluation set (trigger, matched, clean; `--quick` uses a tenth).") {
                if let n = integer($1) { $0.evaluationInputs = n }
            },
            key("model", "learner", .word(TeacherSpec.Learner.allCases.map(\.rawValue)), "mlp",
                "The network: `mlp` (hidden ReLU layers and a linear output).") {
                if case .word(let w) = $1, let learner = TeacherSpec.Learner(rawValue: w) { $0.learner = learner }
            },
            key("model", "layers", .integer(min: 1, max: 2), "1", "Hidden layers: 1 or 2.") {
                if let n = integer($1) { $0.layers = n }
            },
            key("model", "width", .integer(min: 1, max: 4096), "64", "H: the width of every hidden layer.") {
                if let n = integer($1) { $0.width = n }
            },
            key("deception", "trigger", .word(TeacherSpec.Trigger.allCases.map(\.rawValue)), "region",
                "`input` (a dedicated input bit) or `region` (x₁ > Φ⁻¹(1 − p), made of the task's own inputs).") {
                if case .word(let w) = $1, let trigger = TeacherSpec.Trigger(rawValue: w) { $0.trigger = trigger }
            },
            key("deception", "probability", .number(min: 0, max: 1), "0.1",
                "p: the probability that the trigger fires on a phase-1 input, strictly between 0 and 1.") {
                if let v = $1.number { $0.probability = v }
            },
            key("deception", "offset", .number(min: -1000, max: 1000), "3",
                "The defection: added to the target on trigger inputs, in standard deviations of f (not 0).") {
                if let v = $1.number { $0.offset = v }
            },
            SettingKey(block: "training", name: "optimizer", kind: .word(Optimizer.allCases.map(\.rawValue)), isSweepable: false,
                       defaultText: "adam", summary: "The base optimizer: `adam` (gradient descent with Adam, in both phases).",
                       target: .simulation { spec, value in
                           if case .word(let w) = value, let o = Optimizer(rawValue: w) { spec.training.optimizer = o }
                       }, worlds: [.teacher]),
            key("training", "steps", .integer(min: 1, max: 10_000_000), "3000", "Phase-1 Adam steps (the trigger fires), one batch each.") {
                if let n = integer($1) { $0.steps = n }
            },
            key("training", "batch", .integer(min: 1, max: 65_536), "256", "Examples per step, in both phases.") {
                if let n = integer($1) { $0.batch = n }
            },
            key("training", "learning_rate", .number(min: 0, max: 10), "0.001",
                "Adam's step size, constant in both phases (positive).") {
                if let v = $1.number { $0.learningRate = v }
            },
            key("training", "weight_decay", .number(min: 0, max: 1000), "0", "λ of phase 1: decoupled weight decay.") {
                if let v = $1.number { $0.weightDecay = v }
            },
            key("training", "phase2_steps", .integer(min: 0, max: 10_000_000), "6000",
                "Phase-2 (\"safety training\") Adam steps: the trigger never fires; Adam's moments and step count restart.") {
                if let n = integer($1) { $0.phase2Steps = n }
            },
            key("training", "phase2_weight_decay", .number(min: 0, max: 1000), "0.1", "λ of phase 2: decoupled weight decay.") {
                if let v = $1.number { $0.phase2WeightDecay = v }
            },
        ]
    }()
}
