import MesaResults

/// One line on the mechanism a prediction rests on, for the report's Answer box: what, in this
/// model, makes the swept setting matter (docs/model.md). Chosen by the axis the claim runs along
/// (or, for a level, the claim's metric and filters).
package enum Mechanism {
    package static func line(for prediction: Prediction, world: World = .maze) -> String? {
        if world == .regression { return regressionLine(for: prediction) }
        if world == .teacher { return teacherLine(for: prediction) }
        switch prediction.claim {
        case let .trend(metric, _, axis):
            return byAxis(axis, metric: metric)
        case let .crossover(_, _, along):
            return byAxis(along, metric: .mesaOptimizer)
        case let .level(metric, _, _):
            if let byMetric = byMetric(metric) { return byMetric }
            for filter in prediction.filters {
                if let line = byAxis(filter.axis, metric: metric) { return line }
            }
            return nil
        }
    }

    /// The regression world's mechanisms (SCIENCE.md §7.1): what training trades off there.
    static func regressionLine(for prediction: Prediction) -> String? {
        let axis: String?
        switch prediction.claim {
        case let .trend(_, _, key): axis = key
        case let .crossover(_, _, along): axis = along
        case .level: axis = prediction.filters.first?.axis
        }
        switch axis {
        case "environment.instances":
            return "a memorized table must hold every task, an in-context learner serves them all; few tasks favour retrieval"
        case "model.memory", "model.parameters":
            return "more memory slots let the table hold more tasks (the capacity account)"
        case "training.steps", "training.learning_rate":
            return "the circuits learn at different rates, and training length decides which has caught up (the kinetic account)"
        case "environment.context", "environment.dimension":
            return "longer contexts make the in-context estimate better; higher d makes each task dearer to store"
        case "model.search_steps":
            return "more steps of in-context gradient descent bring the search circuit nearer ridge"
        default:
            return nil
        }
    }

    static func byMetric(_ metric: Metric) -> String? {
        switch metric {
        case .deceptivePosterior, .deceptiveStructureShare:
            return "each tuned parameter of a detector divides its prior weight by V; many deceptive variants multiply it"
        case .premiseGap: return "below K_fit + d, the detector's parameters would lower the training error elsewhere"
        case .proxyPursuit:
            return "the cheaper objective wins while training cannot tell the goal from the proxy"
        default: return nil
        }
    }

    static func byAxis(_ key: String, metric: Metric) -> String? {
        switch key {
        case "environment.instances":
            if metric == .deceptive { return "as N grows the table needs every parameter, the detector's too" }
            return "a table pays per maze, a search once for every maze"
        case "environment.pool": return "a table pays per distinct maze, and a small pool has few"
        case "environment.maze": return "a table pays per cell of the path, a search the same whatever the maze"
        case "model.parameters":
            return metric == .deceptive || metric == .premiseGap
                ? "with spare capacity nothing needs the detector's parameters"
                : "a larger budget holds a table for more mazes"
        case "bias.description_length":
            return metric == .deceptive
                ? "the penalty charges the detector's parameters, so removing it lowers the loss"
                : "a penalty per parameter in use favours the shorter program"
        case "bias.speed": return "a penalty per expansion charges the search at run time, and never the table"
        case "model.memory": return "a search tree kept between steps saves re-expansions under a time penalty"
        case "model.hardcoded_search": return "bits of search the system provides replace learned ones"
        case "training.accept":
            return metric == .deceptive
                ? "ties accepted let an idle detector drift away; strict acceptance never touches it"
                : "how far a step of local search may go uphill decides whether a plateau is crossed"
        case "environment.teacher": return "a planner's paths compress into a search; a random walk does not"
        case "model.encoding": return "few genes cannot tune instance-specific decisions, a search can"
        case "deception.false_positive": return "a detector that fires in training changes the training loss"
        case "training.values": return "each tuned parameter of a detector divides its prior weight by V"
        case "environment.goal_correlation": return "off-corner training goals are what an objective for the corner fails"
        case "model.goal_feature_cost": return "a dearer goal feature makes the proxy the cheaper objective"
        case "model.search_threshold": return "search that pays only above a threshold is a plateau for local search"
        case "training.optimizer": return "exact selection jumps to the optimum; local search must reach it"
        default: return nil
        }
    }
}
