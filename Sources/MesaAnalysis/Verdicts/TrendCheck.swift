import MesaResults

/// "M rises along A" (SCIENCE.md §6, docs/statistics.md): one model over every matching run —
/// Firth logistic regression for a 0/1 metric, least squares for a continuous one — with A on the
/// chart's scale and the other swept axes as categorical covariates (a common slope). The effect
/// is the fitted change across A's swept range with its interval at the verdicts' level; the
/// verdict is `VerdictRule.direction` with the statement's margin (or the metric's default).
/// Per-slice fits are reported beside it.
package enum TrendCheck {
    package static func check(_ prediction: Prediction, metric: Metric, direction: Prediction.Direction, axisKey: String,
                              runs: [RunRecord], axes: [AxisDescription], level: Double) -> VerdictOutcome {
        guard let axis = axes.first(where: { $0.key == axisKey }) else {
            return VerdictOutcome(verdict: .notShown, detail: "\(AxisNames.short(axisKey)) is not swept")
        }
        let data = TrendData(axis: axis, axes: axes)
        let observations = data.observations(runs, metric: metric)
        let binary = metric.definition.isFlag
        let margin = prediction.margin ?? metric.definition.defaultMargin ?? 0
        let xs = Set(observations.map(\.x))
        guard xs.count >= 2 else {
            return VerdictOutcome(verdict: .notShown,
                                  detail: "only \(xs.count == 1 ? "one value" : "no value") of \(data.name) has runs with \(metric.name)")
        }
        guard var result = TrendModel.analyze(observations, binary: binary, level: level) else {
            return VerdictOutcome(verdict: .notShown, detail: "the \(binary ? "logistic" : "least-squares") fit failed on \(VerdictText.runs(observations.count))")
        }
        if !binary {
            // No change narrower than the metric's resolution: identical runs show a change within
            // it, not exactly 0.
            let effect = result.effect
            let (lo, hi) = metric.definition.floored(mean: effect.estimate, lo: effect.interval.lower, hi: effect.interval.upper,
                                                           within: -Double.infinity...Double.infinity)
            result.effect.interval = ConfidenceInterval(lower: lo, upper: hi, level: effect.interval.level)
        }
        let decision = VerdictRule.direction(result.effect.interval, predicted: direction, margin: margin)
        let low = data.value(ofX: result.xRange.lowerBound), high = data.value(ofX: result.xRange.upperBound)
        let across = data.isCategorical
            ? "from \(data.name) = \(AxisNames.text(axis.values[Int(result.xRange.lowerBound)])) to \(AxisNames.text(axis.values[Int(result.xRange.upperBound)]))"
            : "across \(data.name) from \(NumberText.prose(low, significant: 3)) to \(NumberText.prose(high, significant: 3))"
        let quantity = binary ? "the fitted share" : "the fitted \(metric.name)"
        let covariates = data.varyingCovariates(runs)
        let model = binary ? "Firth logistic regression" : "least squares"
        var test = "\(model) on all \(VerdictText.runs(observations.count)) with \(data.scale) as predictor"
        if !covariates.isEmpty { test += " and \(covariates.joined(separator: ", ")) as covariate\(covariates.count == 1 ? "" : "s")" }
        if let worlds = result.worldClusters {
            test += "; standard errors clustered by world (CR2, \(worlds) worlds, \(worlds - 1) df)"
        }
        test += "; margin \(VerdictText.number(margin))"
        if prediction.margin == nil { test += ", the default for \(binary ? "a share" : "a bounded metric")" }
        var detail = "\(quantity) changes by \(VerdictText.signed(result.effect.estimate)) \(across) (\(VerdictText.interval(result.effect.interval)); \(test))"
        if decision.smallerThanMargin { detail += "; the change is real but smaller than the margin" }
        if !data.isCategorical, !result.outcomesAreConstant {
            let unit = data.isLogarithmic ? "per doubling of \(data.name)" : "per unit of \(data.name)"
            let slopeUnit = binary ? "log-odds" : metric.name
            detail += "; slope \(VerdictText.signed(result.slope.estimate)) \(slopeUnit) \(unit)"
        }
        let sliced = result.slices
        if sliced.count > 1 {
            let names = data.covariateAxes.map { $0.label ?? AxisNames.short($0.key) }
            // Name only the covariates that differ between slices.
            let varying = names.indices.filter { i in Set(sliced.map { $0.covariates[i] }).count > 1 }
            let parts = sliced.map { slice -> String in
                let place = varying.map { "\(names[$0]) = \(slice.covariates[$0])" }.joined(separator: ", ")
                guard let effect = slice.effect else { return "\(place): no fit" }
                return "\(place) \(VerdictText.signed(effect.estimate)) (\(VerdictText.interval(effect.interval)))"
            }
            detail += ". Per slice: " + parts.joined(separator: "; ")
        }
        let span = data.isCategorical ? "" : " across \(data.name) from \(NumberText.prose(low, significant: 3)) to \(NumberText.prose(high, significant: 3))"
        return VerdictOutcome(verdict: decision.verdict, detail: detail, value: result.effect.estimate,
                              lo: result.effect.interval.lower, hi: result.effect.interval.upper,
                              effect: "change \(VerdictText.signed(result.effect.estimate))\(span) (\(VerdictText.interval(result.effect.interval)))")
    }
}

/// A verdict and the words that show the test behind it.
package struct VerdictOutcome: Sendable {
    package var verdict: Verdict
    package var detail: String
    package var value: Double?
    package var lo: Double?
    package var hi: Double?
    /// The estimate in a few words, for the Answer box.
    package var effect: String?

    package init(verdict: Verdict, detail: String, value: Double? = nil, lo: Double? = nil, hi: Double? = nil,
                 effect: String? = nil) {
        self.verdict = verdict
        self.detail = detail
        self.value = value
        self.lo = lo
        self.hi = hi
        self.effect = effect
    }
}
