import MesaResults

/// The regression world's vocabulary (SCIENCE.md §7.1, docs/learned-worlds.md): the same blocks as
/// the maze world, with keys that mean this world's things — `instances` counts pretraining tasks,
/// `memory` counts table slots, `optimizer` is `adam`.
extension SettingCatalog {
    static let regressionKeys: [SettingKey] = {
        func key(_ block: String, _ name: String, _ kind: ValueKind, _ defaultText: String, _ summary: String,
                 _ set: @escaping @Sendable (inout RegressionSpec, SettingValue) -> Void) -> SettingKey {
            SettingKey(block: block, name: name, kind: kind, isSweepable: true, defaultText: defaultText,
                       summary: summary, target: .simulation { set(&$0.regression, $1) }, worlds: [.regression])
        }
        @Sendable func integer(_ value: SettingValue) -> Int? { value.number.map { Int($0) } }
        return [
            key("environment", "dimension", .integer(min: 1, max: 64), "8", "d: the dimension of inputs and tasks.") {
                if let n = integer($1) { $0.dimension = n }
            },
            key("environment", "context", .integer(min: 1, max: 1024), "16", "n: context pairs (x, y) before the query in each training sequence.") {
                if let n = integer($1) { $0.context = n }
            },
            key("environment", "noise", .number(min: 0, max: 100), "0.25", "σ²: the variance of the label noise ε in y = w·x + ε.") {
                if let v = $1.number { $0.noise = v }
            },
            key("environment", "instances", .countOrInfinite(min: 1, max: 1_048_576), "16",
                "N: the pretraining tasks w ~ N(0, I_d), the same task i at every N; `infinite` draws a fresh task for every sequence.") {
                if case .word(SettingValue.infinite) = $1 { $0.tasks = nil } else if let n = integer($1) { $0.tasks = n }
            },
            key("deployment", "instances", .integer(min: 1, max: 1_048_576), "4096",
                "Unseen evaluation tasks (never inherited from `environment`).") {
                if let n = integer($1) { $0.unseenTasks = n }
            },
            key("deployment", "context", .integer(min: 1, max: 1024), "as `environment`", "n of the evaluation sequences.") {
                if let n = integer($1) { $0.evaluationContext = n }
            },
            key("deployment", "noise", .number(min: 0, max: 100), "as `environment`", "σ² of the evaluation sequences.") {
                if let v = $1.number { $0.evaluationNoise = v }
            },
            key("deployment", "sequences", .integer(min: 10, max: 1_000_000), "5000",
                "Evaluation sequences in each of the unseen-task and pretraining-task sets (`--quick` uses a tenth).") {
                if let n = integer($1) { $0.evaluationSequences = n }
            },
            key("model", "learner", .word(RegressionSpec.Learner.allCases.map(\.rawValue)), "two_circuit",
                "The network: `two_circuit` (a search circuit and a table circuit mixed by a learned gate).") {
                if case .word(let w) = $1, let learner = RegressionSpec.Learner(rawValue: w) { $0.learner = learner }
            },
            key("model", "search_steps", .integer(min: 0, max: 64), "2",
                "s: steps of in-context gradient descent the search circuit takes (this world's search bits).") {
                if let n = integer($1) { $0.searchSteps = n }
            },
            key("model", "memory", .integer(min: 0, max: 1_048_576), "64",
                "m: the table circuit's memory slots (a count here, not the maze's `none`/`episode`).") {
                if let n = integer($1) { $0.memory = n; $0.parameters = nil }
            },
            key("model", "parameters", .integer(min: 1, max: 100_000_000), "s·d² + m·d + 2",
                "K: with `search_steps`, the memory is the most slots that fit, ⌊(K − s·d² − 2)/d⌋ (a fixed budget, swept split).") {
                if let n = integer($1) { $0.parameters = n }
            },
            SettingKey(block: "training", name: "optimizer", kind: .word(Optimizer.allCases.map(\.rawValue)), isSweepable: false,
                       defaultText: "adam", summary: "The base optimizer: `adam` (gradient descent with Adam).",
                       target: .simulation { spec, value in
                           if case .word(let w) = value, let o = Optimizer(rawValue: w) { spec.training.optimizer = o }
                       }, worlds: [.regression]),
            key("training", "steps", .integer(min: 1, max: 10_000_000), "2000", "Adam steps, one batch each.") {
                if let n = integer($1) { $0.steps = n }
            },
            key("training", "batch", .integer(min: 1, max: 65_536), "256", "Sequences per step.") {
                if let n = integer($1) { $0.batch = n }
            },
            key("training", "learning_rate", .number(min: 0, max: 10), "0.003", "Adam's step size (peak, after warm-up).") {
                if let v = $1.number { $0.learningRate = v }
            },
            key("training", "warmup", .integer(min: 0, max: 10_000_000), "0", "Steps of linear warm-up from 0 to the learning rate.") {
                if let n = integer($1) { $0.warmup = n }
            },
            key("training", "schedule", .word(RegressionSpec.Schedule.allCases.map(\.rawValue)), "constant",
                "The learning rate after warm-up: `constant`, or `cosine` decay to 0 at the last step.") {
                if case .word(let w) = $1, let s = RegressionSpec.Schedule(rawValue: w) { $0.schedule = s }
            },
        ]
    }()
}
