import Foundation
import MesaResults
import MesaScenario

/// The `expect` block: one prediction per statement, checked against the sweep's axes once
/// every settings block has been read (the block may come before the settings it names).
///
/// ```
/// METRIC (rises | falls) along AXIS  [at AXIS VALUE (, AXIS VALUE)*]
/// METRIC (at_most | at_least) NUMBER [at AXIS VALUE (, AXIS VALUE)*]
/// crossover AXIS (rises | falls) along AXIS [at …]
/// ```
/// AXIS is a swept key's name (`instances`, `parameters`, `optimizer`); where the environment
/// and the deployment both sweep it, the environment's is meant.
extension Validator {
    static let expectationBlock = "expect"

    /// Every block name the language accepts, for diagnostics.
    static var blockNames: [String] { SettingCatalog.blocks + [expectationBlock] }

    /// The block's well-formed expectations; what is wrong with the others is reported.
    mutating func checkExpectations(_ block: BlockSyntax) -> [Prediction] {
        var expectations: [Prediction] = []
        for statement in block.statements where !statement.isMalformed {
            reportedOffsets = []
            if let expectation = expectation(statement) { expectations.append(expectation) }
        }
        return expectations
    }

    private mutating func expectation(_ statement: StatementSyntax) -> Prediction? {
        let metric = statement.key
        let metrics = Metric.summarized.map(\.name)
        if let perRun = Metric(name: metric), !perRun.definition.isSummarized {
            report("'\(metric)' is a metric, but an expectation cannot use it: it is kept for each run (\(perRun.definition.presence.rawValue)), not summarised at each point, and an expectation tests a point's summary",
                   at: statement.keyRange,
                   notes: [Diagnostic.Note("`mesascope metrics` says which metrics an expectation may name; results.csv has '\(metric)' for every run that records it")])
            return nil
        }
        guard metric == Prediction.crossoverKey || metrics.contains(metric) else {
            report("unknown metric '\(metric)' in an expectation", at: statement.keyRange,
                   notes: Suggestion.note(for: metric, among: metrics + [Prediction.crossoverKey])
                       + [Diagnostic.Note("an expectation names a metric (\(metrics.prefix(4).joined(separator: ", ")), …) or 'crossover'")])
            return nil
        }
        var groups: [[ScalarSyntax]] = []
        for group in statement.groups {
            var scalars: [ScalarSyntax] = []
            for value in group {
                guard case .scalar(let scalar) = value else {
                    report("an expectation takes single values, not a list or a range", at: value.range,
                           notes: [Diagnostic.Note("write one expectation per value, e.g. 'at instances 1'")])
                    return nil
                }
                scalars.append(scalar)
            }
            groups.append(scalars)
        }
        guard !groups.isEmpty, !groups[0].isEmpty else {
            report("expected a claim after '\(metric)'", at: statement.keyRange,
                   notes: [Diagnostic.Note("e.g. '\(metric) rises along instances' or '\(metric) at_most 0.2'")])
            return nil
        }
        var words = ExpectationWords(groups[0], end: statement.valuesRange)
        let claim: Prediction.Claim
        if metric == Prediction.crossoverKey {
            guard let axis = sweptAxis(words.next(), role: "the axis N* lies on", end: words.lastRange),
                  let direction = direction(words.next(), end: words.lastRange),
                  keyword("along", words.next(), after: "'\(direction.rawValue)'", end: words.lastRange),
                  let along = sweptAxis(words.next(), role: "the axis N* is compared along", end: words.lastRange)
            else { return nil }
            guard axis.isNumeric else {
                report("N* lies on a numeric axis; '\(axis.setting.key.name)' takes words", at: axis.range)
                return nil
            }
            guard axis.setting.key.qualifiedName != along.setting.key.qualifiedName else {
                report("a crossover is compared along a different axis than the one it lies on", at: along.range)
                return nil
            }
            claim = .crossover(axis: axis.setting.key.qualifiedName, direction: direction,
                               along: along.setting.key.qualifiedName)
        } else {
            let word = words.next()
            if let name = word?.word, let direction = Prediction.Direction(rawValue: name) {
                guard keyword("along", words.next(), after: "'\(direction.rawValue)'", end: words.lastRange),
                      let axis = sweptAxis(words.next(), role: "the axis the trend runs along", end: words.lastRange)
                else { return nil }
                claim = .trend(metric: Metric(name: metric)!, direction: direction, axis: axis.setting.key.qualifiedName)
            } else if let name = word?.word, let bound = Prediction.Bound(rawValue: name) {
                guard let value = words.next() else {
                    report("expected a number after '\(bound.rawValue)'", at: words.lastRange)
                    return nil
                }
                guard let number = number(value, named: bound.rawValue, expected: "a number") else { return nil }
                claim = .level(metric: Metric(name: metric)!, bound: bound, value: number)
            } else {
                report("expected 'rises', 'falls', 'at_most' or 'at_least' after '\(metric)'",
                       at: word?.range ?? words.lastRange)
                return nil
            }
        }
        // `by at_least V`: the equivalence margin of a trend or a crossover.
        var margin: Double?
        var next = words.next()
        if let by = next, by.word == "by" {
            if case .level = claim {
                report("a level has no margin: 'by' belongs to 'rises' and 'falls'", at: by.range,
                       notes: [Diagnostic.Note("the bound itself says how much counts, e.g. 'at_most 0.05'")])
                return nil
            }
            guard let value = marginValue(&words) else { return nil }
            margin = value
            next = words.next()
        }
        return finish(claim: claim, margin: margin, next: next, words: &words, groups: groups, statement: statement)
    }

    /// `at_least V` after `by`: a positive number.
    private mutating func marginValue(_ words: inout ExpectationWords) -> Double? {
        let word = words.next()
        if let word, word.word != "at_least", source.text(of: word.range).hasPrefix("at_least") {
            // `at_least -1` reads as one expression, at_least − 1.
            report("the margin must be positive, not \(source.text(of: word.range).dropFirst("at_least".count).trimmingCharacters(in: .whitespaces))",
                   at: word.range, notes: [Diagnostic.Note("it is the smallest change that counts as an effect")])
            return nil
        }
        guard keyword("at_least", word, after: "'by'", end: words.lastRange) else { return nil }
        guard let value = words.next() else {
            report("expected a number after 'at_least'", at: words.lastRange)
            return nil
        }
        guard let number = number(value, named: "the margin", expected: "a positive number") else { return nil }
        guard number > 0 else {
            report("the margin must be positive, not \(Expression.format(number))", at: value.range,
                   notes: [Diagnostic.Note("it is the smallest change that counts as an effect")])
            return nil
        }
        return number
    }

    /// The filters after the claim, and the checks that need the whole statement.
    private mutating func finish(claim: Prediction.Claim, margin: Double?, next: ScalarSyntax?,
                                 words: inout ExpectationWords, groups: [[ScalarSyntax]],
                                 statement: StatementSyntax) -> Prediction? {
        // Filters: `at AXIS VALUE…` ends the first group; each further group is `AXIS VALUE…`.
        var filterGroups: [ExpectationWords] = []
        if let next {
            guard keyword("at", next, after: "the claim", end: next.range) else { return nil }
            filterGroups.append(words)
        }
        if groups.count > 1 {
            guard !filterGroups.isEmpty else {
                report("a comma in an expectation separates the axes after 'at'",
                       at: groups[1].first?.range ?? statement.valuesRange)
                return nil
            }
            filterGroups += groups.dropFirst().map { ExpectationWords($0, end: statement.valuesRange) }
        }
        var filters: [Prediction.Filter] = []
        for var group in filterGroups {
            guard let filter = filter(&group) else { return nil }
            filters.append(filter)
        }
        if case let .trend(metric, _, _) = claim, margin == nil, metric.definition.defaultMargin == nil {
            report("'\(metric.name)' has no bounds, so a trend on it needs its margin: add 'by at_least …'",
                   at: statement.valuesRange,
                   notes: [Diagnostic.Note("the margin is the smallest change across the swept range that counts as an effect; with it, a flat curve can be shown not to hold (docs/statistics.md)")])
            return nil
        }
        if case let .level(metric, bound, value) = claim, let unsatisfiable = unsatisfiableBound(metric, bound, value) {
            report(unsatisfiable.message, at: statement.valuesRange, notes: [Diagnostic.Note(unsatisfiable.note)])
            return nil
        }
        if case let .level(metric, bound, value) = claim,
           let undecidable = undecidableShare(metric, bound, value) ?? undecidableFraction(metric, bound, value) {
            diagnostics.warning(undecidable.message, at: statement.valuesRange, notes: [Diagnostic.Note(undecidable.note)])
        }
        return Prediction(claim: claim, filters: filters, text: source.text(of: statement.keyRange) + " "
                           + source.text(of: statement.valuesRange), margin: margin)
    }

    /// A share level the planned runs can never show (issue 21 item 10): even the most favourable
    /// outcome at the last look — 0 of n runs for `at_most`, n of n for `at_least` — gives a
    /// Clopper–Pearson interval at the verdicts' level that reaches the bound, so the prediction can
    /// at best be "not shown". Says how many seeds a point needs.
    private func undecidableShare(_ metric: Metric, _ bound: Prediction.Bound, _ value: Double)
        -> (message: String, note: String)? {
        guard metric.definition.isFlag, value > 0, value < 1 else { return nil }
        let (runs, looks) = seedsPerPoint
        let alpha = 0.05 / Double(looks)
        // 0 of n: upper end 1 − (α/2)^(1/n); n of n mirrors it.
        let reach = 1 - pow(alpha / 2, 1 / Double(runs))
        let distance = bound == .atMost ? value : 1 - value
        guard reach >= distance else { return nil }
        let needed = Int((log(alpha / 2) / log(1 - distance)).rounded(.down)) + 1
        let word = bound == .atMost ? "at_most" : "at_least"
        let best = bound == .atMost ? "0 of \(runs)" : "\(runs) of \(runs)"
        let end = bound == .atMost ? "upper end \(Expression.format((reach * 100).rounded(.up) / 100))"
            : "lower end \(Expression.format(((1 - reach) * 100).rounded(.down) / 100))"
        let level = Expression.format((1 - alpha) * 100)
        return ("'\(word) \(Expression.format(value))' can never hold with \(runs) runs a point: even \(best) gives a \(level)% Clopper–Pearson \(end)",
                "a point needs at least \(needed) seeds (e.g. 'seeds \(needed)'), or a bound the runs can show")
    }

    /// Seeds per point at the last look, and the number of looks (for the verdicts' level).
    var seedsPerPoint: (cap: Int, looks: Int) {
        if let seedSchedule { return (seedSchedule.cap, seedSchedule.looks.count) }
        let written = settings.first { $0.key.qualifiedName == Self.seedsKey }?.values.first?.number
        return (written.map { Int($0) } ?? TrainingSpec().seeds, 1)
    }

    /// A level at the very end of the metric's range can never hold: a 95% interval never lies
    /// wholly beyond it (0 of n runs still gives an upper end above 0).
    private func unsatisfiableBound(_ metric: Metric, _ bound: Prediction.Bound, _ value: Double)
        -> (message: String, note: String)? {
        let range = metric.definition.bounds.range
        let edge = bound == .atMost ? range.lowerBound : range.upperBound
        let beyond = bound == .atMost ? value <= edge : value >= edge
        guard edge.isFinite, beyond else { return nil }
        let word = bound == .atMost ? "at_most" : "at_least"
        let message = "'\(word) \(Expression.format(value))' can never hold: the interval of \(metric.name) never lies wholly \(bound == .atMost ? "below" : "above") \(Expression.format(edge))"
        guard metric.definition.valueType == .flag else {
            return (message, "write the \(bound == .atMost ? "largest" : "smallest") value that still counts, e.g. '\(word) \(Expression.format(bound == .atMost ? edge + 0.05 : edge - 0.05))'")
        }
        // The smallest share n runs can show from 0 of n: the Clopper–Pearson upper end
        // 1 − (α/2)^(1/n) at the verdicts' level.
        let runs = seedsPerPoint.cap
        let alpha = 0.05 / Double(seedsPerPoint.looks)
        let smallest = ((1 - pow(alpha / 2, 1 / Double(runs))) * 100).rounded(.up) / 100
        let suggested = bound == .atMost ? smallest : 1 - smallest
        let what = bound == .atMost ? "the largest share that still counts as none" : "the smallest share that still counts as all"
        return (message, "write \(what), e.g. '\(word) \(Expression.format(suggested))': with \(runs) runs at a point that is the tightest bound the runs can show")
    }

    /// The same for a metric in [0, 1] that is not a share, whose levels are decided by the betting
    /// confidence sequence at 95% (whatever the looks): the best outcome is every run at 0 (for
    /// `at_most`) or at 1 (for `at_least`, the mirror image).
    private func undecidableFraction(_ metric: Metric, _ bound: Prediction.Bound, _ value: Double)
        -> (message: String, note: String)? {
        guard metric.definition.isUnitFraction, value > 0, value < 1 else { return nil }
        let runs = seedsPerPoint.cap
        let distance = bound == .atMost ? value : 1 - value
        let horizon = max(runs, 4096)
        guard let uppers = BettingConfidenceSequence.sequence([Double](repeating: 0, count: horizon), level: 0.95)?
            .map(\.upper), uppers[runs - 1] >= distance else { return nil }
        let word = bound == .atMost ? "at_most" : "at_least"
        let best = bound == .atMost ? "all \(runs) at 0" : "all \(runs) at 1"
        // The sequence lives on a grid of 0.001.
        let reach = (uppers[runs - 1] * 1000).rounded() / 1000
        let end = bound == .atMost ? "upper end \(Expression.format(reach))" : "lower end \(Expression.format((1000 - reach * 1000).rounded() / 1000))"
        let needed = uppers.firstIndex { $0 < distance }.map { "at least \($0 + 1) seeds (e.g. 'seeds \($0 + 1)')" }
            ?? "more than \(horizon) seeds"
        return ("'\(word) \(Expression.format(value))' can never hold with \(runs) runs a point: even \(best) gives a 95% betting confidence sequence with \(end)",
                "a point needs \(needed), or a bound the runs can show")
    }

    /// `AXIS VALUE…`: the axis and its value's text, which must be one of the axis's values.
    private mutating func filter(_ words: inout ExpectationWords) -> Prediction.Filter? {
        guard let axis = sweptAxis(words.next(), role: "the axis of the point", end: words.lastRange) else { return nil }
        guard let first = words.next() else {
            report("expected one of the values of '\(axis.setting.key.name)' after it", at: words.lastRange)
            return nil
        }
        var parts = [first]
        while let more = words.next() { parts.append(more) }
        var texts: [String] = []
        for part in parts {
            guard let text = valueText(part, axis: axis.setting.key.name) else { return nil }
            texts.append(text)
        }
        let text = texts.joined(separator: " ")
        let values = axis.setting.values.map(\.text)
        guard values.contains(text) else {
            let range = SourceRange(start: first.range.start, end: parts[parts.count - 1].range.end)
            report("'\(axis.setting.key.name)' is not swept at \(text)", at: range,
                   notes: [Diagnostic.Note("its values are \(values.joined(separator: ", "))")])
            return nil
        }
        return Prediction.Filter(axis: axis.setting.key.qualifiedName, value: text)
    }

    private struct AxisReference {
        var setting: CheckedSetting
        var range: SourceRange
        var isNumeric: Bool { setting.values.allSatisfy { $0.number != nil } }
    }

    /// The swept setting a word names: the environment's when several blocks sweep that key.
    private mutating func sweptAxis(_ scalar: ScalarSyntax?, role: String, end: SourceRange) -> AxisReference? {
        let swept = settings.filter { $0.isSwept && $0.key.block != "analytic" }
        guard let scalar, let name = scalar.word else {
            report("expected the name of a swept setting (\(role))", at: scalar?.range ?? end,
                   notes: sweptNote(swept))
            return nil
        }
        let matches = swept.filter { $0.key.name == name }
        guard let match = matches.first(where: { $0.key.block == "environment" }) ?? matches.first else {
            // A setting whose own values were refused has its error already: say nothing more.
            if !failedSettings.contains(where: { $0.hasSuffix(".\(name)") }) {
                report("'\(name)' is not a swept setting of this scenario", at: scalar.range, notes: sweptNote(swept))
            }
            return nil
        }
        return AxisReference(setting: match, range: scalar.range)
    }

    private func sweptNote(_ swept: [CheckedSetting]) -> [Diagnostic.Note] {
        guard !swept.isEmpty else {
            return [Diagnostic.Note("nothing is swept: an expectation compares the values of a swept setting")]
        }
        return [Diagnostic.Note("the swept settings are \(swept.map(\.key.name).joined(separator: ", "))")]
    }

    private mutating func direction(_ scalar: ScalarSyntax?, end: SourceRange) -> Prediction.Direction? {
        guard let scalar, let word = scalar.word, let direction = Prediction.Direction(rawValue: word) else {
            report("expected 'rises' or 'falls'", at: scalar?.range ?? end)
            return nil
        }
        return direction
    }

    private mutating func keyword(_ keyword: String, _ scalar: ScalarSyntax?, after: String, end: SourceRange) -> Bool {
        guard let scalar, scalar.word == keyword else {
            report("expected '\(keyword)' after \(after)", at: scalar?.range ?? end)
            return false
        }
        return true
    }

    /// A value as `SettingValue.text` writes it: constant arithmetic evaluated (`2^7` is `128`),
    /// words and sizes as written; nil after reporting an expression that is not constant.
    private mutating func valueText(_ scalar: ScalarSyntax, axis: String) -> String? {
        if let word = scalar.word { return word }
        switch scalar.kind {
        case .string(let string): return string
        case let .size(width, height): return "\(Expression.format(width)) x \(Expression.format(height))"
        case .expression: return number(scalar, named: axis, expected: "one of its values").map(Expression.format)
        }
    }
}

/// The scalars of one comma group, read left to right.
struct ExpectationWords {
    private var scalars: ArraySlice<ScalarSyntax>
    /// The last scalar read, or the statement's end when none: where "expected …" points.
    private(set) var lastRange: SourceRange

    init(_ scalars: [ScalarSyntax], end: SourceRange) {
        self.scalars = scalars[...]
        lastRange = SourceRange(at: end.end)
    }

    mutating func next() -> ScalarSyntax? {
        guard let scalar = scalars.popFirst() else {
            return nil
        }
        lastRange = scalar.range
        return scalar
    }
}
