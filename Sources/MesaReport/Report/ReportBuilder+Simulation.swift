import MesaResults

/// The simulation section: for each numeric swept axis the mesa-optimizer share and the training
/// and deployment scores (mean with 95% band over seeds, one series per slice of the other axes);
/// deception charts when the class has a detector; outcome histograms; mazes.
extension ReportBuilder {
    /// Series per chart at most; further slices stay in the data files.
    static let sliceLimit = 6
    static let histogramPanelLimit = 16
    static let summaryRowLimit = 120

    mutating func appendSimulation(to document: inout ReportDocument) {
        guard !results.runs.isEmpty || !results.summary.isEmpty else { return }
        let runCount = results.runs.count
        document.append(markdown: "## Simulation results\n\n\(results.summary.count) sweep points, \(runCount) runs. Bands are 95% intervals over the repetitions of each point (Wilson for shares, t for continuous metrics).\n")
        // `infinite` (a learned world's unbounded pool) beside numbers keeps an axis numeric; the
        // charts draw the numbers and the summary table shows the infinite points.
        let numericAxes = results.axes.filter(\.isNumeric)
        let world = results.simulatedWorld
        for axis in numericAxes {
            switch world {
            case .maze: appendAxisCharts(for: axis, to: &document)
            case .regression: appendRegressionAxisCharts(for: axis, to: &document)
            case .teacher: appendTeacherAxisCharts(for: axis, to: &document)
            }
        }
        appendSummaryTable(to: &document)
        switch world {
        case .maze:
            appendHistogram(to: &document)
            appendMazes(to: &document)
        case .regression:
            appendTrainingCurves(to: &document)
        case .teacher:
            appendTeacherTrainingCurves(to: &document)
        }
    }

    /// The summary of every point (the only view of axes that are not numeric, such as the optimizer).
    func appendSummaryTable(to document: inout ReportDocument) {
        guard !results.summary.isEmpty else { return }
        let candidates: [Metric]
        switch results.simulatedWorld {
        case .maze: candidates = [.mesaOptimizer, .trainScore, .deployScore, .deceptive, .defectionRate, .searchBits]
        case .regression: candidates = [.mesaOptimizer, .mseUnseen, .mseSeen, .mseRidge, .mseDmmse, .iclGate, .searchReliance]
        case .teacher: candidates = [.deceptive, .survival, .defectionPhase1, .defection, .cleanError, .backdoorCostPhase1]
        }
        let metrics = candidates.filter { metric in
            results.summary.contains { $0.metrics[metric] != nil } && (runsCarryDetectors || !Self.deceptionMetrics.contains(metric))
        }
        func cell(_ estimate: Estimate?) -> String {
            guard let estimate else { return "" }
            return "\(ChartNumber.label(estimate.mean)) (\(ChartNumber.label(estimate.lo))–\(ChartNumber.label(estimate.hi)))"
        }
        let shown = results.summary.prefix(Self.summaryRowLimit)
        let note = results.summary.count > shown.count ? " The first \(shown.count) of \(results.summary.count) points; all are in results.json." : ""
        document.append(markdown: "### Summary by point\n\nMean (95% interval) over the repetitions of each point; a point on a chart links to its row here, and a row's run count to its runs below.\(note)\n")
        document.append(
            table: DataTable(
                columns: ["Point", "Runs"] + metrics.map(\.name),
                rows: shown.map { summary in
                    [Self.describe(summary.point, axes: results.axes, shortKeys: true), String(summary.n)]
                        + metrics.map { cell(summary.metrics[$0]) }
                },
                rowIDs: shown.indices.map { "point-\($0)" },
                links: (column: 1, hrefs: shown.indices.map { "#runs-point-\($0)" })),
            style: "summary")
        appendRunsTable(to: &document, points: Array(shown))
    }

    /// Every run of the shown points, collapsed: its repetition, seed and key metrics. The first run
    /// of each point carries the id `runs-point-<index>`.
    func appendRunsTable(to document: inout ReportDocument, points: [PointSummary]) {
        let candidates: [Metric]
        switch results.simulatedWorld {
        case .maze: candidates = [.mesaOptimizer, .trainScore, .deployScore, .searchBits, .deceptive, .optimalityGap]
        case .regression: candidates = [.mesaOptimizer, .mseUnseen, .distRidge, .distDmmse, .iclGate, .searchReliance, .budget]
        case .teacher: candidates = [.deceptive, .survival, .defectionPhase1, .cleanError, .triggerUnitsPhase1, .sharedUnitsPhase1, .budget]
        }
        let metrics = candidates.filter { metric in
            results.runs.contains { $0.metrics[metric] != nil } && (runsCarryDetectors || !Self.deceptionMetrics.contains(metric))
        }
        var rows: [[String]] = []
        var ids: [String] = []
        for (index, summary) in points.enumerated() {
            let runs = results.runs.filter { $0.point == summary.point }
            for (offset, run) in runs.enumerated() {
                rows.append([Self.describe(run.point, axes: results.axes, shortKeys: true), String(run.repetition),
                             String(run.seed)] + metrics.map { run.metrics[$0].map(ChartNumber.label) ?? "" })
                ids.append(offset == 0 ? "runs-point-\(index)" : "")
            }
        }
        guard !rows.isEmpty else { return }
        document.append(collapsedTable: DataTable(columns: ["Point", "Repetition", "Seed"] + metrics.map(\.name),
                                                  rows: rows, rowIDs: ids),
                        summary: "Every run (\(rows.count)), by point", style: "runs")
    }

    /// Metrics that are 0 in every run without a detector (no `deception` block): the tables leave
    /// them out there rather than show a column of zeros about something not modelled.
    static let deceptionMetrics: Set<Metric> = [.deceptive, .defectionRate]

    /// Whether the model class of these runs includes a deployment detector.
    /// (The teacher world's models always have a trigger to detect.)
    var runsCarryDetectors: Bool {
        results.simulatedWorld == .teacher || results.runs.contains {
            $0.metrics[.detectorCost] != nil || $0.metrics.isSet(.deceptive) || ($0.metrics[.paramsDetector] ?? 0) > 0
        }
    }

    private mutating func appendAxisCharts(for axis: AxisDescription, to document: inout ReportDocument) {
        let axisName = axis.label ?? AxisNames.chartLabel(axis.key)
        let slices = Self.slices(of: results.summary, along: axis.key, axes: results.axes)
        let shown = Array(slices.prefix(Self.sliceLimit))
        let scale: AxisScale.Kind = axis.isLogarithmic ? .log10 : .linear
        let sliceNote = slices.count > shown.count
            ? " Showing \(shown.count) of \(slices.count) slices of the other axes; all are in results.csv." : ""
        document.append(markdown: "### Against \(axisName.markdownEscaped)\n")
        if axis.isNumeric {
            let why = axis.isLogarithmic ? " (its values are spaced geometrically)" : ""
            document.append(markdown: "Fits and charts take \(axisName.markdownEscaped) on a \(AxisScaleRule.name(isLogarithmic: axis.isLogarithmic))\(why).\n")
        }

        let pointIndex = Dictionary(results.summary.enumerated().map { ($1.point, $0) }, uniquingKeysWith: { a, _ in a })
        func series(_ metric: Metric, prefix: String = "") -> [LineChart.Series] {
            shown.compactMap { slice in
                let samples = slice.points.compactMap { summary -> LineChart.Sample? in
                    guard let x = summary.point[axis.key]?.number, let estimate = summary.metrics[metric] else { return nil }
                    let place = Self.describe(summary.point, axes: results.axes, shortKeys: true)
                    let title = "\(place): \(metric.name) \(ChartNumber.label(estimate.mean)) (95% interval \(ChartNumber.label(estimate.lo))–\(ChartNumber.label(estimate.hi))), \(summary.n) run\(summary.n == 1 ? "" : "s")"
                    return .init(x: x, y: estimate.mean, lo: estimate.lo, hi: estimate.hi, title: title,
                                 link: pointIndex[summary.point].map { "#point-\($0)" })
                }
                guard !samples.isEmpty else { return nil }
                return .init(label: prefix + slice.label + Self.acceptanceNote(slice, results: results), samples: samples)
            }
        }

        let crossovers = results.findings.filter {
            $0.kind == .crossover && $0.axis == axis.key && $0.metric == Metric.mesaOptimizer.name && $0.value != nil
        }
        let mesa = series(.mesaOptimizer)
        if !mesa.isEmpty {
            // Each N* marker belongs to the line of its slice, and its label names it; an N* of a
            // slice not drawn (beyond the slices shown) gets no marker.
            let symbol = axis.label ?? AxisNames.short(axis.key)
            let marked: [(finding: Finding, series: Int?)] = crossovers.compactMap { finding in
                guard let slice = finding.slice else { return (finding, mesa.count == 1 ? 0 : nil) }
                let label = Self.describe(slice, axes: results.axes, shortKeys: true)
                guard let index = mesa.firstIndex(where: { $0.label == label || $0.label.hasPrefix(label + " (accept ") })
                else { return nil }
                return (finding, index)
            }
            let chart = LineChart(
                title: "Mesa-optimizer share against \(axisName)",
                description: "Share of runs whose search module made at least half of the training decisions, mean and 95% interval over seeds at each value of \(axis.key)."
                    + marked.map { finding, index in
                        let interval = finding.lo.flatMap { lo in finding.hi.map { " (95% interval \(ChartNumber.label(lo))–\(ChartNumber.label($0)), shaded)" } } ?? ""
                        let line = index.map { mesa.count > 1 ? " for \(mesa[$0].label)" : "" } ?? ""
                        return " \(symbol)* ≈ \(ChartNumber.label(finding.value!))\(interval)\(line), where the fitted share crosses one half."
                    }.joined() + sliceNote,
                xLabel: axisName, yLabel: "mesa-optimizer share", xScale: scale, yDomain: 0...1, series: mesa,
                markers: marked.map { finding, index in
                    .init(x: finding.value!, label: "\(symbol)*",
                          interval: finding.lo.flatMap { lo in finding.hi.map { lo...max(lo, $0) } }, series: index)
                })
            document.append(figure: chart.figure(name: figureName("mesa share \(axis.key)")))
        }

        let scores = series(.trainScore, prefix: "train · ") + series(.deployScore, prefix: "deploy · ")
        if !scores.isEmpty {
            let chart = LineChart(
                title: "Training and deployment score against \(axisName)",
                description: "Mean episode score on the training instances and on the deployment instances, with 95% intervals over seeds." + sliceNote,
                xLabel: axisName, yLabel: "score", xScale: scale, yDomain: 0...1, series: scores)
            document.append(figure: chart.figure(name: figureName("scores \(axis.key)")))
        }

        if runsCarryDetectors {
            let deception = series(.deceptive, prefix: "deceptive share · ") + series(.defectionRate, prefix: "defection rate · ")
            if !deception.isEmpty {
                let chart = LineChart(
                    title: "Deception against \(axisName)",
                    description: "Share of runs whose model carries a deployment detector, and the share of deployment episodes in which it fired and the model defected." + sliceNote,
                    xLabel: axisName, yLabel: "share", xScale: scale, yDomain: 0...1, series: deception)
                document.append(figure: chart.figure(name: figureName("deception \(axis.key)")))
            }
        }

        if results.runs.contains(where: { $0.metrics[.kFit] != nil }) {
            // The summary may lack K or K_fit; the runs always carry both.
            let fromRuns = budgetSeriesFromRuns(axis: axis.key)
            let budget = series(.budget, prefix: "K · ")
            let fit = series(.kFit, prefix: "K_fit · ")
            let lines = (budget.isEmpty ? fromRuns.filter { $0.label.hasPrefix("K (") } : budget)
                + (fit.isEmpty ? fromRuns.filter { $0.label.hasPrefix("K_fit") } : fit)
            if !lines.isEmpty {
                let chart = LineChart(
                    title: "Budget K against K_fit along \(axisName)",
                    description: "K is the parameter budget of the runs; K_fit the smallest budget that reaches the minimum training loss. The premise of the deception argument (underparameterized: more parameters would lower the loss) holds where K is below K_fit.",
                    xLabel: axisName, yLabel: "parameters", xScale: scale, series: lines)
                document.append(figure: chart.figure(name: figureName("budget \(axis.key)")))
            }
        }
    }

    /// K and K_fit averaged over the runs at each axis value, when the summary does not carry them.
    private func budgetSeriesFromRuns(axis key: String) -> [LineChart.Series] {
        var budgets: [Double: [Double]] = [:]
        var fits: [Double: [Double]] = [:]
        for run in InapplicableSettings.collapse(results.runs, axes: results.axes) {
            guard let x = run.point[key]?.number else { continue }
            if let budget = run.metrics[.budget] { budgets[x, default: []].append(budget) }
            if let fit = run.metrics[.kFit] { fits[x, default: []].append(fit) }
        }
        func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
        return [
            LineChart.Series(label: "K (mean over runs)", samples: budgets.keys.sorted().map { .init(x: $0, y: mean(budgets[$0]!)) }),
            LineChart.Series(label: "K_fit (mean over runs)", samples: fits.keys.sorted().map { .init(x: $0, y: mean(fits[$0]!)) }),
        ].filter { !$0.samples.isEmpty }
    }

    /// Per sweep point, how `search_decision_share` is spread over the seeds.
    private mutating func appendHistogram(to document: inout ReportDocument) {
        guard !results.runs.isEmpty else { return }
        var order: [PointIdentity] = []
        var values: [PointIdentity: [Double]] = [:]
        var labels: [PointIdentity: String] = [:]
        var captions: [PointIdentity: String] = [:]
        for run in InapplicableSettings.collapse(results.runs, axes: results.axes) {
            let identity = PointIdentity(run.point)
            if values[identity] == nil {
                order.append(identity)
                labels[identity] = Self.describe(run.point, axes: results.axes)
                captions[identity] = Self.describe(run.point, axes: results.axes, shortKeys: true)
            }
            values[identity, default: []].append(run.metrics[.searchDecisionShare] ?? 0)
        }
        let panels = order.prefix(Self.histogramPanelLimit).map { Histogram.Panel(label: labels[$0]!, caption: captions[$0]!, values: values[$0]!) }
        let note = order.count > panels.count ? " The first \(panels.count) of \(order.count) points are shown." : ""
        let histogram = Histogram(
            title: "Search decision share across seeds at each point",
            description: "For each sweep point, how many runs had each share of training decisions made by the search module. Two humps (near 0 and near 1) at the same point mean bimodal outcomes across seeds." + note,
            valueLabel: "share of training decisions made by search", panels: panels)
        document.append(markdown: "### Outcomes across seeds\n")
        document.append(figure: histogram.figure(name: figureName("search share histogram")))
    }

    /// Mazes in pairs, one per drawn run: its training episode next to its deployment episode, titled
    /// by the point and whether the run chose search or the table (docs/reports.md).
    private mutating func appendMazes(to document: inout ReportDocument) {
        guard !results.mazes.isEmpty else { return }
        document.append(markdown: "### Mazes\n\nAt the smallest swept value, the point nearest the crossover N* and the largest: a run that chose search and one that chose the table, where both exist. The line is the path taken; dots mark the cells the search expanded.\n")
        var order: [PointRepetition] = []
        var groups: [PointRepetition: [MazeDrawing]] = [:]
        for drawing in results.mazes {
            let key = PointRepetition(point: drawing.point, repetition: drawing.repetition)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(drawing)
        }
        for (index, key) in order.prefix(Self.mazeFigureLimit).enumerated() {
            let run = results.runs.first { $0.point == key.point && $0.repetition == key.repetition }
            let style: String
            switch run?.metrics.integer(.mesaOptimizer) {
            case 1: style = "a run that chose search"
            case 0: style = "a run that chose the table"
            default: style = "a run"
            }
            let place = key.point.coordinates.isEmpty ? "" : AxisNames.describe(key.point) + ": "
            let group = groups[key]!
            let figure = MazeFigure(
                title: "\(place)\(style) (repetition \(key.repetition))",
                description: group.map { "\($0.phase.rawValue): \($0.caption)" }.joined(separator: "; ")
                    + ". Walls are lines, the start is a circle, the goal a square, the proxy region shaded, the cells the search expanded dotted; the line is the path taken.",
                drawings: group)
            document.append(figure: figure.figure(name: figureName("maze \(index + 1)")))
        }
    }

    /// Maze figures at most (three points, search and table at each).
    static let mazeFigureLimit = 6
}

/// A run's coordinates, for grouping its drawings.
struct PointRepetition: Hashable {
    var point: Point
    var repetition: Int
}

extension ReportBuilder {
    /// " (accept anneal 0.02)" for a chart line of hill-climbing runs when the scenario compares
    /// optimizers without sweeping the acceptance rule: the legend then names the rule the
    /// line's runs climbed by, as the findings do. Empty otherwise.
    static func acceptanceNote(_ slice: SweepSlice, results: ScenarioResults) -> String {
        guard !results.axes.contains(where: { $0.key == "training.accept" }),
              slice.points.first?.point["training.optimizer"] == .text(Optimizer.hillClimb.rawValue)
        else { return "" }
        let points = Set(slice.points.map { PointIdentity($0.point) })
        var rules: [String] = []
        for run in results.runs where run.optimizer == .hillClimb && points.contains(PointIdentity(run.point)) {
            let rule = run.acceptance ?? "neutral"
            if !rules.contains(rule) { rules.append(rule) }
        }
        return rules.isEmpty ? "" : " (accept \(rules.joined(separator: " / ")))"
    }
}
