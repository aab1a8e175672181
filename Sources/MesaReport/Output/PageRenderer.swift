import Foundation
import MesaResults
import Mustache

/// Fills the page templates. Values from a scenario go in through `{{…}}` (HTML-escaped by
/// swift-mustache); only the stylesheet and HTML that cmark-gfm or the chart code produced go
/// through `{{{…}}}`.
package struct PageRenderer: Sendable {
    package let templates: TemplateSet

    package init(templates: TemplateSet) {
        self.templates = templates
    }

    /// `index.html` of one report.
    package func reportPage(for document: ReportDocument) throws -> String {
        let body = document.htmlBody()
        let contents = body.contents + [
            TableOfContentsEntry(level: 2, text: "Scenario source", id: "scenario-source"),
            TableOfContentsEntry(level: 2, text: "Data", id: "data"),
        ]
        let context: [String: Any] = [
            "title": document.title,
            "slug": document.slug,
            "tool_version": document.toolVersion,
            "source_sha256": document.sourceSHA256,
            "source": document.source,
            "css": templates.stylesheet,
            "body": body.html,
            "contents": contents.map { ["level": String($0.level), "text": $0.text, "id": $0.id] as [String: Any] },
        ]
        return try parse(templates.reportPage, file: TemplateSet.reportPageFile).render(context)
    }

    /// `reports/index.html`: the dashboard. Counts of verdicts over every scenario at the top, then
    /// a row per scenario: its main chart as a thumbnail, a badge per prediction, and its
    /// headline findings.
    ///
    /// Variants (`--quick`, `--set`) sit under the scenario they vary, labelled, and are left out of
    /// the counts: the counts are those of the scenarios as written.
    package func indexPage(for entries: [IndexEntry]) throws -> String {
        let scenarios = entries.filter { $0.variantLabel == nil }
        let variants = entries.count - scenarios.count
        let all = scenarios.flatMap(\.predictions)
        func count(_ verdict: Verdict) -> Int { all.filter { $0.verdict == verdict }.count }
        let label = scenarios.count == 1 ? "1 scenario" : "\(scenarios.count) scenarios"
        let context: [String: Any] = [
            "css": templates.stylesheet,
            "count": String(scenarios.count),
            "count_label": variants == 0 ? label
                : "\(label) and \(variants) variant\(variants == 1 ? "" : "s") (--quick or --set runs, left out of the counts)",
            "has_predictions": !all.isEmpty,
            "verdict_counts": IndexEntry.verdictCounts(holds: count(.holds), doesNotHold: count(.doesNotHold),
                                                       notShown: count(.notShown)),
            "holds_count": String(count(.holds)),
            "does_not_hold_count": String(count(.doesNotHold)),
            "not_shown_count": String(count(.notShown)),
            "scenarios": entries.map { entry -> [String: Any] in
                [
                    "title": entry.title,
                    "slug": entry.slug,
                    "is_variant": entry.variantLabel != nil,
                    "variant_label": entry.variantLabel ?? "",
                    "href": "\(entry.slug)/index.html",
                    "answer_href": "\(entry.slug)/index.html#answer",
                    "markdown_href": "\(entry.slug)/report.md",
                    "json_href": "\(entry.slug)/results.json",
                    "csv_href": "\(entry.slug)/results.csv",
                    "findings": entry.headlines,
                    "has_findings": !entry.headlines.isEmpty,
                    "thumbnail": entry.thumbnail ?? "",
                    "has_thumbnail": entry.thumbnail != nil,
                    "predictions": entry.predictions.map { prediction -> [String: Any] in
                        ["claim": prediction.claim, "verdict": prediction.verdict.rawValue,
                         "label": prediction.verdict.label, "effect": prediction.effect ?? ""]
                    },
                    "has_predictions": !entry.predictions.isEmpty,
                ]
            },
        ]
        return try parse(templates.indexPage, file: TemplateSet.indexPageFile).render(context)
    }

    func parse(_ text: String, file: String) throws -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            throw ReportError.invalidTemplate(
                path: templates.origin(of: file), line: error.context.lineNumber, column: error.context.columnNumber,
                message: TemplateProblem.message(error.error, text: text, line: error.context.lineNumber,
                                                 column: error.context.columnNumber))
        } catch {
            throw ReportError.invalidTemplate(path: templates.origin(of: file), line: 1, column: 1,
                                              message: "the template does not parse")
        }
    }
}

/// One scenario on the front page.
package struct IndexEntry: Sendable, Hashable {
    package var title: String
    package var slug: String
    /// The first few findings, as sentences.
    package var headlines: [String]
    /// The checked predictions: claim, verdict and estimate.
    package var predictions: [Prediction]
    /// The report's first chart as inline SVG, its ids prefixed so that many fit on one page and
    /// its links pointing into the report; nil without a chart.
    package var thumbnail: String?

    package struct Prediction: Sendable, Hashable {
        package var claim: String
        package var verdict: Verdict
        package var effect: String?
    }

    /// How many findings the front page shows per scenario.
    package static let headlineLimit = 3

    /// Sort key: the scenario file's name when known, so the front page follows the files.
    package var order: String
    /// For a variant, what it changed ("quick run: not to be cited", "--set model.parameters=1024");
    /// nil for a scenario as written.
    package var variantLabel: String?
    /// The folder the entry groups under: its own, or for a variant the scenario's it varies.
    package var group: String

    package init(results: ScenarioResults) {
        self.init(results: results, document: ReportBuilder(results: results).build())
    }

    /// The entry of `results`, whose report `document` is already built.
    package init(results: ScenarioResults, document: ReportDocument) {
        title = results.scenario
        slug = results.slug
        order = results.sourceFile ?? results.slug
        group = results.variantOf ?? results.slug
        variantLabel = results.isVariant ? Self.variantLabel(results) : nil
        headlines = Self.headlines(results.findings)
        predictions = results.findings.filter { $0.kind == .expectation }.map {
            Prediction(claim: ($0.claim ?? $0.sentence).capitalizedFirst, verdict: $0.verdict ?? .notShown, effect: $0.effect)
        }
        thumbnail = document.figures.first.map { Self.thumbnail($0.inlineSVG, slug: slug) }
    }

    /// `entries` in the front page's order: by scenario file name, then scenario, each scenario's
    /// variants right after it.
    package static func frontPageOrder(_ entries: [IndexEntry]) -> [IndexEntry] {
        entries.sorted {
            ($0.order, $0.group, $0.variantLabel == nil ? 0 : 1, $0.slug) < ($1.order, $1.group, $1.variantLabel == nil ? 0 : 1, $1.slug)
        }
    }

    /// "Variant: --set model.parameters=1024", "Quick run: not to be cited (2 seeds, a tenth of the steps)".
    static func variantLabel(_ results: ScenarioResults) -> String {
        var parts: [String] = []
        if let overrides = results.overrides, !overrides.isEmpty {
            parts.append("Variant: " + overrides.map { "--set \($0)" }.joined(separator: " "))
        }
        if results.quick == true {
            parts.append("Quick run: not to be cited (at most 2 seeds, a tenth of the steps)")
        }
        return parts.joined(separator: "; ")
    }

    /// `svg` with every id and reference to one prefixed by `thumb-<slug>-`, and in-page links sent
    /// to the report.
    static func thumbnail(_ svg: String, slug: String) -> String {
        let prefix = "thumb-\(slug)-"
        return svg.replacingOccurrences(of: " id=\"", with: " id=\"\(prefix)")
            .replacingOccurrences(of: "url(#", with: "url(#\(prefix)")
            .replacingOccurrences(of: "aria-labelledby=\"", with: "aria-labelledby=\"\(prefix)")
            .replacingOccurrences(of: "aria-describedby=\"", with: "aria-describedby=\"\(prefix)")
            .replacingOccurrences(of: "href=\"#", with: "href=\"\(slug)/index.html#")
    }

    /// "18 hold, 4 do not hold, 1 not shown" (zero counts left out).
    static func verdictCounts(holds: Int, doesNotHold: Int, notShown: Int) -> String {
        let parts = [
            holds > 0 ? "\(holds) \(holds == 1 ? "holds" : "hold")" : nil,
            doesNotHold > 0 ? "\(doesNotHold) \(doesNotHold == 1 ? "does" : "do") not hold" : nil,
            notShown > 0 ? "\(notShown) not shown" : nil,
        ].compactMap { $0 }
        return parts.isEmpty ? "no predictions" : parts.joined(separator: ", ")
    }

    /// The findings that say most about a scenario, first: a count of its checked predictions
    /// by verdict, then the claim check, crossovers and the style selected along the sweep
    /// before comparisons and analytic sentences, trends last. Findings of equal rank keep
    /// their order.
    static func headlines(_ findings: [Finding]) -> [String] {
        let rank: [FindingKind: Int] = [.claim: 0, .crossover: 1, .selection: 2, .optimizerComparison: 3, .comparison: 4,
                    .analytic: 5, .analyticVsSimulated: 6, .bimodality: 7]
        let predictions = findings.filter { $0.kind == .expectation }
        let ranked = findings.enumerated()
            .filter { $0.element.kind != .expectation }
            .sorted { (rank[$0.element.kind] ?? 9, $0.offset) < (rank[$1.element.kind] ?? 9, $1.offset) }
            .map(\.element.sentence)
        let tally = predictions.isEmpty ? [] : [predictionTally(predictions)]
        return Array((tally + ranked).prefix(headlineLimit))
    }

    /// "Of its 4 predictions, 1 holds, 1 does not hold and 2 are not shown by the runs."; counts
    /// of zero are left out, and a single verdict is said as such ("All 3 of its predictions hold.").
    static func predictionTally(_ predictions: [Finding]) -> String {
        func count(_ verdict: Verdict) -> Int { predictions.filter { $0.verdict == verdict }.count }
        let held = count(.holds), failed = count(.doesNotHold)
        let unclear = predictions.count - held - failed
        let total = predictions.count
        if total == 1 {
            let verdict = held == 1 ? "holds" : failed == 1 ? "does not hold" : "is not shown by the runs"
            return "Its one prediction \(verdict)."
        }
        let all = total == 2 ? "Both its predictions" : "All \(total) of its predictions"
        if held == total { return "\(all) hold." }
        if failed == total { return "\(all) do not hold." }
        if unclear == total {
            let none = total == 2 ? "Neither of its 2 predictions" : "None of its \(total) predictions"
            return "\(none) is shown or contradicted by the runs: the intervals cannot tell."
        }
        let parts = [
            held > 0 ? "\(held) \(held == 1 ? "holds" : "hold")" : nil,
            failed > 0 ? "\(failed) \(failed == 1 ? "does" : "do") not hold" : nil,
            unclear > 0 ? "\(unclear) \(unclear == 1 ? "is" : "are") not shown by the runs" : nil,
        ].compactMap { $0 }
        let list = parts.count == 3 ? "\(parts[0]), \(parts[1]) and \(parts[2])" : "\(parts[0]) and \(parts[1])"
        return "Of its \(total) predictions, \(list)."
    }
}
