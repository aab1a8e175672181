import MesaResults

/// The charts of one numeric axis in a learned world's report: each metric's mean with its 95%
/// band over seeds, one line per slice of the other axes (at most `ReportBuilder.sliceLimit`),
/// on the axis's own scale. The regression and teacher sections draw their charts through it.
struct LearnedAxisCharts {
    let axis: AxisDescription
    /// How the axis is named on charts and in the section heading.
    let axisName: String
    let slices: [SweepSlice]
    let scale: AxisScale.Kind
    let axes: [AxisDescription]

    init(axis: AxisDescription, axisName: String, results: ScenarioResults) {
        self.axis = axis
        self.axisName = axisName
        axes = results.axes
        slices = Array(ReportBuilder.slices(of: results.summary, along: axis.key, axes: results.axes)
            .prefix(ReportBuilder.sliceLimit))
        scale = axis.isLogarithmic ? .log10 : .linear
    }

    /// `metric` along the axis, one line per slice, each line's label after `prefix`.
    func series(_ metric: Metric, _ prefix: String) -> [LineChart.Series] {
        slices.compactMap { slice in
            let samples = slice.points.compactMap { summary -> LineChart.Sample? in
                guard let x = summary.point[axis.key]?.number, let estimate = summary.metrics[metric] else { return nil }
                let place = ReportBuilder.describe(summary.point, axes: axes, shortKeys: true)
                return .init(x: x, y: estimate.mean, lo: estimate.lo, hi: estimate.hi,
                             title: "\(place): \(metric.name) \(ChartNumber.label(estimate.mean)) (95% interval \(ChartNumber.label(estimate.lo))–\(ChartNumber.label(estimate.hi))), \(summary.n) run\(summary.n == 1 ? "" : "s")")
            }
            return samples.isEmpty ? nil : .init(label: prefix + slice.label, samples: samples)
        }
    }

    /// A chart of `lines` against the axis, or nil when there is nothing to draw.
    func chart(_ title: String, _ description: String, yLabel: String, yDomain: ClosedRange<Double>? = nil,
               _ lines: [LineChart.Series]) -> LineChart? {
        guard !lines.isEmpty else { return nil }
        return LineChart(title: title, description: description, xLabel: axisName, yLabel: yLabel,
                         xScale: scale, yDomain: yDomain, series: lines)
    }
}

extension ReportBuilder {
    /// Appends `chart`, when there is one, as the figure named after `name` and the axis.
    mutating func append(_ chart: LineChart?, name: String, axis: AxisDescription, to document: inout ReportDocument) {
        guard let chart else { return }
        document.append(figure: chart.figure(name: figureName("\(name) \(axis.key)")))
    }
}
