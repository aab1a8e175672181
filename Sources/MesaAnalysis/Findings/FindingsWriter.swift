import MesaResults
import MesaScenario

/// Writes the findings of a scenario: facts computed from the numbers, each with a sentence
/// that carries its numbers and claims nothing they do not support. Deterministic: the same
/// inputs give the same findings in the same order, with locale-free number text.
public enum FindingsWriter {
    /// Every finding, in this order:
    /// 0. the scenario's predictions, each checked against the summaries (`expectation`);
    /// 1. the analytic curves (`analytic`), when `analytic` is given;
    /// 2. for each numeric swept axis in `axes` order, and each slice of the other axes:
    ///    the crossover of the mesa-optimizer share (`crossover`) followed by the bimodality
    ///    check at the point nearest it (`bimodality`), the crossover of the deceptive share,
    ///    which style was selected where (`selection`), and the trends of the key metrics
    ///    (`trend`);
    /// 3. exact against hill climbing when `training.optimizer` is swept (`optimizer_comparison`),
    ///    and the search share across the values of any other swept word axis (`comparison`);
    /// 4. what the runs that selected search learned to seek (`objective`), and the analytic
    ///    crossover beside the simulated one along N (`analytic_vs_simulated`);
    /// 5. the deception claim check, when runs have a detector cost (`claim`).
    ///
    /// `summary` is what `Summarizer.summarize(runs)` returns. O(runs + points · axes).
    public static func findings(runs: [RunRecord], summary: [PointSummary], axes: [AxisDescription],
                                analytic: AnalyticFindings?, expectations: [Expectation] = []) -> [Finding] {
        var findings = ExpectationCheck.findings(expectations, summary: summary, axes: axes)
        findings += analytic.map(analyticFindings) ?? []
        var simulatedCrossovers: [Finding] = []
        for axis in axes where SweepSeries.isNumeric(axis) {
            let series = SweepSeries.series(along: axis, axes: axes, summary: summary)
            for (finding, line, crossing) in CrossoverFinder.findings(series, metric: "mesa_optimizer") {
                findings.append(finding)
                simulatedCrossovers.append(finding)
                if let split = BimodalityFinder.finding(near: crossing, in: line, runs: runs) { findings.append(split) }
            }
            findings += CrossoverFinder.findings(series, metric: "deceptive").map(\.finding)
            findings += SelectionFinder.findings(series)
            findings += TrendFinder.findings(series)
        }
        findings += OptimizerComparison.findings(runs: runs, axes: axes)
        findings += CategoryComparison.findings(runs: runs, axes: axes)
        findings += ObjectiveFinder.findings(runs: runs)
        findings += AnalyticSentences.comparisons(analytic, simulated: simulatedCrossovers)
        findings += DeceptionClaimCheck.findings(runs: runs)
        return findings
    }

    /// The analytic model's findings alone: one sentence per (P, cost, x_max) curve with its
    /// onset, crossover and saturation N (or "no onset in the swept range").
    public static func analyticFindings(_ analytic: AnalyticFindings) -> [Finding] {
        AnalyticSentences.findings(analytic)
    }
}
