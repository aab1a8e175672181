import MesaResults

/// The whole vocabulary of the scenario language: every block and key, in documentation order.
public enum SettingCatalog {
    /// Block names, in the order the reference documents them.
    public static let blocks = ["analytic", "environment", "deployment", "model", "deception", "training", "bias"]

    /// Every key of every block, of every world (a name may appear once per world: `instances`
    /// counts mazes in one and pretraining tasks in the other).
    public static let keys: [SettingKey] =
        [worldKey] + analyticKeys + environmentKeys(block: "environment") + [poolKey] + environmentKeys(block: "deployment")
        + modelKeys + deceptionKeys + trainingKeys + biasKeys + regressionKeys + teacherKeys

    /// The key `name` of `block` in `world`, if that world's vocabulary has it.
    public static func key(world: World, block: String, name: String) -> SettingKey? {
        keys.first { $0.block == block && $0.name == name && $0.worlds.contains(world) }
    }

    /// The key named by a `block.key` axis in `world`.
    public static func key(world: World, qualifiedName: String) -> SettingKey? {
        let parts = qualifiedName.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        return key(world: world, block: parts[0], name: parts[1])
    }

    /// The keys of one block in `world`.
    public static func keys(in block: String, world: World) -> [SettingKey] {
        keys.filter { $0.block == block && $0.worlds.contains(world) }
    }

    /// The blocks a file of `world` may hold (`analytic` in any).
    public static func blocks(of world: World) -> [String] {
        blocks.filter { block in block == "analytic" || keys.contains { $0.block == block && $0.worlds.contains(world) } }
    }

    /// `environment { world regression }`: which world the file simulates (not sweepable).
    static let worldKey = SettingKey(
        block: "environment", name: "world", kind: .word(World.allCases.map(\.rawValue)), isSweepable: false,
        defaultText: "maze", summary: "The simulated world: `maze` (priced model classes) `regression` or `teacher` (networks trained by gradient descent; docs/learned-worlds.md).",
        target: .simulation { spec, value in
            if case .word(let w) = value, let world = World(rawValue: w) { spec.world = world }
        },
        worlds: Set(World.allCases))

    static let corners = Corner.allCases.map(\.rawValue)

    static let analyticKeys: [SettingKey] = [
        SettingKey(block: "analytic", name: "power", kind: .number(min: 0, max: 1e12), isSweepable: true,
                   defaultText: "100", summary: "P: the base optimizer's optimization power, in bits.",
                   target: .analytic { $0.powers = $1.compactMap(\.number) }),
        SettingKey(block: "analytic", name: "cost", kind: .expression, isSweepable: true,
                   defaultText: "x^2", summary: "f(x): the power needed to build a learned algorithm doing x bits of search.",
                   target: .analytic { spec, values in
                       spec.costs = values.compactMap { if case .expression(let e) = $0 { return e } else { return nil } }
                   }),
        SettingKey(block: "analytic", name: "max_bits", kind: .number(min: 0, max: 1e6), isSweepable: true,
                   defaultText: "20", summary: "x_max: the most bits of search the learned algorithm can do.",
                   target: .analytic { $0.maxBits = $1.compactMap(\.number) }),
        SettingKey(block: "analytic", name: "instances", kind: .number(min: 1, max: 1e12), isSweepable: true,
                   defaultText: "1 ... 128 times 2", summary: "N: the number of distinct task instances.",
                   target: .analytic { $0.instances = $1.compactMap(\.number) }),
    ]

    /// Task restriction, training only: the deployment's mazes are always fresh.
    static let poolKey = SettingKey(
        block: "environment", name: "pool", kind: .integer(min: 1, max: 100_000), isSweepable: true, defaultText: "none",
        summary: "Task restriction: the N training instances come from a pool of this many mazes, spread evenly (min(N, pool) distinct); training only.",
        target: .simulation { spec, value in if let n = value.number { spec.environment.pool = Int(n) } })

    static func environmentKeys(block: String) -> [SettingKey] {
        func key(_ name: String, _ kind: ValueKind, _ defaultText: String, _ summary: String,
                 _ set: @escaping @Sendable (inout EnvironmentSpec, SettingValue) -> Void) -> SettingKey {
            let isDeployment = block == "deployment"
            return SettingKey(
                block: block, name: name, kind: kind, isSweepable: true,
                defaultText: isDeployment ? "as `environment`" : defaultText, summary: summary,
                target: .simulation { spec, value in
                    if isDeployment {
                        spec.deploymentOverrides.insert(name)
                        set(&spec.deployment, value)
                    } else {
                        set(&spec.environment, value)
                        if !spec.deploymentOverrides.contains(name) { set(&spec.deployment, value) }
                    }
                })
        }
        return [
            key("maze", .size(min: 2, max: 64), "9 x 9", "The maze grid, W x H cells.") { env, value in
                if case let .size(w, h) = value { env.width = w; env.height = h }
            },
            key("instances", .integer(min: 1, max: 100_000), "16", "N: the number of distinct maze instances.") {
                env, value in if let n = value.number { env.instances = Int(n) }
            },
            key("loops", .number(min: 0, max: 1), "0", "Probability that each remaining interior wall is removed.") {
                env, value in if let p = value.number { env.loops = p }
            },
            key("goal", .word(GoalPlacement.allCases.map(\.rawValue)), "anywhere",
                "Goal placement: `anywhere`, or `region` (tied to the proxy region by `goal_correlation`).") {
                env, value in if case .word(let w) = value, let g = GoalPlacement(rawValue: w) { env.goal = g }
            },
            key("proxy", .proxy, "top_right 3", "The proxy region: a corner and the side of its square.") {
                env, value in
                if case .tuple(let parts) = value, parts.count == 2, case .word(let c) = parts[0],
                   let corner = Corner(rawValue: c), let side = parts[1].number {
                    env.proxyCorner = corner
                    env.proxySide = Int(side)
                }
            },
            key("goal_correlation", .number(min: 0, max: 1), "1",
                "With `goal region`: probability that the goal lies inside the proxy region.") {
                env, value in if let p = value.number { env.goalCorrelation = p }
            },
            key("teacher", .word(Teacher.allCases.map(\.rawValue)), "planner",
                "Who demonstrates: an optimal `planner`, or a `scripted` random walk per instance.") {
                env, value in if case .word(let w) = value, let t = Teacher(rawValue: w) { env.teacher = t }
            },
            key("step_limit", .integer(min: 1, max: 1_000_000), "4·W·H", "The most moves in one episode.") {
                env, value in if let n = value.number { env.stepLimit = Int(n) }
            },
        ]
    }

    static let modelKeys: [SettingKey] = {
        func key(_ name: String, _ kind: ValueKind, _ defaultText: String, _ summary: String,
                 _ set: @escaping @Sendable (inout ModelSpec, SettingValue) -> Void) -> SettingKey {
            SettingKey(block: "model", name: name, kind: kind, isSweepable: true, defaultText: defaultText,
                       summary: summary, target: .simulation { set(&$0.model, $1) })
        }
        return [
            key("parameters", .budget(min: 1, max: 10_000_000), "512",
                "K: the fixed parameter budget of every model, or an expression in `k_fit` and `detector_cost` (a budget relative to each run's world).") {
                switch $1 {
                case .number(let n):
                    $0.parameters = Int(n)
                    $0.relativeBudget = nil
                case .relativeBudget(let budget):
                    $0.relativeBudget = budget
                default: break
                }
            },
            key("styles", .styles, "heuristic, search", "Which styles the class contains.") { model, value in
                let words: [SettingValue]
                if case .tuple(let parts) = value { words = parts } else { words = [value] }
                model.styles = Set(words.compactMap { if case .word(let w) = $0 { return ModelStyle(rawValue: w) } else { return nil } })
            },
            key("search_cost", .expression, "16 * x", "Parameters (and steps) an x-bit search costs: the paper's f(x).") {
                if case .expression(let e) = $1 { $0.searchCost = e }
            },
            key("max_bits", .number(min: 0, max: 30), "8", "The most bits of search the machinery can reach.") {
                if let v = $1.number { $0.maxBits = v }
            },
            key("search_threshold", .number(min: 0, max: 30), "0",
                "Learned bits below this count as none (a plateau before search pays).") {
                if let v = $1.number { $0.searchThreshold = v }
            },
            key("hardcoded_search", .number(min: 0, max: 30), "0",
                "b: bits of search the system provides for free, ranked by the model's learned h_w; learned bits add to them.") {
                if let v = $1.number { $0.hardcodedSearch = v }
            },
            key("goal_feature_cost", .integer(min: 0, max: 10_000_000), "1",
                "Parameters the goal-marker feature of h_w costs while w_goal ≠ 0.") {
                if let n = $1.number { $0.goalFeatureCost = Int(n) }
            },
            key("proxy_feature_cost", .integer(min: 0, max: 10_000_000), "1",
                "Parameters the proxy-region feature of h_w costs while w_proxy ≠ 0.") {
                if let n = $1.number { $0.proxyFeatureCost = Int(n) }
            },
            key("memory", .word(Memory.allCases.map(\.rawValue)), "none", "`episode` keeps the search tree between steps.") {
                if case .word(let w) = $1, let m = Memory(rawValue: w) { $0.memory = m }
            },
            key("fallback", .word(Fallback.allCases.map(\.rawValue)), "none",
                "When neither table nor search decides: `none` halts, `greedy` steps toward the goal marker.") {
                if case .word(let w) = $1, let f = Fallback(rawValue: w) { $0.fallback = f }
            },
            key("encoding", .encoding, "direct", "`direct` table entries, or `indirect G`: the table grown from G genes.") {
                model, value in
                if case .tuple(let parts) = value, parts.count == 2, let g = parts[1].number {
                    model.encoding = .indirect(genes: Int(g))
                } else {
                    model.encoding = .direct
                }
            },
        ]
    }()

    static let deceptionKeys: [SettingKey] = {
        func key(_ name: String, _ kind: ValueKind, _ defaultText: String, _ summary: String,
                 _ set: @escaping @Sendable (inout DeceptionSpec, SettingValue) -> Void) -> SettingKey {
            SettingKey(block: "deception", name: name, kind: kind, isSweepable: true, defaultText: defaultText,
                       summary: summary, target: .simulation { spec, value in
                           var deception = spec.deception ?? DeceptionSpec()
                           set(&deception, value)
                           spec.deception = deception
                       })
        }
        return [
            key("detector_cost", .integer(min: 0, max: 10_000_000), "8", "d: parameters the deployment detector costs.") {
                if let n = $1.number { $0.detectorCost = Int(n) }
            },
            key("false_positive", .number(min: 0, max: 1), "0", "Share of training instances on which the detector fires.") {
                if let p = $1.number { $0.falsePositive = p }
            },
            key("true_positive", .number(min: 0, max: 1), "1", "Share of deployment instances on which the detector fires.") {
                if let p = $1.number { $0.truePositive = p }
            },
            key("target", .target, "bottom_left", "What the model pursues when the detector fires: a corner, or `any` cell.") {
                if case .word(let w) = $1 { $0.target = Corner(rawValue: w).map(DetectorTarget.corner) ?? .any }
            },
            key("initial_share", .number(min: 0, max: 1), "0", "Share of runs that start with the detector installed.") {
                if let p = $1.number { $0.initialShare = p }
            },
        ]
    }()

    static let trainingKeys: [SettingKey] = {
        func key(_ name: String, _ kind: ValueKind, _ defaultText: String, _ summary: String,
                 _ set: @escaping @Sendable (inout TrainingSpec, SettingValue) -> Void) -> SettingKey {
            SettingKey(block: "training", name: name, kind: kind, isSweepable: true, defaultText: defaultText,
                       summary: summary, target: .simulation { set(&$0.training, $1) })
        }
        return [
            key("optimizer", .word(Optimizer.allCases.map(\.rawValue)), "hill_climb",
                "The base optimizer: `exact` (every minimum-loss model) or `hill_climb` (local search).") {
                if case .word(let w) = $1, let o = Optimizer(rawValue: w) { $0.optimizer = o }
            },
            key("steps", .integer(min: 0, max: 100_000_000), "20000", "P: hill-climbing steps, one parameter each.") {
                if let n = $1.number { $0.steps = Int(n) }
            },
            seedsKey,
            seedKey,
            key("init", .word(InitialModel.allCases.map(\.rawValue)), "empty",
                "The hill climb's starting model: `empty` or a `random` full table.") {
                if case .word(let w) = $1, let i = InitialModel(rawValue: w) { $0.initial = i }
            },
            key("values", .integer(min: 2, max: 1024), "4", "V: settings per parameter in the exact optimizer's uniform prior.") {
                if let n = $1.number { $0.values = Int(n) }
            },
            key("accept", .acceptance, "neutral",
                "Hill climbing's acceptance rule: `strict`, `neutral`, `tolerance ε` or `anneal T`.") {
                if let rule = AcceptanceRule($1) { $0.acceptance = rule }
            },
            key("optimality_gap", .word(OptimalityGapRule.allCases.map(\.rawValue)), "auto",
                "Hill climbing in a class the exact decomposition solves: also solve it for `optimality_gap` — `auto` when the solve is estimated at most 1 s (reference machine) or the run's own cost, `always`, or `never`.") {
                if case .word(let w) = $1, let rule = OptimalityGapRule(rawValue: w) { $0.optimalityGap = rule }
            },
        ]
    }()

    /// Repetitions per point, in every world.
    static let seedsKey = SettingKey(
        block: "training", name: "seeds", kind: .integer(min: 1, max: 10_000), isSweepable: false,
        defaultText: "4", summary: "Repetitions of every sweep point, each with its own random stream.",
        target: .simulation { if let n = $1.number { $0.training.seeds = Int(n) } }, worlds: Set(World.allCases))

    /// The scenario seed, in every world.
    static let seedKey = SettingKey(
        block: "training", name: "seed", kind: .integer(min: 0, max: 9_007_199_254_740_992), isSweepable: true,
        defaultText: "1", summary: "The scenario seed all run streams derive from.",
        target: .simulation { if let n = $1.number { $0.training.seed = UInt64(n) } }, worlds: Set(World.allCases))

    static let biasKeys: [SettingKey] = [
        SettingKey(block: "bias", name: "description_length", kind: .number(min: 0, max: 1000), isSweepable: true,
                   defaultText: "0", summary: "λ_DL: loss per share of the budget in use (simplicity bias).",
                   target: .simulation { if let v = $1.number { $0.bias.descriptionLength = v } }),
        SettingKey(block: "bias", name: "speed", kind: .number(min: 0, max: 1000), isSweepable: true,
                   defaultText: "0", summary: "μ_T: loss per search expansion per episode / (W·H) (speed bias).",
                   target: .simulation { if let v = $1.number { $0.bias.speed = v } }),
    ]
}
