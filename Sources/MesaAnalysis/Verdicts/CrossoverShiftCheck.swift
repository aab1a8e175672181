import MesaResults

/// "crossover A rises along B" (SCIENCE.md §6, docs/statistics.md): N*, where the share of runs
/// selecting search crosses one half on its way up, from a Firth logistic fit of `mesa_optimizer`
/// on A (on the chart's scale) at every value of B; the claim is about how N* moves along B: the
/// least-squares slope of N* against B (on B's scale) times B's range — the fitted change of N*
/// across B — with a seeded parametric bootstrap interval (`CrossoverBootstrap.crossoverTrend`).
/// N* is read only where every fit's slope rises and its deviance test passes; otherwise the slice
/// is not shown and the sentence says why. Decided per slice of the other axes by
/// `VerdictRule.direction` with the margin (default: the smallest step between swept values of A
/// on the chart's scale, e.g. 2 in log₂ N for `times 4`); the prediction holds when every slice
/// does, and does not hold when a slice's interval at the Bonferroni level says so.
package enum CrossoverShiftCheck {
    /// Parametric bootstrap draws per slice.
    static let replicates = CrossoverBootstrap.defaultReplicates

    package static func check(_ prediction: Prediction, axisKey: String, direction: Prediction.Direction, along: String,
                              runs: [RunRecord], axes: [AxisDescription], level: Double, seedText: String)
        -> VerdictOutcome {
        guard let axis = axes.first(where: { $0.key == axisKey }), let compared = axes.first(where: { $0.key == along })
        else { return VerdictOutcome(verdict: .notShown, detail: "the axes are not swept") }
        let data = TrendData(axis: axis, axes: [])
        let bData = TrendData(axis: compared, axes: [])
        let order = compared.values.allSatisfy { $0.number != nil }
            ? compared.values.sorted { $0.number! < $1.number! } : compared.values
        let present = order.filter { value in runs.contains { $0.point[along] == value } }
        guard present.count >= 2 else {
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
        let levels = present.map { (label: AxisNames.text($0), b: bData.x($0) ?? 0) }
        let bValues = AxisNames.list(present.map(AxisNames.text))
        let across = "across \(bName) = \(AxisNames.text(present[0])) to \(AxisNames.text(present[present.count - 1]))"
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
            guard let trend = CrossoverBootstrap.crossoverTrend(
                observations, axis: 0, levels: levels, covariates: [], level: level, replicates: replicates, seed: seed),
                let wide = BootstrapPercentileInterval(replicates: trend.bootstrap.replicates, level: corrected)
            else {
                parts.append("\(prefix)the fits failed")
                verdicts.append(.notShown)
                continue
            }
            // N* only where each fit rises and describes the shares (item 4 of issue 22).
            let unread = zip(levels, zip(trend.slopes, trend.goodness)).compactMap { level, fit -> String? in
                let at = "at \(bName) = \(level.label)"
                if fit.0 < -1e-9 {
                    return "\(at) the fitted share falls along \(data.name) (slope \(VerdictText.signed(fit.0)) log-odds per unit of \(data.scale))"
                }
                if let test = fit.1, !test.passes {
                    return "\(at) the logistic curve does not describe the shares along \(data.name) (deviance \(VerdictText.number(test.deviance)) on \(test.degreesOfFreedom) df, p = \(VerdictText.number(test.pValue)))"
                }
                return nil
            }
            if !unread.isEmpty {
                parts.append("\(prefix)\(unread.joined(separator: "; ")): no N* there, so its change along \(bName) is not read")
                verdicts.append(.notShown)
                effects.append("\(prefix)no N* at some \(bName)")
                continue
            }
            var verdict = VerdictRule.direction(trend.bootstrap.interval, predicted: direction, margin: margin).verdict
            if verdict == .doesNotHold,
               VerdictRule.direction(wide.interval, predicted: direction, margin: margin).verdict != .doesNotHold {
                verdict = .notShown
            }
            verdicts.append(verdict)
            single = (trend.change, trend.bootstrap.interval)
            let stars = trend.locations.map { describe($0, data) }
            let runsText = Set(trend.runs).count == 1
                ? "\(VerdictText.runs(trend.runs[0])) each"
                : AxisNames.list(trend.runs.map(String.init)) + " runs"
            let undefined = trend.bootstrap.undefinedCount
            let draws = undefined > 0
                ? "\(replicates) draws of their coefficients, \(undefined) of which give no N* at some \(bName) (counted against both ends)"
                : "\(replicates) draws of their coefficients"
            let fitted = present.count == 2
                ? "N* at the last \(bName) minus N* at the first"
                : "the least-squares slope of N* on \(bData.scale) times its range"
            effects.append("\(prefix)N* \(stars.joined(separator: " → ")), change \(VerdictText.signed(trend.change)) (\(VerdictText.interval(trend.bootstrap.interval)))")
            parts.append("\(prefix)N* is \(AxisNames.list(stars)) at \(bName) = \(bValues): a change of \(VerdictText.signed(trend.change)) in \(data.scale) \(across) (\(fitted); \(VerdictText.percent(level)) bootstrap interval \(VerdictText.signed(trend.bootstrap.interval.lower)) to \(VerdictText.signed(trend.bootstrap.interval.upper)); a Firth logistic fit of the search share on \(data.scale) at each \(bName), over \(runsText), \(draws); margin \(VerdictText.number(margin)))")
        }
        let held = verdicts.filter { $0 == .holds }.count
        let verdict: Verdict = verdicts.contains(.doesNotHold) ? .doesNotHold
            : !verdicts.isEmpty && held == verdicts.count ? .holds : .notShown
        let joined = parts.joined(separator: "; ")
        let detail = "N* is where the fitted share of runs selecting search rises through one half. "
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
        case .undefined: return "undefined"
        }
    }
}
