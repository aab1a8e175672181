import MesaResults

/// The analytic section: per curve of the (P, f, x_max) grid, x*, the tuning share and J* against
/// N with onset, crossover and saturation marked, and the findings of kind `analytic`.
extension ReportBuilder {
    /// How many curves get their own chart; the data of all curves stays in the tables and files.
    static let analyticChartLimit = 6

    mutating func appendAnalytic(to document: inout ReportDocument) {
        let rows = results.analytic
        guard !rows.isEmpty else { return }
        document.append(markdown: """
            ## Analytic model

            For each number of instances N, the base optimizer splits its power P between building a \
            learned algorithm capable of x bits of run-time optimization (cost f(x)) and tuning each of the \
            N instances directly. The mesa share is x\\*, the tuning share is (P − f(x\\*)) / N, and J\\* is their sum.

            """)
        let curves = Self.curves(of: rows)
        let logAxis = Vocabulary.looksGeometric(rows.map(\.instances))
        if curves.count > 1 {
            // One chart across curves shows at a glance what P, f or x_max change about x*.
            let chart = LineChart(
                title: "Mesa share x* against N for each curve",
                description: "The optimal bits of run-time search x* for each N, one line per combination of P, f(x) and x_max. Where lines coincide, x* does not depend on what differs between them.",
                xLabel: "N (instances)", yLabel: "x* (bits)", xScale: logAxis ? .log10 : .linear,
                series: curves.prefix(SVGCanvas.paletteSize * 2).map { curve in
                    .init(label: Self.curveLabel(curve[0]), samples: curve.map { .init(x: $0.instances, y: $0.mesaShare) })
                })
            document.append(figure: chart.figure(name: figureName("analytic comparison")))
        }
        for (index, curve) in curves.prefix(Self.analyticChartLimit).enumerated() {
            let first = curve[0]
            let label = Self.curveLabel(first)
            let markers = analyticMarkers(for: first, isFirstCurve: index == 0)
            let chart = LineChart(
                title: "Analytic optimum against N (\(label))",
                description: "The mesa share x*, the tuning share and J* for each N, with \(label)."
                    + (markers.isEmpty ? "" : " Dashed lines mark " + markers.map { "the \($0.label) at N = \(ChartNumber.label($0.x))" }.joined(separator: ", ") + "."),
                xLabel: "N (instances)", yLabel: "bits", xScale: logAxis ? .log10 : .linear,
                series: [
                    .init(label: "mesa share x*", samples: curve.map { .init(x: $0.instances, y: $0.mesaShare) }),
                    .init(label: "tuning share (P − f(x*))/N", samples: curve.map { .init(x: $0.instances, y: $0.tuningShare) }),
                    .init(label: "J*", samples: curve.map { .init(x: $0.instances, y: $0.jStar) }),
                ],
                markers: markers)
            document.append(figure: chart.figure(name: figureName("analytic \(index + 1)")))
        }
        if curves.count > Self.analyticChartLimit {
            document.append(markdown: "Charts show the first \(Self.analyticChartLimit) of \(curves.count) curves; every row is in results.json and in the table below.\n")
        }
        appendAnalyticFindings(to: &document)
    }

    static func curveLabel(_ row: AnalyticRow) -> String {
        "P = \(ChartNumber.label(row.power)), f(x) = \(row.cost), x_max = \(ChartNumber.label(row.maxBits))"
    }

    /// Rows grouped by (P, cost, x_max), in order of first appearance, each sorted by N.
    static func curves(of rows: [AnalyticRow]) -> [[AnalyticRow]] {
        var order: [String] = []
        var groups: [String: [AnalyticRow]] = [:]
        for row in rows {
            let key = "\(row.power)|\(row.cost)|\(row.maxBits)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(row)
        }
        return order.map { key in groups[key]!.sorted { $0.instances < $1.instances } }
    }

    func analyticMarkers(for row: AnalyticRow, isFirstCurve: Bool) -> [LineChart.Marker] {
        let findings = results.analyticFindings
        let curve = findings?.curves.first { $0.power == row.power && $0.cost == row.cost && $0.maxBits == row.maxBits }
        let onset = curve?.onset ?? (isFirstCurve ? findings?.onset : nil)
        let crossover = curve?.crossover ?? (isFirstCurve ? findings?.crossover : nil)
        let saturation = curve?.saturation ?? (isFirstCurve ? findings?.saturation : nil)
        return [("onset", onset), ("crossover", crossover), ("saturation", saturation)].compactMap { name, value in
            value.map { LineChart.Marker(x: $0, label: name) }
        }
    }

    func appendAnalyticFindings(to document: inout ReportDocument) {
        let sentences = results.findings.filter { $0.kind == .analytic }.map(\.sentence)
        if !sentences.isEmpty {
            document.append(markdown: sentences.map { "- \($0.markdownEscaped)\n" }.joined())
        }
        func show(_ value: Double?) -> String { value.map(ChartNumber.label) ?? "not reached" }
        let curveFindings = results.analyticFindings?.curves ?? []
        if !curveFindings.isEmpty {
            document.append(markdown: "Where each curve changes character:\n")
            document.append(
                table: DataTable(
                    columns: ["P", "f(x)", "x_max", "Onset N", "Crossover N", "Saturation N"],
                    rows: curveFindings.map {
                        [ChartNumber.label($0.power), $0.cost, ChartNumber.label($0.maxBits), show($0.onset),
                         show($0.crossover), show($0.saturation)]
                    }),
                style: "analytic-findings")
        } else if let findings = results.analyticFindings {
            document.append(markdown: "Onset at N = \(show(findings.onset).markdownEscaped), crossover at N = \(show(findings.crossover).markdownEscaped), saturation at N = \(show(findings.saturation).markdownEscaped).\n")
        }
    }
}
