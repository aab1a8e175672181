import MesaResults

/// Completes stored results: recomputes every point's summary and every finding from the runs
/// and the scenario's predictions. `run` and `render` both call it, so the sentences of a report
/// always come from the wording of the version that renders it.
///
/// ```swift
/// let complete = ResultsAnalysis.complete(try ResultsJSON.decode(ScenarioResults.self, from: data))
/// ```
public enum ResultsAnalysis {
    /// Summaries and findings come from the runs with the settings that do not apply to their
    /// optimizer collapsed (`InapplicableSettings`); `runs` itself keeps every run.
    public static func complete(_ results: ScenarioResults) -> ScenarioResults {
        var complete = results
        let analysed = InapplicableSettings.collapse(results)
        complete.summary = Summarizer.summarize(analysed.runs)
        complete.findings = FindingRules.findings(analysed, summary: complete.summary)
        return complete
    }
}
