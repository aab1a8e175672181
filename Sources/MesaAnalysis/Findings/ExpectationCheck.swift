import MesaResults

/// Checks the predictions of a scenario's `expect` block against the point summaries, and
/// says in one sentence per prediction whether the runs show it (`holds`), contradict it
/// (`fails`) or cannot tell (`unclear`). Only separated 95% intervals count either way:
///
/// - trend (`M rises along A`): per slice of the other axes, the estimate at A's last value
///   against its first (numeric axes in increasing order, word axes as listed). Holds where
///   the intervals are apart in the predicted direction, fails where they are apart the other
///   way, unclear where they overlap; the prediction holds when every slice holds and fails
///   when any slice fails.
/// - level (`M at_most v`): per matching point, holds when the mean is within the bound,
///   fails when the whole interval is beyond it, unclear otherwise; combined the same way.
/// - crossover (`crossover A rises along B`): per slice of the axes other than A and B, N*
///   (the A value where the share of runs selecting search first reaches one half, with the
///   interval of `CrossoverFinder`; open ends unbounded, a share never reaching one half puts
///   N* above the swept range, one at or above it throughout puts it at or below) at B's last
///   value against its first, compared like a trend.
///
/// O(expectations · points).
package struct ExpectationCheck: FindingRule {
    package init() {}

    package func findings(in context: FindingContext) -> [Finding] {
        context.results.predictions.map { Self.finding($0, summary: context.summary, axes: context.axes) }
    }

    static func finding(_ expectation: Prediction, summary: [PointSummary], axes: [AxisDescription]) -> Finding {
        let points = summary.filter { matches($0.point, expectation.filters) }
        let at = expectation.filters.isEmpty ? "" : " at " + AxisNames.describe(filterPoint(expectation.filters))
        switch expectation.claim {
        case let .trend(metric, direction, axisKey):
            let checks = slices(points, along: axisKey, axes: axes).map { slice in
                compare(direction: direction, slice: slice) { $0.first?.metrics[metric].map(Interval.init) }
            }
            let prediction = "\(metric.definition.phrase) \(direction.rawValue) along \(AxisNames.short(axisKey))\(at)"
            return assemble(prediction: prediction, checks: checks, kind: .slices, metric: metric.name, axis: axisKey,
                            does: ("it does", "it does not"))
        case let .level(metric, bound, value):
            let checks = points.map { level(metric: metric, bound: bound, value: value, at: $0) }
            let limit = "\(bound == .atMost ? "at most" : "at least") \(number(value))"
            let prediction = "\(metric.definition.phrase) is \(limit)\(at.isEmpty ? " at every point" : at)"
            var finding = assemble(prediction: prediction, checks: checks, kind: .points, metric: metric.name, axis: "",
                                   does: ("it is", "it is not"))
            if points.count == 1, let estimate = points[0].metrics[metric] {
                (finding.value, finding.lo, finding.hi) = (estimate.mean, estimate.lo, estimate.hi)
            }
            return finding
        case let .crossover(axisKey, direction, along):
            let name = AxisNames.short(axisKey)
            let others = axes.filter { $0.key != axisKey }
            let checks = slices(points, along: along, axes: others).map { slice in
                compare(direction: direction, slice: slice) {
                    crossover(of: $0, along: axisKey, axes: axes)
                }
            }
            let prediction = "\(name)*, the \(name) from which search is selected in at least half of the runs, \(direction.rawValue) along \(AxisNames.short(along))\(at)"
            return assemble(prediction: prediction, checks: checks, kind: .slices, metric: Metric.mesaOptimizer.name, axis: axisKey,
                            does: ("it does", "it does not"))
        }
    }

    // MARK: - Verdicts

    /// One slice's or one point's verdict, with its numbers in words.
    struct Check {
        var verdict: Verdict
        var detail: String
    }

    /// An estimate or an N*, as a value with an interval whose ends may be unbounded.
    struct Interval {
        var text: String
        var lo: Double
        var hi: Double

        init(text: String, lo: Double, hi: Double) {
            (self.text, self.lo, self.hi) = (text, lo, hi)
        }

        init(_ estimate: Estimate) {
            self.init(text: "\(number(estimate.mean)) (95% interval \(NumberText.range(estimate.lo, estimate.hi, significant: 3)))",
                      lo: estimate.lo, hi: estimate.hi)
        }
    }

    /// The slice's first and last value compared: holds when the intervals are apart in the
    /// predicted direction.
    static func compare(direction: Prediction.Direction, slice: Slice, measure: ([PointSummary]) -> Interval?) -> Check
    {
        let firstValue = slice.values[0], lastValue = slice.values[slice.values.count - 1]
        let prefix = slice.prefix
        guard slice.values.count >= 2 else {
            return Check(verdict: .unclear, detail: "\(prefix)only \(slice.at(firstValue)) was run")
        }
        guard let first = measure(slice.points[0]), let last = measure(slice.points[slice.points.count - 1]) else {
            return Check(verdict: .unclear, detail: "\(prefix)no estimate at \(slice.at(firstValue)) or \(slice.at(lastValue))")
        }
        let detail = "\(prefix)\(first.text) at \(slice.at(firstValue)) against \(last.text) at \(slice.at(lastValue))"
        let rose = first.hi < last.lo, fell = last.hi < first.lo
        let verdict: Verdict
        switch direction {
        case .rises: verdict = rose ? .holds : fell ? .fails : .unclear
        case .falls: verdict = fell ? .holds : rose ? .fails : .unclear
        }
        return Check(verdict: verdict, detail: detail)
    }

    static let tolerance = 1e-9

    static func level(metric: Metric, bound: Prediction.Bound, value: Double, at point: PointSummary) -> Check {
        let place = AxisNames.describe(point.point)
        guard let estimate = point.metrics[metric] else {
            return Check(verdict: .unclear, detail: "no estimate at \(place)")
        }
        let within = bound == .atMost ? estimate.mean <= value + tolerance : estimate.mean >= value - tolerance
        let beyond = bound == .atMost ? estimate.lo > value + tolerance : estimate.hi < value - tolerance
        return Check(verdict: within ? .holds : beyond ? .fails : .unclear,
                     detail: "\(Interval(estimate).text) at \(place) (\(point.n) \(point.n == 1 ? "run" : "runs"))")
    }

    /// The sentence: the prediction, the verdict, and the numbers behind it — every check when
    /// there are few, else those that did not hold.
    enum Unit { case points, slices }

    static func assemble(prediction: String, checks: [Check], kind: Unit, metric: String, axis: String,
                         does: (yes: String, no: String)) -> Finding
    {
        let held = checks.filter { $0.verdict == .holds }.count
        let failed = checks.filter { $0.verdict == .fails }.count
        let verdict: Verdict = checks.isEmpty ? .unclear : failed > 0 ? .fails : held == checks.count ? .holds : .unclear
        var clause: String
        switch verdict {
        case .holds: clause = does.yes
        case .fails: clause = does.no
        case .unclear: clause = checks.isEmpty ? "no run matches it" : "the runs cannot tell"
        }
        if checks.count > 1 {
            let unit = kind == .points ? "points" : "slices", where_ = kind == .points ? "at" : "in"
            switch verdict {
            case .holds: clause += " \(where_) all \(checks.count) \(unit)"
            case .fails:
                clause += " (contradicted \(where_) \(failed) of \(checks.count) \(unit)"
                    + (held > 0 ? ", shown \(where_) \(held))" : ")")
            case .unclear:
                clause += held > 0
                    ? " (shown \(where_) \(held) of \(checks.count) \(unit), contradicted \(where_) none)"
                    : " (neither shown nor contradicted \(where_) any of the \(checks.count) \(unit))"
            }
        }
        let shown = checks.count <= 4 ? checks : checks.filter { $0.verdict != .holds }
        let details = shown.map(\.detail)
        var sentence = "Predicted: \(prediction). Checked: \(clause)"
        sentence += details.isEmpty ? "." : ": " + details.joined(separator: "; ") + "."
        return Finding(kind: .expectation, metric: metric, axis: axis, value: nil, sentence: sentence,
                       verdict: verdict)
    }

    // MARK: - Slices

    /// The points of one combination of the axes other than `along`, ordered along it.
    struct Slice {
        var axis: String
        var coordinates: Point
        var values: [PointValue]
        /// The points at each value (several when other axes vary within the slice).
        var points: [[PointSummary]]

        var prefix: String {
            coordinates.coordinates.isEmpty ? "" : "at \(AxisNames.describe(coordinates)), "
        }

        func at(_ value: PointValue) -> String {
            "\(AxisNames.short(axis)) = \(AxisNames.text(value))"
        }
    }

    /// `points` split by the values of every axis in `axes` except `along`, each slice ordered
    /// along `along` (numbers increasing, words as the axis lists them). Slices in order of first
    /// appearance.
    static func slices(_ points: [PointSummary], along: String, axes: [AxisDescription]) -> [Slice] {
        guard let axis = axes.first(where: { $0.key == along }) else { return [] }
        let others = axes.map(\.key).filter { $0 != along }
        let order = axis.values.allSatisfy { $0.number != nil }
            ? axis.values.sorted { $0.number! < $1.number! }
            : axis.values
        var sliceOrder: [Point] = []
        var bySlice: [Point: [PointSummary]] = [:]
        for summary in points {
            let key = Point(others.compactMap { k in summary.point[k].map { Point.Coordinate(key: k, value: $0) } })
            if bySlice[key] == nil { sliceOrder.append(key) }
            bySlice[key, default: []].append(summary)
        }
        return sliceOrder.map { key in
            let members = bySlice[key]!
            let present = order.filter { value in members.contains { $0.point[along] == value } }
            return Slice(axis: along, coordinates: key, values: present,
                         points: present.map { value in members.filter { $0.point[along] == value } })
        }
    }

    /// N* of the points of one value of the compared axis: they form one series along `axisKey`.
    static func crossover(of points: [PointSummary], along axisKey: String, axes: [AxisDescription]) -> Interval? {
        guard let axis = axes.first(where: { $0.key == axisKey }) else { return nil }
        let series = points.compactMap { p -> (Double, Estimate)? in
            guard let x = p.point[axisKey]?.number, let e = p.metrics[.mesaOptimizer] else { return nil }
            return (x, e)
        }.sorted { $0.0 < $1.0 }
        guard series.count >= ShareCrossings.minimumValues else { return nil }
        let xs = series.map(\.0), estimates = series.map(\.1)
        if case .nonMonotone = ShareCrossings(estimates.map(\.mean)) { return nil }
        let name = "\(AxisNames.short(axisKey))*"
        let logarithmic = axis.geometric && xs.allSatisfy { $0 > 0 }
        if let c = CrossoverFinder.crossover(xs: xs, estimates: estimates, logarithmic: logarithmic) {
            let interval = CrossoverFinder.interval(c, name: AxisNames.short(axisKey))
            return Interval(text: "\(name) ≈ \(CrossoverFinder.format(c.value)) (\(interval))",
                            lo: c.loIsOpen ? -.infinity : c.lo, hi: c.hiIsOpen ? .infinity : c.hi)
        }
        let (low, high) = (xs[0], xs[xs.count - 1])
        if estimates.allSatisfy({ $0.mean >= 0.5 }) {
            return Interval(text: "\(name) at or below \(number(low)) (search in at least half of the runs throughout)",
                            lo: -.infinity, hi: low)
        }
        return Interval(text: "\(name) above \(number(high)) (search in fewer than half of the runs throughout)",
                        lo: high, hi: .infinity)
    }

    // MARK: - Words

    static func matches(_ point: Point, _ filters: [Prediction.Filter]) -> Bool {
        filters.allSatisfy { filter in point[filter.axis].map { $0.text == filter.value } ?? false }
    }

    static func filterPoint(_ filters: [Prediction.Filter]) -> Point {
        Point(filters.map { filter in
            Point.Coordinate(key: filter.axis, value: Double(filter.value).map(PointValue.number) ?? .text(filter.value))
        })
    }

    static func number(_ value: Double) -> String { NumberText.format(value, significant: 3) }
}
