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

    /// `reports/index.html`: every scenario with its headline findings.
    package func indexPage(for entries: [IndexEntry]) throws -> String {
        let context: [String: Any] = [
            "css": templates.stylesheet,
            "count": String(entries.count),
            "count_label": entries.count == 1 ? "1 scenario" : "\(entries.count) scenarios",
            "scenarios": entries.map { entry -> [String: Any] in
                [
                    "title": entry.title,
                    "slug": entry.slug,
                    "href": "\(entry.slug)/index.html",
                    "markdown_href": "\(entry.slug)/report.md",
                    "json_href": "\(entry.slug)/results.json",
                    "csv_href": "\(entry.slug)/results.csv",
                    "findings": entry.headlines,
                    "has_findings": !entry.headlines.isEmpty,
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

    /// How many findings the front page shows per scenario.
    package static let headlineLimit = 3

    /// Sort key: the scenario file's name when known, so the front page follows the files.
    package var order: String

    package init(results: ScenarioResults) {
        title = results.scenario
        slug = results.slug
        order = results.sourceFile ?? results.slug
        headlines = Self.headlines(results.findings)
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
