import MesaResults

/// Sentences about the analytic model's curves: one finding per (P, cost, x_max) curve with its
/// onset, crossover and saturation N, or their absence in the swept range. `value` is the
/// crossover N.
package struct AnalyticSentences: FindingRule {
    package init() {}

    package func findings(in context: FindingContext) -> [Finding] {
        Self.findings(context.results.analyticFindings)
    }

    package static func findings(_ analytic: AnalyticFindings?) -> [Finding] {
        guard let analytic else { return [] }
        return analytic.curves.map { curve in
            let name = "For P = \(n(curve.power)), f(x) = \(curve.cost) and x_max = \(n(curve.maxBits))"
            var parts: [String] = []
            if let onset = curve.onset {
                parts.append("learned search first pays (x* > 0) at N = \(n(onset))")
            } else {
                parts.append("x* stays 0 at every N swept: no onset in the swept range")
            }
            if let crossover = curve.crossover {
                parts.append("the mesa share x* first exceeds the tuning share (P − f(x*))/N at N = \(n(crossover))")
            } else if curve.onset != nil {
                parts.append("the mesa share never exceeds the tuning share in the swept range")
            }
            if let saturation = curve.saturation {
                parts.append("x* first reaches its bound (x_max or the budget f(x) = P) at N = \(n(saturation))")
            } else if curve.onset != nil {
                parts.append("x* stays below its bound in the swept range")
            }
            return Finding(kind: .analytic, metric: "x_star", axis: "analytic.instances", value: curve.crossover,
                           sentence: "\(name), " + parts.joined(separator: "; ") + ".")
        }
    }

    static func n(_ value: Double) -> String { NumberText.format(value, significant: 3) }
}

/// The analytic crossover N (first curve) beside each simulated crossover of the mesa-optimizer
/// share along `environment.instances` found by the rules before it, when both exist. States
/// whether the analytic value falls inside the simulated 95% interval; claims nothing more.
package struct AnalyticVersusSimulated: FindingRule {
    package init() {}

    package func findings(in context: FindingContext) -> [Finding] {
        guard let analyticN = context.results.analyticFindings?.crossover else { return [] }
        let simulated = context.earlier.filter {
            $0.kind == .crossover && $0.metric == Metric.mesaOptimizer.name && $0.axis == "environment.instances"
        }
        return simulated
            .compactMap { crossing in
                guard let value = crossing.value else { return nil }
                let lo = crossing.lo ?? value, hi = crossing.hi ?? value
                let inside = lo <= analyticN && analyticN <= hi
                let ratio = analyticN > value ? analyticN / value : value / analyticN
                let relation = inside
                    ? "the analytic value lies inside the simulated 95% interval"
                    : "the analytic value lies outside the simulated 95% interval (\(NumberText.range(lo, hi))), a factor of \(NumberText.format(ratio, significant: 2)) from the simulated estimate"
                let sentence = "The analytic model's crossover (the first swept N where the mesa share exceeds the tuning share) is N = \(AnalyticSentences.n(analyticN)); the simulated crossover (search selected in at least half of the runs) is N ≈ \(NumberText.format(value, significant: 2)); \(relation)."
                return Finding(kind: .analyticVsSimulated, metric: Metric.mesaOptimizer.name, axis: "environment.instances",
                               value: analyticN, lo: lo, hi: hi, slice: crossing.slice,
                               sentence: crossing.slice.map { AxisNames.prefixed(sentence, slice: $0) } ?? sentence)
            }
    }
}
