import Foundation
import MesaResults

/// N*, where a share crosses one half along a swept axis (docs/statistics.md): from a Firth
/// logistic fit of the share on the axis (on the chart's scale, log₂ for a geometric axis) over
/// every run of the series, with a seeded parametric bootstrap 95% interval (`CrossoverBootstrap`,
/// 4,000 draws of the coefficients from the fit). An end of the interval is open when more than 2.5%
/// of the draws put N*
/// beyond the swept range (or find no crossing); it is then clipped to the range and marked.
///
/// Stated only where the means cross one half once along at least three swept values
/// (`ShareCrossings`): a share that goes up and down across one half gets a sentence saying so
/// instead, and the fit is not asked to summarise it.
public enum CrossoverFinder {
    /// A crossover of one series.
    public struct Crossover: Sendable, Hashable {
        /// N*, where the fitted share crosses one half.
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
        /// Runs the fit used.
        public var runs: Int
        /// Bootstrap draws, and how many gave no N* (a slope of the other sign, or none).
        public var draws: Int
        public var undefinedDraws: Int
    }

    /// The axis N* of search is predicted to rise along.
    static let instancesKey = "environment.instances"

    /// Why a series whose means cross one half gets no N*.
    enum Unread: Sendable, Hashable {
        /// The fit failed, or puts no crossing with an interval inside the swept range.
        case noCrossing
        /// The fitted slope has the other sign than the crossing of the means predicts.
        case wrongSign(slope: Double)
        /// The logistic curve does not describe the shares (deviance test).
        case misfit(GoodnessOfFit)
    }

    /// N* of `metric` along `axis` over `runs` (one series: the other axes fixed), for a share
    /// predicted to rise (`rising`) or fall, or why there is none: the fit fails or puts N* outside
    /// the swept range, its slope has the other sign, or its deviance test rejects it. `seedText`
    /// seeds the bootstrap.
    static func crossover(runs: [RunRecord], metric: Metric, axis: AxisDescription, rising: Bool = true,
                          seedText: String) -> Result<Crossover, UnreadError> {
        let data = TrendData(axis: axis, axes: [])
        let observations = runs.compactMap { run -> TrendObservation? in
            guard let value = run.point[axis.key], let x = data.x(value), let y = run.metrics[metric] else { return nil }
            return TrendObservation(x: x, y: y)
        }
        let seed = SHA256.leadingNumber(SHA256.digest(Array(seedText.utf8)))
        guard let estimate = CrossoverBootstrap.crossover(observations, covariates: [], rising: rising, level: 0.95, seed: seed)
        else { return .failure(UnreadError(reason: .noCrossing, runs: observations.count)) }
        if rising ? estimate.slope < -1e-9 : estimate.slope > 1e-9 {
            return .failure(UnreadError(reason: .wrongSign(slope: estimate.slope), runs: observations.count))
        }
        if let test = estimate.goodnessOfFit, !test.passes {
            return .failure(UnreadError(reason: .misfit(test), runs: observations.count))
        }
        guard case .inside(let x) = estimate.location else {
            return .failure(UnreadError(reason: .noCrossing, runs: observations.count))
        }
        let range = estimate.xRange
        let interval = estimate.bootstrap.interval
        let loIsOpen = !interval.lower.isFinite || interval.lower <= range.lowerBound
        let hiIsOpen = !interval.upper.isFinite || interval.upper >= range.upperBound
        let lo = loIsOpen ? range.lowerBound : interval.lower
        let hi = hiIsOpen ? range.upperBound : interval.upper
        return .success(Crossover(value: data.value(ofX: x), lo: data.value(ofX: min(lo, x)), hi: data.value(ofX: max(hi, x)),
                                  loIsOpen: loIsOpen, hiIsOpen: hiIsOpen, isRising: estimate.slope > 0,
                                  runs: observations.count, draws: estimate.bootstrap.replicates.count,
                                  undefinedDraws: estimate.bootstrap.undefinedCount))
    }

    /// `Unread` with the runs the fit used, as an `Error` for `Result`.
    struct UnreadError: Error, Hashable {
        var reason: Unread
        var runs: Int
    }

    /// Crossover findings for `metric` along every series that crosses one half once, along at
    /// least three swept values (`ShareCrossings`). Where the fit gives no N* — none inside the
    /// swept range, a slope of the other sign, or a curve that does not fit — the finding says so
    /// (with no value) instead of staying silent.
    package static func findings(_ series: [SweepSeries], metric: Metric, context: FindingContext)
        -> [(finding: Finding, series: SweepSeries, crossover: Crossover?)] {
        series.compactMap { line in
            guard let estimates = line.estimates(metric), case .single(let meansRise) = ShareCrossings(estimates.map(\.mean)) else {
                return nil
            }
            let members = context.runs.filter { run in
                line.slice.coordinates.allSatisfy { run.point[$0.key] == $0.value } && run.point[line.axis.key] != nil
            }
            let seedText = "\(context.results.slug)\n\(metric.name)\n\(line.axis.key)\n\(AxisNames.describe(line.slice))"
            // N* of search along N is where its share rises through one half (the argument's
            // prediction); along another axis, and for a deceptive share, the crossing is read in
            // the direction the means cross.
            let rising = metric == .mesaOptimizer && line.axis.key == Self.instancesKey ? true : meansRise
            switch crossover(runs: members, metric: metric, axis: line.axis, rising: rising, seedText: seedText) {
            case .failure(let unread):
                let sentence = unfittedSentence(metric: metric, line: line, means: estimates.map(\.mean), unread: unread)
                let finding = Finding(kind: .crossover, metric: metric.name, axis: line.axis.key, value: nil,
                                      slice: line.slice.coordinates.isEmpty ? nil : line.slice,
                                      sentence: line.prefixed(sentence))
                return (finding, line, nil)
            case .success(let crossing):
                let sentence = line.prefixed(sentence(metric: metric, name: line.name, crossing,
                                                      scale: TrendData(axis: line.axis, axes: []).scale))
                let finding = Finding(kind: .crossover, metric: metric.name, axis: line.axis.key, value: crossing.value,
                                      lo: crossing.lo, hi: crossing.hi,
                                      slice: line.slice.coordinates.isEmpty ? nil : line.slice, sentence: sentence)
                return (finding, line, crossing)
            }
        }
    }

    /// The crossover of the mesa-optimizer share along each series, each followed by the
    /// bimodality check at the swept point nearest it.
    package struct MesaCrossovers: SeriesRule {
        package init() {}

        package func findings(along series: [SweepSeries], in context: FindingContext) -> [Finding] {
            var findings: [Finding] = []
            for (finding, line, crossing) in CrossoverFinder.findings(series, metric: .mesaOptimizer, context: context) {
                findings.append(finding)
                if let crossing, let split = BimodalityFinder.finding(near: crossing, in: line, runs: context.runs) {
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
            CrossoverFinder.findings(series, metric: .deceptive, context: context).map(\.finding)
                + CrossoverFinder.nonMonotoneFindings(series, metric: .deceptive)
        }
    }

    /// For a share that crosses one half more than once: where it is at or above one half ("Search
    /// was selected in at least half of the runs only at K = 128 (shares 0, 0, 0.38, 0.75, 0.38
    /// along K), so no crossover is stated.").
    package static func nonMonotoneFindings(_ series: [SweepSeries], metric: Metric) -> [Finding] {
        series.compactMap { line in
            guard let estimates = line.estimates(metric),
                  case .nonMonotone(let above) = ShareCrossings(estimates.map(\.mean)) else { return nil }
            let places = above.map { stretch in
                stretch.count == 1 ? line.at(line.values[stretch.lowerBound])
                    : line.range(line.values[stretch.lowerBound], line.values[stretch.upperBound])
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
                           sentence: line.prefixed(sentence))
        }
    }

    /// "The share of runs selecting search crosses one half once along N, between N = 4 and 8
    /// (means 0.33 and 0.71), but the Firth logistic fit over 48 runs gives no crossing with an
    /// interval inside the swept range, so no N* is stated." — or says that the fitted share falls,
    /// or that the logistic curve does not fit (the share is not monotone).
    static func unfittedSentence(metric: Metric, line: SweepSeries, means: [Double], unread: UnreadError) -> String {
        let after = means.indices.dropFirst().first { (means[$0] >= 0.5) != (means[$0 - 1] >= 0.5) } ?? 1
        let subject: String
        switch metric {
        case .mesaOptimizer: subject = "The share of runs selecting search"
        case .deceptive: subject = "The share of runs carrying a detector"
        default: subject = "The share of runs with \(metric.name) = 1"
        }
        let crossing = "\(subject) crosses one half once along \(line.name), between \(line.at(line.values[after - 1])) and "
            + "\(NumberText.format(line.values[after], significant: 6)) (means \(NumberText.format(means[after - 1], significant: 2)) "
            + "and \(NumberText.format(means[after], significant: 2)))"
        let fit = "the Firth logistic fit over \(unread.runs) runs"
        switch unread.reason {
        case .noCrossing:
            return crossing + ", but \(fit) gives no crossing with an interval inside the swept range, so no \(line.name)* is stated."
        case .wrongSign(let slope):
            return crossing + ", but in \(fit) the share \(slope < 0 ? "falls" : "rises") along \(line.name) (slope "
                + "\(VerdictText.signed(slope)) log-odds per unit of \(TrendData(axis: line.axis, axes: []).scale)), so the crossing is no \(line.name)* of a share "
                + "that \(slope < 0 ? "rises" : "falls"), and none is stated."
        case .misfit(let test):
            let rises = zip(means, means.dropFirst()).allSatisfy { $0 <= $1 }
            let falls = zip(means, means.dropFirst()).allSatisfy { $0 >= $1 }
            let shape = rises || falls ? "the shares do not follow a logistic curve along \(line.name)"
                : "the share is not monotone along \(line.name)"
            return crossing + ", but \(shape): \(fit) does not describe them (deviance "
                + "\(VerdictText.number(test.deviance)) on \(test.degreesOfFreedom) df, p = \(VerdictText.number(test.pValue))), "
                + "so no \(line.name)* is stated."
        }
    }

    /// "Search was selected in at least half of the runs from N* ≈ 23 on (95% bootstrap interval
    /// 16–32; a Firth logistic fit on log₂ N over 48 runs)."
    static func sentence(metric: Metric, name: String, _ crossing: Crossover, scale: String) -> String {
        let amount = crossing.isRising ? "at least half" : "fewer than half"
        let subject: String
        switch metric {
        case .mesaOptimizer: subject = "Search was selected in \(amount) of the runs"
        case .deceptive: subject = "A deceptive model (one carrying a detector) was selected in \(amount) of the runs"
        default: subject = "\(metric.name) was 1 in \(amount) of the runs"
        }
        let undefined = crossing.undefinedDraws > 0
            ? "; \(crossing.undefinedDraws) of \(crossing.draws) draws give no crossing and widen both ends" : ""
        return "\(subject) from \(name)* ≈ \(format(crossing.value)) on (\(interval(crossing, name: name)); the fitted share crosses one half there, in a Firth logistic fit on \(scale) over \(crossing.runs) runs\(undefined))."
    }

    /// The interval in words, saying when an end is open.
    static func interval(_ crossing: Crossover, name: String) -> String {
        let lo = format(crossing.lo), hi = format(crossing.hi)
        switch (crossing.loIsOpen, crossing.hiIsOpen) {
        case (false, false): return "95% bootstrap interval \(lo)–\(hi)"
        case (true, false): return "95% bootstrap interval from \(lo) or below to \(hi); \(lo) is the smallest \(name) swept"
        case (false, true): return "95% bootstrap interval from \(lo) to \(hi) or above; \(hi) is the largest \(name) swept"
        case (true, true): return "95% bootstrap interval from \(lo) or below to \(hi) or above: the whole swept range"
        }
    }

    static func format(_ value: Double) -> String { NumberText.format(value, significant: 2) }
}
