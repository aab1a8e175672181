import MesaResults

/// The finding rules, in the order their findings appear:
/// 0. the scenario's predictions, each checked against the runs (`expectation`);
/// 1. the analytic curves (`analytic`);
/// 2. for each numeric swept axis, and each slice of the other axes: the crossover of the
///    mesa-optimizer share with the bimodality check nearest it, the crossover of the deceptive
///    share, which style was selected where (`selection`), and the trends of key metrics;
/// 3. exact against hill climbing (`optimizer_comparison`), where hill climbing ended without
///    search whether it was not reached or selected against (`reachability`), and the search share
///    across any other swept word axis (`comparison`);
/// 4. what the search runs learned to seek (`objective`), the analytic crossover beside the
///    simulated one (`analytic_vs_simulated`), and the deception argument (`claim`): the claim
///    check by capacity, the premise run by run, the detector's life under hill climbing (loss
///    pressure or drift), and the counting argument's threshold V;
/// 5. in a learned world, metrics that peaked during training and fell by its end (`transience`).
package enum FindingRules {
    package static let standard: [any FindingRule] = [
        ExpectationCheck(),
        AnalyticSentences(),
        AlongEachAxis(rules: [CrossoverFinder.MesaCrossovers(), CrossoverFinder.DeceptiveCrossovers(),
                              SelectionFinder(), TrendFinder()]),
        OptimizerComparison(),
        ReachabilityFinder(),
        CategoryComparison(),
        ObjectiveFinder(),
        AnalyticVersusSimulated(),
        DeceptionClaimCheck(),
        PremiseCheck(),
        DetectorLifeFinder(),
        CountingThreshold(),
        TransienceFinder(),
    ]

    /// Every finding of `results`, given its summary. Deterministic: the same inputs give the same
    /// findings in the same order.
    package static func findings(_ results: ScenarioResults, summary: [PointSummary],
                                 rules: [any FindingRule] = standard) -> [Finding] {
        var context = FindingContext(results: results, summary: summary)
        for rule in rules {
            context.earlier += rule.findings(in: context)
        }
        return context.earlier
    }
}

/// Applies series rules along every numeric axis in turn.
package struct AlongEachAxis: FindingRule {
    package var rules: [any SeriesRule]

    package func findings(in context: FindingContext) -> [Finding] {
        var findings: [Finding] = []
        for axis in context.axes where axis.isNumeric {
            let series = SweepSeries.series(along: axis, axes: context.axes, summary: context.summary)
            for rule in rules { findings += rule.findings(along: series, in: context) }
        }
        return findings
    }
}
