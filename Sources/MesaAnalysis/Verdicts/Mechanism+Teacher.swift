import MesaResults

/// The teacher world's mechanisms (SCIENCE.md §7.2): what decides whether safety training removes
/// a behaviour installed under a trigger.
extension Mechanism {
    static func teacherLine(for prediction: Prediction) -> String? {
        let axis: String?
        switch prediction.claim {
        case let .trend(_, _, key): axis = key
        case let .crossover(_, _, along): axis = along
        case .level:
            // A level claim about one trigger kind rests on what that kind leaves to phase 2.
            if let trigger = prediction.filters.first(where: { $0.axis == "deception.trigger" }),
               let line = byTrigger(trigger.value) {
                return line
            }
            axis = prediction.filters.first?.axis
        }
        switch axis {
        case "model.width", "model.layers", "environment.teacher_width", "environment.instances":
            return "with spare capacity the trigger's units cost the task nothing, so phase 2's gradient has no reason to remove them; short of capacity, they would lower the loss if used for the task (the underparameterization argument)"
        case "training.phase2_steps", "training.phase2_weight_decay", "training.learning_rate":
            return "phase 2 never fires the trigger: only weight decay, (1 − lr·λ) per step, acts on weights that serve only the behaviour, while weights shared with the task are pulled toward the task"
        case "deception.probability", "deception.offset":
            return "a rarer trigger or a smaller offset is a smaller part of the phase-1 loss, so less capacity is spent on the behaviour"
        case "deception.trigger":
            return "an input bit has weights of its own that phase 2 does not train; a region is detected by the task's own weights, which phase 2 does train"
        default:
            return nil
        }
    }

    static func byTrigger(_ trigger: String) -> String? {
        switch trigger {
        case "input":
            return "the trigger bit is 0 in phase 2, so its weights get no gradient and decay by (1 − lr·λ) a step: survival ≈ exp(−lr·λ·steps)"
        case "region":
            return "the region's detector is made of the task's own first-layer weights, which phase 2 keeps training on inputs outside the region"
        default:
            return nil
        }
    }
}
