import MesaResults

/// "crossover A rises along B" (SCIENCE.md §6, docs/statistics.md): N*, where the share of runs
/// selecting search crosses one half, from a Firth logistic fit of `mesa_optimizer` on A (on the
/// chart's scale) at B's first and at its last value; the claim is about the shift
/// x*_last − x*_first, with a seeded parametric bootstrap interval (`CrossoverBootstrap`). Decided
/// per slice of the other axes by `VerdictRule.direction` with the margin (default: the smallest
/// step between swept values of A on the chart's scale, e.g. 2 in log₂ N for `times 4`); the
/// prediction holds when every slice does, and does not hold when a slice's interval at the
/// Bonferroni level says so.
package enum CrossoverShiftCheck {
    /// Parametric bootstrap draws per slice.
    static let replicates = CrossoverBootstrap.defaultReplicates

    package static func check(_ prediction: Prediction, axisKey: String, direction: Prediction.Direction, along: String,
                              runs: [RunRecord], axes: [AxisDescription], level: Double, seedText: String)
        -> VerdictOutcome {
        guard let axis = axes.first(where: { $0.key == axisKey }), let compared = axes.first(where: { $0.key == along })
        else { return VerdictOutcome(verdict: .notShown, detail: "the axes are not swept") }
        let data = TrendData(axis: axis, axes: [])
        let order = compared.values.allSatisfy { $0.number != nil }
            ? compared.values.sorted { $0.number! < $1.number! } : compared.values
        let present = order.filter { value in runs.contains { $0.point[along] == value } }
        guard present.count >= 2, let first = present.first, let last = present.last else {
            return VerdictOutcome(verdict: .notShown, detail: "runs at only one value of \(AxisNames.short(along))")
        }
        let xs = Set(axis.values.compactMap(data.x)).sorted()
        guard xs.count >= 3 else {
            return VerdictOutcome(verdict: .notShown, detail: "N* needs at least three swept values of \(data.name)")
        }
        let step = zip(xs, xs.dropFirst()).map { $1 - $0 }.min() ?? 1
        let margin = prediction.margin ?? step
        let others = axes.filter { $0.key != axisKey && $0.key != along }
        let slices = Dictionary(grouping: runs) { run in
            Point(others.compactMap { a in run.point[a.key].map { Point.Coordinate(key: a.key, value: $0) } })
        }
        let sliceOrder = LevelCheck.orderedPoints(runs).map { point in
            Point(others.compactMap { a in point[a.key].map { Point.Coordinate(key: a.key, value: $0) } })
        }.reduce(into: [Point]()) { if !$0.contains($1) { $0.append($1) } }
        let corrected = 1 - (1 - level) / Double(max(1, sliceOrder.count))
        let bName = AxisNames.short(along)
        var parts: [String] = []
        var verdicts: [Verdict] = []
        var single: (Double, ConfidenceInterval)?
        var effects: [String] = []
        for slice in sliceOrder {
            let members = slices[slice]!
            let observations = members.compactMap { run -> TrendObservation? in
                guard let value = run.point[axisKey], let x = data.x(value), let b = run.point[along],
                      let y = run.metrics[.mesaOptimizer] else { return nil }
                return TrendObservation(x: x, covariates: [AxisNames.text(b)], y: y)
            }
            let seed = SHA256.leadingNumber(SHA256.digest(Array("\(seedText)\n\(AxisNames.describe(slice))".utf8)))
            let prefix = slice.coordinates.isEmpty ? "" : "at \(AxisNames.describe(slice)), "
            guard let shift = CrossoverBootstrap.crossoverDifference(
                observations, axis: 0, firstLevel: AxisNames.text(first), lastLevel: AxisNames.text(last), covariates: [],
                level: level, replicates: replicates, seed: seed),
                let wide = BootstrapPercentileInterval(replicates: shift.bootstrap.replicates, level: corrected)
            else {
                parts.append("\(prefix)the fits failed")
                verdicts.append(.notShown)
                continue
            }
            var verdict = VerdictRule.direction(shift.bootstrap.interval, predicted: direction, margin: margin).verdict
            if verdict == .doesNotHold,
               VerdictRule.direction(wide.interval, predicted: direction, margin: margin).verdict != .doesNotHold {
                verdict = .notShown
            }
            verdicts.append(verdict)
            single = (shift.difference, shift.bootstrap.interval)
            effects.append("\(prefix)N* \(describe(shift.first, data)) → \(describe(shift.last, data)), shift \(VerdictText.signed(shift.difference)) (\(VerdictText.interval(shift.bootstrap.interval)))")
            parts.append("\(prefix)N* is \(describe(shift.first, data)) at \(bName) = \(AxisNames.text(first)) and \(describe(shift.last, data)) at \(bName) = \(AxisNames.text(last)): a shift of \(VerdictText.signed(shift.difference)) in \(data.scale) (\(VerdictText.percent(level)) bootstrap interval \(VerdictText.signed(shift.bootstrap.interval.lower)) to \(VerdictText.signed(shift.bootstrap.interval.upper)); a Firth logistic fit of the search share on \(data.scale) at each \(bName) over \(VerdictText.runs(observations.count)), \(replicates) draws of its coefficients; margin \(VerdictText.number(margin)))")
        }
        let held = verdicts.filter { $0 == .holds }.count
        let verdict: Verdict = verdicts.contains(.doesNotHold) ? .doesNotHold
            : !verdicts.isEmpty && held == verdicts.count ? .holds : .notShown
        let joined = parts.joined(separator: "; ")
        let detail = "N* is where the fitted share of runs selecting search crosses one half. "
            + joined.prefix(1).uppercased() + joined.dropFirst()
        return VerdictOutcome(verdict: verdict, detail: detail, value: sliceOrder.count == 1 ? single?.0 : nil,
                              lo: sliceOrder.count == 1 ? single?.1.lower : nil, hi: sliceOrder.count == 1 ? single?.1.upper : nil,
                              effect: effects.prefix(2).joined(separator: "; ") + (effects.count > 2 ? "; …" : ""))
    }

    /// N* in words: its value, or where it lies outside the swept range.
    static func describe(_ location: CrossoverLocation, _ data: TrendData) -> String {
        let values = data.axis.values.compactMap(\.number)
        switch location {
        case .inside(let x): return VerdictText.number(data.value(ofX: x))
        case .belowRange: return "below \(VerdictText.number(values.min() ?? 0)) (the swept range)"
        case .aboveRange: return "above \(VerdictText.number(values.max() ?? 0)) (the swept range)"
        case .undefined: return "undefined (a flat fit)"
        }
    }
}
