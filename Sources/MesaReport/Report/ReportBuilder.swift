import MesaResults

/// Turns a `ScenarioResults` into a `ReportDocument`, in the notebook order of DESIGN.md: the
/// scenario's prose and setup tables as written; the analytic results right after the `analytic`
/// block; the simulation results after the last block; then the findings.
///
/// Knows nothing of the parser or the engine: the results value is its only input, which is what
/// lets `mesascope render` rebuild a report from `results.json`.
package struct ReportBuilder: Sendable {
    package let results: ScenarioResults
    /// Figure names handed out so far (unique, slug characters only).
    var figureNames = AnchorAllocator()

    package init(results: ScenarioResults) {
        self.results = results
    }

    /// The whole report.
    package func build() -> ReportDocument {
        var builder = self
        var document = ReportDocument(
            title: results.scenario, slug: results.slug, toolVersion: results.toolVersion,
            sourceSHA256: results.sourceSHA256, source: results.source)
        let lastBlock = results.notebook.lastIndex { $0.kind == .block }
        if let variant = variantNote { document.append(markdown: variant) }
        let predictions = results.findings.filter { $0.kind == .expectation }
        if !predictions.isEmpty {
            document.append(answer: predictions.map { finding in
                ReportDocument.AnswerItem(verdict: finding.verdict ?? .notShown, claim: (finding.claim ?? finding.sentence).capitalizedFirst,
                                          effect: finding.effect, mechanism: finding.mechanism)
            })
        }
        var analyticShown = false
        var simulationShown = false
        for (index, entry) in results.notebook.enumerated() {
            if entry.kind == .block {
                builder.appendSetup(for: entry, to: &document)
                if entry.block == "analytic", !analyticShown {
                    builder.appendAnalytic(to: &document)
                    analyticShown = true
                }
                if index == lastBlock {
                    builder.appendSimulation(to: &document)
                    simulationShown = true
                }
            } else if let text = entry.text, !text.isEmpty {
                document.append(markdown: text)
            }
        }
        // Results without a notebook (or without an `analytic` block entry) still get shown.
        if !analyticShown { builder.appendAnalytic(to: &document) }
        if !simulationShown { builder.appendSimulation(to: &document) }
        document.append(markdown: findingsMarkdown())
        if let trends = trendsMarkdown() {
            document.append(collapsed: trends.markdown, summary: trends.summary)
        }
        return document
    }

    /// The setup table of one block: every setting, swept ones marked.
    func appendSetup(for entry: NotebookEntry, to document: inout ReportDocument) {
        let settings = entry.settings ?? []
        if entry.block == "expect" {
            // Predictions, not settings: each row is one claim, checked under Findings.
            document.append(markdown: "### Predictions (`expect`)\n\nChecked against the runs under [Findings](#findings).\n")
            document.append(table: DataTable(columns: ["Metric", "Prediction"], rows: settings.map { [$0.key, $0.value] }),
                            style: "setup")
            return
        }
        document.append(markdown: "### Setup: \((entry.block ?? "block").markdownEscaped)\n")
        if settings.isEmpty {
            document.append(markdown: "All settings of this block take their defaults.\n")
            return
        }
        document.append(
            table: DataTable(columns: ["Setting", "Value", "Swept"], rows: settings.map { setting in
                let marks = [setting.swept ? "swept" : nil, setting.overridden == true ? "set by --set" : nil].compactMap { $0 }
                return [setting.key, setting.value, marks.joined(separator: ", ")]
            }),
            style: "setup")
    }

    /// What makes this report a variant of its scenario file, said first: settings from the
    /// command line, or a quick (smoke) run; nil for a plain run.
    var variantNote: String? {
        var parts: [String] = []
        if let overrides = results.overrides, !overrides.isEmpty {
            let list = overrides.map { "`--set \($0.replacingOccurrences(of: "`", with: "'"))`" }.joined(separator: ", ")
            parts.append("This report is a variant of its scenario file, run with \(list); the setup tables mark those settings.")
        }
        if results.quick == true {
            parts.append("**Quick run** (`--quick`): at most 2 seeds per point and a tenth of the hill-climbing steps. A smoke test of the scenario, not evidence: its verdicts are not to be cited.")
        }
        return parts.isEmpty ? nil : "> " + parts.joined(separator: "\n>\n> ") + "\n"
    }

    /// Every finding as a sentence; the scenario's checked predictions first, each marked with
    /// its verdict. Trends, which are many on multi-axis sweeps, follow collapsed
    /// (`trendsMarkdown`).
    func findingsMarkdown() -> String {
        var markdown = "## Findings\n\n"
        if results.findings.isEmpty {
            return markdown + "No findings were computed for this scenario.\n"
        }
        let predictions = results.findings.filter { $0.kind == .expectation }
        let others = results.findings.filter { $0.kind != .expectation && $0.kind != .trend }
        if !predictions.isEmpty {
            markdown += "### Predictions checked\n\n"
            markdown += seedsNote + "\n"
            for finding in predictions {
                markdown += "- **\((finding.verdict ?? .notShown).label).** \(finding.sentence.markdownEscaped)\n"
            }
            if !others.isEmpty { markdown += "\n### What the runs show\n\n" }
        }
        for finding in others {
            markdown += "- \(finding.sentence.markdownEscaped)\n"
        }
        return markdown
    }

    /// How many seeds the verdicts rest on, and at which level: sequential looks stated.
    var seedsNote: String {
        let level = NumberText.format(results.verdictLevel * 100, significant: 4)
        let perPoint = Dictionary(grouping: results.runs, by: \.point).values.map(\.count)
        let n = perPoint.max() ?? 0
        if let schedule = results.seedSchedule, schedule.isSequential {
            let looks = results.looksRun ?? schedule.looks.count
            let ran = schedule.looks.prefix(looks).map(String.init).joined(separator: ", ")
            let stop = looks < schedule.looks.count ? "every prediction was decided at look \(looks)" : "the cap was reached"
            return "Seeds until decided (`seeds \(schedule.text)`): \(looks) of \(schedule.looks.count) looks ran (\(ran) seeds per point), and \(stop); \(results.runs.count) runs in all. Every interval behind a verdict is at \(level)%, so the \(schedule.looks.count) looks together keep the error rate at 5% (docs/statistics.md).\n"
        }
        // Exact runs repeated along a hill-climbing-only axis are one set of runs (InapplicableSettings).
        let analysed = InapplicableSettings.collapse(results.runs, axes: results.axes).count
        let copies = results.runs.count - analysed
        let note = copies > 0 ? " (\(copies) copies of exact runs along a setting only hill climbing reads are left out)" : ""
        return "The verdicts rest on \(analysed) runs\(note), \(n) per point, each test on the runs it concerns, with \(level)% intervals (docs/statistics.md).\n"
    }

    /// The trend findings as a list under a summary line that counts them, or `nil` when there
    /// are none.
    func trendsMarkdown() -> (summary: String, markdown: String)? {
        let trends = results.findings.filter { $0.kind == .trend }
        guard !trends.isEmpty else { return nil }
        let summary = "Trends of the key metrics along each swept axis (\(trends.count) \(trends.count == 1 ? "finding" : "findings"))"
        return (summary, trends.map { "- \($0.sentence.markdownEscaped)\n" }.joined())
    }

    /// A unique figure name built from `words`.
    mutating func figureName(_ words: String) -> String {
        figureNames.allocate(for: words)
    }
}

/// How charts choose their scales: the rule fits use too (`AxisScaleRule`).
enum Vocabulary {
    /// Whether the N values are spaced geometrically (or span two decades), so a log axis reads best.
    static func looksGeometric(_ values: [Double]) -> Bool { AxisScaleRule.looksGeometric(values) }
}
