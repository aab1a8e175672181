import MesaResults

/// The premise of the argument against deceptive circuits, as it states it: "more parameters would
/// lower the loss" (SCIENCE.md §3; docs/model.md "The premise gap").
///
/// Every run with a detector in its class and a known `premise_gap` (the least training error
/// with K − d parameters minus the least with K) is counted twice: by its budget (K − d < K_fit,
/// the underparameterized regime) and by its gap (> 0: the premise holds). The sentence says in
/// how many runs the premise held and whether the two agree run by run. They can disagree one
/// way: where K itself is below K_fit, the least error may be the same at K − d and at K (the next
/// gain needs more than d parameters); such points are named. O(runs).
package struct PremiseCheck: FindingRule {
    /// A gap at or below this counts as none (errors are means of doubles).
    static let tie = 1e-9

    package init() {}

    static func places(_ points: [Point]) -> String {
        points.map { AxisNames.describe($0) }.joined(separator: " and at ")
    }

    package func findings(in context: FindingContext) -> [Finding] {
        var under = 0, met = 0, runs = 0
        var flat: [Point] = [], beyond: [Point] = []
        for run in context.runs {
            guard let gap = run.metrics[.premiseGap], let d = run.metrics.integer(.detectorCost),
                  let kFit = run.metrics.integer(.kFit), let budget = run.metrics.integer(.budget)
            else { continue }
            runs += 1
            let isUnder = budget - d < kFit
            let holds = gap > Self.tie
            if isUnder { under += 1 }
            if holds { met += 1 }
            if isUnder, !holds, !flat.contains(run.point) { flat.append(run.point) }
            if !isUnder, holds, !beyond.contains(run.point) { beyond.append(run.point) }
        }
        guard runs > 0 else { return [] }
        var sentence = "The premise of the argument (more parameters would lower the training error: premise gap > 0) held in \(met) of \(runs) runs with a detector in their class"
        if flat.isEmpty, beyond.isEmpty {
            sentence += under == 0 ? "; no run had K − d < K_fit."
                : under == runs ? ", every one of them with K − d < K_fit."
                : ": exactly the \(under) with K − d < K_fit."
        } else {
            sentence += "; \(under) had K − d < K_fit"
            if !flat.isEmpty {
                sentence += ". At \(Self.places(flat)), some runs had K − d < K_fit but no gap: K itself is below K_fit there, and the least error is the same with K − d parameters as with K (the next gain needs more than d more parameters), so the premise fails although the budget is short"
            }
            if !beyond.isEmpty {
                sentence += ". At \(Self.places(beyond)), some runs had a gap although K − d ≥ K_fit"
            }
            sentence += "."
        }
        return [Finding(kind: .claim, metric: Metric.premiseGap.name, axis: "", value: Double(met), sentence: sentence)]
    }
}
