import MesaResults

/// The regression world's charts (SCIENCE.md §7.1): along each numeric axis, the share of runs on
/// the in-context (ridge) side; the error on unseen tasks beside both baselines; the distances to
/// the baselines; the gate and the ablation reliances. Then each metric over training, from the
/// runs' checkpoints.
extension ReportBuilder {
    mutating func appendRegressionAxisCharts(for axis: AxisDescription, to document: inout ReportDocument) {
        // N counts pretraining tasks here, not training instances.
        let axisName = axis.label ?? (axis.key == "environment.instances" ? "N (pretraining tasks)" : AxisNames.chartLabel(axis.key))
        document.append(markdown: "### Against \(axisName.markdownEscaped)\n")

        let charts = LearnedAxisCharts(axis: axis, axisName: axisName, results: results)
        func series(_ metric: Metric, _ prefix: String) -> [LineChart.Series] { charts.series(metric, prefix) }
        func chart(_ name: String, _ title: String, _ description: String, yLabel: String,
                   yDomain: ClosedRange<Double>? = nil, _ lines: [LineChart.Series]) {
            append(charts.chart(title, description, yLabel: yLabel, yDomain: yDomain, lines), name: name, axis: axis,
                   to: &document)
        }

        let crossovers = results.findings.filter {
            $0.kind == .crossover && $0.axis == axis.key && $0.metric == Metric.mesaOptimizer.name && $0.value != nil
        }
        let crossing = crossovers.prefix(3).map { finding in
            " \(AxisNames.short(axis.key))* ≈ \(NumberText.format(finding.value!, significant: 3)), where the fitted share crosses one half."
        }.joined()
        chart("in-context share", "In-context learners against \(axisName)",
              "Share of runs whose predictions on unseen tasks track ridge regression (the general in-context learner) and, where the two baselines differ, lie nearer ridge than dMMSE (the memorizing Bayes estimator); mean and 95% interval over seeds." + crossing,
              yLabel: "share on the ridge side", yDomain: 0...1, series(.mesaOptimizer, ""))
        chart("unseen error", "Error on unseen tasks against \(axisName)",
              "Mean squared error of the query prediction on tasks outside the pretraining pool, for the trained model and for the two baselines on the same sequences: ridge (in-context learning) and dMMSE (the pool as prior: memorization).",
              yLabel: "MSE on unseen tasks",
              series(.mseUnseen, "model · ") + series(.mseRidge, "ridge · ") + series(.mseDmmse, "dMMSE · "))
        chart("distances", "Distance to each baseline against \(axisName)",
              "Mean squared difference between the model's predictions and each baseline's on unseen tasks (as Raventós et al. measure it): the model is in-context where it is nearer ridge, memorizing where nearer dMMSE.",
              yLabel: "mean squared difference",
              series(.distRidge, "to ridge · ") + series(.distDmmse, "to dMMSE · "))
        chart("circuits", "The two circuits against \(axisName)",
              "The learned gate's weight on the search circuit, and by ablation what each circuit carries: search reliance is 1 − error / error with the gate forced to the table; table reliance likewise with the gate forced to the search circuit.",
              yLabel: "share", yDomain: 0...1,
              series(.iclGate, "gate · ") + series(.searchReliance, "search reliance · ") + series(.tableReliance, "table reliance · "))
    }

    /// Each charted metric over training: the mean over a point's runs at each checkpoint, one line
    /// per point (at most `sliceLimit` points, evenly chosen along the sweep).
    mutating func appendTrainingCurves(
        to document: inout ReportDocument,
        metrics charted: [Metric] = [.searchReliance, .iclGate, .distRidge, .mseUnseen],
        introduction: String = "Each run is measured at ten evenly spaced steps, the last at the end of training. A rise and later fall is the transience Singh et al. (2023) report: in-context learning that fades as memorization catches up."
    ) {
        let runs = results.runs.filter { !($0.checkpoints ?? []).isEmpty }
        guard !runs.isEmpty else { return }
        var order: [PointIdentity] = []
        var byPoint: [PointIdentity: [RunRecord]] = [:]
        var points: [PointIdentity: Point] = [:]
        for run in runs {
            let identity = PointIdentity(run.point)
            if byPoint[identity] == nil { order.append(identity); points[identity] = run.point }
            byPoint[identity, default: []].append(run)
        }
        let stride = max(1, (order.count + Self.sliceLimit - 1) / Self.sliceLimit)
        let shown = order.enumerated().filter { $0.offset % stride == 0 || $0.offset == order.count - 1 }.map(\.element)
        let note = shown.count < order.count ? " Showing \(shown.count) of \(order.count) points, evenly along the sweep; every run's checkpoints are in results.json." : ""
        document.append(markdown: "### Over training\n\n\(introduction)\n")
        for metric in charted {
            let lines = shown.compactMap { identity -> LineChart.Series? in
                let group = byPoint[identity]!
                var sums: [Int: (total: Double, count: Int)] = [:]
                for run in group {
                    for checkpoint in run.checkpoints ?? [] {
                        guard let value = checkpoint.metrics[metric] else { continue }
                        sums[checkpoint.step, default: (0, 0)].total += value
                        sums[checkpoint.step, default: (0, 0)].count += 1
                    }
                }
                let samples = sums.keys.sorted().map { step in
                    LineChart.Sample(x: Double(step), y: sums[step]!.total / Double(sums[step]!.count))
                }
                let label = Self.describe(points[identity]!, axes: results.axes, shortKeys: true)
                return samples.isEmpty ? nil : LineChart.Series(label: label, samples: samples)
            }
            guard !lines.isEmpty else { continue }
            let definition = metric.definition
            let chart = LineChart(
                title: "\(definition.phrase.prefix(1).uppercased() + definition.phrase.dropFirst()) over training",
                description: "Mean over each point's runs at every checkpoint: \(definition.summary)." + note,
                xLabel: "training step", yLabel: metric.name,
                yDomain: definition.bounds == .unit ? 0...1 : nil, series: lines)
            document.append(figure: chart.figure(name: figureName("training \(metric.name)")))
        }
    }
}
