import Foundation
import MesaResults

/// Runs as observations of the trend model (docs/statistics.md): x is the tested axis on the
/// chart's scale (`AxisScaleRule`) — log₂ of the value on a geometric axis of positive numbers
/// (a `times` range, or a list spaced geometrically), the value itself on
/// another numeric axis, the value's position (0, 1, …) on an axis of words — and the other swept
/// axes are categorical covariates.
package struct TrendData: Sendable {
    package let axis: AxisDescription
    /// The other swept axes, in the results' order: the covariates.
    package let covariateAxes: [AxisDescription]

    package init(axis: AxisDescription, axes: [AxisDescription]) {
        self.axis = axis
        covariateAxes = axes.filter { $0.key != axis.key }
    }

    /// Whether x is log₂ of the axis value.
    package var isLogarithmic: Bool { axis.isLogarithmic }

    /// Whether the axis takes words (x is then the value's position); `infinite` beside numbers
    /// keeps the axis numeric.
    package var isCategorical: Bool { axis.values.contains { $0.number == nil && !$0.isInfinite } }

    /// x for an axis value; nil for a value the axis does not list, and for `infinite` (left out of
    /// fits: it has no place on the axis's scale).
    package func x(_ value: PointValue) -> Double? {
        if value.isInfinite { return nil }
        if isCategorical { return axis.values.firstIndex(of: value).map(Double.init) }
        guard let number = value.number else { return nil }
        return isLogarithmic ? log2(number) : number
    }

    /// The axis value of an x (inverse of `x`), for naming N* and the swept range.
    package func value(ofX x: Double) -> Double { isLogarithmic ? exp2(x) : x }

    /// The axis as sentences name it: its label (a relative budget) or its short name.
    package var name: String { axis.label ?? AxisNames.short(axis.key) }

    /// The predictor in words: "log₂ N", "N", "memory (none = 0, episode = 1)".
    package var scale: String {
        if isCategorical {
            let codes = axis.values.enumerated().map { "\(AxisNames.text($1)) = \($0)" }.joined(separator: ", ")
            return "\(name) (\(codes))"
        }
        return isLogarithmic ? "log₂ \(name)" : name
    }

    /// The observations of `metric` in `runs` (runs lacking it or the axis are left out).
    package func observations(_ runs: [RunRecord], metric: Metric) -> [TrendObservation] {
        runs.compactMap { run in
            guard let value = run.point[axis.key], let x = x(value), let y = run.metrics[metric] else { return nil }
            let labels = covariateAxes.map { run.point[$0.key].map(AxisNames.text) ?? "" }
            return TrendObservation(x: x, covariates: labels, y: y, world: Self.world(of: run))
        }
    }

    /// The run's world: its repetition, within its scenario seed (a swept `training.seed` gives
    /// other worlds). docs/model.md: a run's world seed comes from the scenario seed and the
    /// repetition only, so runs at one repetition share a world across points.
    static func world(of run: RunRecord) -> Int {
        let seed = run.point["training.seed"]?.number.map { Int($0) } ?? 0
        return seed &* 1_000_003 &+ run.repetition
    }

    /// The covariate axes that vary among `runs` ("goal, memory"), for the sentence.
    package func varyingCovariates(_ runs: [RunRecord]) -> [String] {
        covariateAxes.filter { axis in Set(runs.compactMap { $0.point[axis.key] }).count > 1 }
            .map { $0.label ?? AxisNames.short($0.key) }
    }
}

/// How verdict sentences write numbers and intervals.
package enum VerdictText {
    /// A number with three significant digits.
    package static func number(_ value: Double) -> String { NumberText.format(value, significant: 3) }

    /// A change with its sign: "+0.62", "−0.1", "0".
    package static func signed(_ value: Double) -> String {
        guard value.isFinite else { return value > 0 ? "+∞" : value < 0 ? "−∞" : "undefined" }
        let text = NumberText.format(abs(value), significant: 2)
        return value > 0 ? "+" + text : value < 0 ? "−" + text : "0"
    }

    /// "95% interval −0.1 to +0.25".
    package static func interval(_ interval: ConfidenceInterval, signed: Bool = true) -> String {
        func render(_ value: Double) -> String {
            signed ? VerdictText.signed(value) : NumberText.format(value, significant: 2)
        }
        return "\(percent(interval.level)) interval \(render(interval.lower)) to \(render(interval.upper))"
    }

    /// "95%", "99%".
    package static func percent(_ level: Double) -> String { "\(NumberText.format(level * 100, significant: 4))%" }

    /// "1 run", "240 runs".
    package static func runs(_ n: Int) -> String { "\(n) run\(n == 1 ? "" : "s")" }
}
