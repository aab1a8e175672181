import MesaResults

/// One kind of finding: reads the stored results and writes facts, each with a sentence from the
/// numbers. A new kind of finding is one type conforming to this protocol, added to
/// `FindingRules.standard` where its findings should appear.
package protocol FindingRule: Sendable {
    /// The findings of this rule; `context.earlier` holds what the rules before it wrote.
    func findings(in context: FindingContext) -> [Finding]
}

/// A rule applied to the series along one numeric axis (one series per slice of the other axes).
package protocol SeriesRule: Sendable {
    func findings(along series: [SweepSeries], in context: FindingContext) -> [Finding]
}

/// What finding rules read: the results (runs, axes, predictions, analytic curves), the per-point
/// summary, and the findings written so far.
package struct FindingContext: Sendable {
    package var results: ScenarioResults
    package var summary: [PointSummary]
    package var earlier: [Finding] = []

    package init(results: ScenarioResults, summary: [PointSummary]) {
        self.results = results
        self.summary = summary
    }

    package var runs: [RunRecord] { results.runs }
    package var axes: [AxisDescription] { results.axes }
}
