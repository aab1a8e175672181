import Foundation
import MesaResults

/// Where a share first crosses one half along a swept axis, with a 95% interval.
///
/// The crossover is found on the means: the first pair of neighbouring points with the mean
/// below 0.5 then at or above it (rising), or at or above then below (falling), interpolated
/// linearly between them — in log x when the axis is geometric, so shares 0 at N = 8 and 1 at
/// N = 32 give N = 16. The interval comes from the Wilson bounds: for a rising share, its low
/// end is where the upper bound first reaches 0.5 and its high end where the lower bound first
/// does, interpolated the same way (falling: the mirror image). An end that the bounds never
/// reach inside the sweep is clipped to the swept range and marked open. O(points).
public enum CrossoverFinder {
    /// A crossover of one series.
    public struct Crossover: Sendable, Hashable {
        /// The interpolated axis value where the mean crosses the level.
        public var value: Double
        /// The 95% interval's low end, within the swept range.
        public var lo: Double
        /// The 95% interval's high end, within the swept range.
        public var hi: Double
        /// True when the interval reaches the smallest swept value: the true end may lie below.
        public var loIsOpen: Bool
        /// True when the interval reaches the largest swept value: the true end may lie above.
        public var hiIsOpen: Bool
        /// True for a share going up along the axis, false for one going down.
        public var isRising: Bool
    }

    /// The first crossing of `level` by the means of `estimates` at axis values `xs`
    /// (increasing), or `nil` when the means never cross it.
    public static func crossover(xs: [Double], estimates: [Estimate], logarithmic: Bool, level: Double = 0.5)
        -> Crossover?
    {
        guard xs.count == estimates.count, xs.count >= 2 else { return nil }
        let means = estimates.map(\.mean), lows = estimates.map(\.lo), highs = estimates.map(\.hi)
        guard let first = firstCrossing(xs, means, level: level, rising: nil, logarithmic: logarithmic) else { return nil }
        let rising = first.rising
        // Rising: the upper bound reaches the level first, the lower bound last.
        let early = rising ? highs : lows
        let late = rising ? lows : highs
        let earlyAlreadyThere = rising ? early[0] >= level : early[0] < level
        var lo = xs[0], loIsOpen = true
        if !earlyAlreadyThere, let found = firstCrossing(xs, early, level: level, rising: rising, logarithmic: logarithmic) {
            lo = found.x
            loIsOpen = false
        }
        var hi = xs[xs.count - 1], hiIsOpen = true
        if let found = firstCrossing(xs, late, level: level, rising: rising, logarithmic: logarithmic) {
            hi = found.x
            hiIsOpen = false
        }
        return Crossover(value: first.x, lo: Swift.min(lo, first.x), hi: Swift.max(hi, first.x),
                         loIsOpen: loIsOpen, hiIsOpen: hiIsOpen, isRising: rising)
    }

    /// The first segment where `ys` crosses `level` (in the given direction, or either when
    /// `rising` is nil), interpolated in x or log x.
    static func firstCrossing(_ xs: [Double], _ ys: [Double], level: Double, rising: Bool?, logarithmic: Bool)
        -> (x: Double, rising: Bool)?
    {
        for i in 0..<(xs.count - 1) {
            let (a, b) = (ys[i], ys[i + 1])
            let up = a < level && b >= level
            let down = a >= level && b < level
            guard (up && rising != false) || (down && rising != true) else { continue }
            let t = (level - a) / (b - a)
            // At the ends of the segment, the swept value itself (no rounding through log/exp).
            let x = t == 0 ? xs[i] : t == 1 ? xs[i + 1] : logarithmic
                ? exp(log(xs[i]) + t * (log(xs[i + 1]) - log(xs[i])))
                : xs[i] + t * (xs[i + 1] - xs[i])
            return (x, up)
        }
        return nil
    }

    /// Crossover findings for `metric` along every series that crosses one half.
    ///
    /// Only a share that crosses one half once, along at least three swept values, gets a
    /// crossover; one that crosses back gets a sentence naming where it is at or above one half
    /// (`nonMonotoneFindings`), and fewer values get nothing.
    package static func findings(_ series: [SweepSeries], metric: Metric) -> [(finding: Finding, series: SweepSeries, crossover: Crossover)] {
        series.compactMap { line in
            guard let estimates = line.estimates(metric), case .single = ShareCrossings(estimates.map(\.mean)),
                  let crossing = crossover(xs: line.values, estimates: estimates, logarithmic: line.isLogarithmic)
            else { return nil }
            let sentence = AxisNames.prefixed(sentence(metric: metric, name: line.name, crossing), slice: line.slice)
            let finding = Finding(kind: .crossover, metric: metric.name, axis: line.axis.key, value: crossing.value,
                                  lo: crossing.lo, hi: crossing.hi,
                                  slice: line.slice.coordinates.isEmpty ? nil : line.slice, sentence: sentence)
            return (finding, line, crossing)
        }
    }

    /// The crossover of the mesa-optimizer share along each series, each followed by the
    /// bimodality check at the swept point nearest it.
    package struct MesaCrossovers: SeriesRule {
        package init() {}

        package func findings(along series: [SweepSeries], in context: FindingContext) -> [Finding] {
            var findings: [Finding] = []
            for (finding, line, crossing) in CrossoverFinder.findings(series, metric: .mesaOptimizer) {
                findings.append(finding)
                if let split = BimodalityFinder.finding(near: crossing, in: line, runs: context.runs) {
                    findings.append(split)
                }
            }
            return findings + CrossoverFinder.nonMonotoneFindings(series, metric: .mesaOptimizer)
        }
    }

    /// The crossover of the deceptive share along each series.
    package struct DeceptiveCrossovers: SeriesRule {
        package init() {}

        package func findings(along series: [SweepSeries], in context: FindingContext) -> [Finding] {
            CrossoverFinder.findings(series, metric: .deceptive).map(\.finding)
                + CrossoverFinder.nonMonotoneFindings(series, metric: .deceptive)
        }
    }

    /// For a share that crosses one half more than once: where it is at or above one half ("Search
    /// was selected in at least half of the runs only at K = 128 (shares 0, 0, 0.38, 0.75, 0.38
    /// along K = 16–256), so no crossover is stated.").
    package static func nonMonotoneFindings(_ series: [SweepSeries], metric: Metric) -> [Finding] {
        series.compactMap { line in
            guard let estimates = line.estimates(metric),
                  case .nonMonotone(let above) = ShareCrossings(estimates.map(\.mean)) else { return nil }
            let places = above.map { stretch in
                stretch.count == 1 ? line.at(line.values[stretch.lowerBound])
                    : "\(line.name) = \(NumberText.format(line.values[stretch.lowerBound], significant: 6))–\(NumberText.format(line.values[stretch.upperBound], significant: 6))"
            }
            let where_ = places.count == 1 ? places[0] : places.dropLast().joined(separator: ", ") + " and " + places[places.count - 1]
            let shares = estimates.map { NumberText.format($0.mean, significant: 2) }.joined(separator: ", ")
            let subject: String
            switch metric {
            case .mesaOptimizer: subject = "Search was selected in at least half of the runs"
            case .deceptive: subject = "A deceptive model was selected in at least half of the runs"
            default: subject = "\(metric.name) was 1 in at least half of the runs"
            }
            let sentence = "\(subject) only at \(where_): the share goes up and down across one half (\(shares) along \(line.name)), so no crossover is stated."
            return Finding(kind: .crossover, metric: metric.name, axis: line.axis.key, value: nil,
                           slice: line.slice.coordinates.isEmpty ? nil : line.slice,
                           sentence: AxisNames.prefixed(sentence, slice: line.slice))
        }
    }

    /// "Search was selected in at least half of the runs from N ≈ 23 (95% interval 16–32) on."
    static func sentence(metric: Metric, name: String, _ crossing: Crossover) -> String {
        let amount = crossing.isRising ? "at least half" : "fewer than half"
        let subject: String
        switch metric {
        case .mesaOptimizer: subject = "Search was selected in \(amount) of the runs"
        case .deceptive: subject = "A deceptive model (one carrying a detector) was selected in \(amount) of the runs"
        default: subject = "\(metric.name) was 1 in \(amount) of the runs"
        }
        return "\(subject) from \(name) ≈ \(format(crossing.value)) (\(interval(crossing, name: name))) on."
    }

    /// The interval in words, saying when an end is open.
    static func interval(_ crossing: Crossover, name: String) -> String {
        let lo = format(crossing.lo), hi = format(crossing.hi)
        switch (crossing.loIsOpen, crossing.hiIsOpen) {
        case (false, false): return "95% interval \(lo)–\(hi)"
        case (true, false): return "95% interval from \(lo) or below to \(hi); \(lo) is the smallest \(name) swept"
        case (false, true): return "95% interval from \(lo) to \(hi) or above; \(hi) is the largest \(name) swept"
        case (true, true): return "95% interval from \(lo) or below to \(hi) or above: the whole swept range"
        }
    }

    static func format(_ value: Double) -> String { NumberText.format(value, significant: 2) }
}
