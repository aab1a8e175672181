import MesaResults

/// A run's settings as text that identifies them: every setting that can change what a run does, as
/// `block.key=value` lines in a fixed order, with numbers in their shortest exact form. Runs are
/// seeded from it (so adding a sweep value leaves every other run's stream unchanged) and the run
/// cache keys on it (docs/model.md "Seeds"). `training.seeds` is left out: it says how many runs
/// there are, not what one run does.
extension SimulationSpec {
    public var canonicalText: String {
        if world == .regression { return regressionCanonicalText }
        if world == .teacher { return teacherCanonicalText }
        var lines: [String] = []
        func add(_ key: String, _ value: String) { lines.append("\(key)=\(value)") }
        func number(_ value: Double) -> String { Expression.format(value) }
        for (block, environment) in [("environment", self.environment), ("deployment", deployment)] {
            add("\(block).maze", "\(environment.width) x \(environment.height)")
            add("\(block).instances", String(environment.instances))
            add("\(block).loops", number(environment.loops))
            add("\(block).goal", environment.goal.rawValue)
            add("\(block).proxy", "\(environment.proxyCorner.rawValue) \(environment.proxySide)")
            add("\(block).goal_correlation", number(environment.goalCorrelation))
            add("\(block).teacher", environment.teacher.rawValue)
            add("\(block).step_limit", environment.stepLimit.map(String.init) ?? "default")
        }
        // Only when set, so that every run without a pool keeps its key and its streams.
        if let pool = environment.pool { add("environment.pool", String(pool)) }
        add("model.parameters", model.relativeBudget?.text ?? String(model.parameters))
        add("model.styles", model.styles.map(\.rawValue).sorted().joined(separator: ", "))
        add("model.search_cost", model.searchCost.description)
        add("model.max_bits", number(model.maxBits))
        add("model.search_threshold", number(model.searchThreshold))
        add("model.hardcoded_search", number(model.hardcodedSearch))
        add("model.memory", model.memory.rawValue)
        add("model.fallback", model.fallback.rawValue)
        switch model.encoding {
        case .direct: add("model.encoding", "direct")
        case .indirect(let genes): add("model.encoding", "indirect \(genes)")
        }
        add("model.goal_feature_cost", String(model.goalFeatureCost))
        add("model.proxy_feature_cost", String(model.proxyFeatureCost))
        if let deception {
            add("deception.detector_cost", String(deception.detectorCost))
            add("deception.false_positive", number(deception.falsePositive))
            add("deception.true_positive", number(deception.truePositive))
            switch deception.target {
            case .corner(let corner): add("deception.target", corner.rawValue)
            case .any: add("deception.target", "any")
            }
            add("deception.initial_share", number(deception.initialShare))
        } else {
            add("deception", "none")
        }
        add("training.optimizer", training.optimizer.rawValue)
        add("training.steps", String(training.steps))
        add("training.seed", String(training.seed))
        add("training.init", training.initial.rawValue)
        add("training.values", String(training.values))
        add("training.accept", training.acceptance.text)
        // Written only when set, so that runs from before the setting keep their streams and keys.
        if training.optimalityGap != .auto { add("training.optimality_gap", training.optimalityGap.rawValue) }
        add("bias.description_length", number(bias.descriptionLength))
        add("bias.speed", number(bias.speed))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The regression world's settings; the maze world's text above is unchanged by them.
    var regressionCanonicalText: String {
        let r = regression
        func number(_ value: Double) -> String { Expression.format(value) }
        let lines = [
            "environment.world=regression",
            "environment.dimension=\(r.dimension)",
            "environment.context=\(r.context)",
            "environment.noise=\(number(r.noise))",
            "environment.instances=\(r.tasks.map(String.init) ?? "infinite")",
            "deployment.instances=\(r.unseenTasks)",
            "deployment.context=\(r.evaluationContext.map(String.init) ?? "as environment")",
            "deployment.noise=\(r.evaluationNoise.map(number) ?? "as environment")",
            "deployment.sequences=\(r.evaluationSequences)",
            "model.learner=\(r.learner.rawValue)",
            "model.search_steps=\(r.searchSteps)",
            "model.memory=\(r.memorySlots)",
            "training.optimizer=\(training.optimizer.rawValue)",
            "training.steps=\(r.steps)",
            "training.batch=\(r.batch)",
            "training.learning_rate=\(number(r.learningRate))",
            "training.warmup=\(r.warmup)",
            "training.schedule=\(r.schedule.rawValue)",
            "training.seed=\(training.seed)",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The teacher world's settings; the other worlds' texts are unchanged by them.
    var teacherCanonicalText: String {
        let t = teacher
        func number(_ value: Double) -> String { Expression.format(value) }
        let lines = [
            "environment.world=teacher",
            "environment.dimension=\(t.dimension)",
            "environment.teacher_width=\(t.teacherWidth)",
            "environment.instances=\(t.tasks)",
            "deployment.inputs=\(t.evaluationInputs)",
            "model.learner=\(t.learner.rawValue)",
            "model.layers=\(t.layers)",
            "model.width=\(t.width)",
            "deception.trigger=\(t.trigger.rawValue)",
            "deception.probability=\(number(t.probability))",
            "deception.offset=\(number(t.offset))",
            "training.optimizer=\(training.optimizer.rawValue)",
            "training.steps=\(t.steps)",
            "training.batch=\(t.batch)",
            "training.learning_rate=\(number(t.learningRate))",
            "training.weight_decay=\(number(t.weightDecay))",
            "training.phase2_steps=\(t.phase2Steps)",
            "training.phase2_weight_decay=\(number(t.phase2WeightDecay))",
            "training.seed=\(training.seed)",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The first 8 bytes of the SHA-256 of `canonicalText`, as a number.
    public var settingsHash: UInt64 {
        SHA256.leadingNumber(SHA256.digest(Array(canonicalText.utf8)))
    }
}
