import MesaResults

/// Loss pressure or drift (SCIENCE.md §5.7; docs/model.md "The detector's life"): under hill
/// climbing, how often the detector was completed during training (`detector_completed_step`; a
/// detector installed at the start and never broken has none), how often it was broken for good, and whether
/// the step that broke it lowered the loss (a table entry or the simplicity penalty took its
/// parameter: loss pressure) or left it unchanged (neutral drift). One sentence per acceptance
/// rule, so that `accept strict` (no drift possible) and `accept neutral` read side by side.
/// O(runs).
package struct DetectorLifeFinder: FindingRule {
    package init() {}

    package func findings(in context: FindingContext) -> [Finding] {
        var rules: [String] = []
        var byRule: [String: [RunRecord]] = [:]
        for run in context.runs where run.optimizer == .hillClimb && run.metrics[.detectorCost] != nil {
            let rule = run.acceptance ?? "neutral"
            if byRule[rule] == nil { rules.append(rule) }
            byRule[rule, default: []].append(run)
        }
        return rules.map { rule in
            let runs = byRule[rule]!
            let completed = runs.filter { $0.metrics[.detectorCompletedStep] != nil }.count
            let broken = runs.filter { $0.metrics[.removedAtStep] != nil }
            let pressure = broken.filter { $0.metrics.isSet(.detectorBreakLoweredLoss) }.count
            let drift = broken.count - pressure
            var sentence = "Under hill climbing (accept \(rule)), of \(runs.count) runs the detector was built (or rebuilt) during training in \(completed) and broken for good in \(broken.count)"
            if !broken.isEmpty {
                sentence += ": by loss pressure in \(pressure) (the breaking step lowered the loss) and by neutral drift in \(drift)"
            }
            let kept = runs.filter { $0.metrics.isSet(.deceptive) }.count
            sentence += "; \(kept) ended with it."
            return Finding(kind: .claim, metric: Metric.detectorBreakLoweredLoss.name, axis: "",
                           value: broken.isEmpty ? nil : Double(pressure) / Double(broken.count), sentence: sentence)
        }
    }
}
