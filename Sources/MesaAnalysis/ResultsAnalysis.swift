import MesaResults

/// Completes stored results: recomputes every point's summary and every finding from the runs
/// and the scenario's predictions. `run` and `render` both call it, so the sentences of a report
/// always come from the wording of the version that renders it.
///
/// ```swift
/// let complete = ResultsAnalysis.complete(try ResultsJSON.decode(ScenarioResults.self, from: data))
/// ```
public enum ResultsAnalysis {
    public static func complete(_ results: ScenarioResults) -> ScenarioResults {
        var complete = results
        complete.summary = Summarizer.summarize(results.runs)
        complete.findings = FindingRules.findings(results, summary: complete.summary)
        return complete
    }
}
