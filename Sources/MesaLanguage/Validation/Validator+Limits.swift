import MesaScenario

/// The run-count and work limits: a sweep beyond them is refused with its size printed, unless
/// the caller allows large sweeps.
extension Validator {
    /// More points than this cannot be enumerated at all, whatever the options say.
    static let absolutePointLimit = 1e9

    mutating func checkLimits(_ scenario: Scenario, header: HeaderSyntax, options: ScenarioCompiler.Options) {
        guard scenario.simulation != nil else { return }
        let points = scenario.axes.reduce(1.0) { $0 * Double($1.values.count) }
        let runs = points * Double(scenario.seeds)
        let axisNotes = settings.filter { $0.isSwept && $0.key.block != "analytic" }.map {
            Diagnostic.Note("'\($0.key.qualifiedName)' sweeps \($0.values.count) value\($0.values.count == 1 ? "" : "s")",
                            range: $0.statement.valuesRange)
        }
        let size = "\(Self.figure(points)) point\(points == 1 ? "" : "s") × \(scenario.seeds) seed\(scenario.seeds == 1 ? "" : "s")"
        guard points <= Self.absolutePointLimit else {
            diagnostics.error("the sweep has \(size) = \(Self.figure(runs)) runs, more than can be enumerated (\(Self.figure(Self.absolutePointLimit)) points)",
                              at: header.range, notes: axisNotes)
            return
        }
        guard !options.allowLarge else { return }
        let goAhead = Diagnostic.Note("to run it anyway, pass --allow-large")
        if runs > Double(options.maxRuns) {
            diagnostics.error("the sweep has \(size) = \(Self.figure(runs)) runs, more than the limit of \(Self.figure(Double(options.maxRuns)))",
                              at: header.range, notes: axisNotes + [goAhead])
            return
        }
        let seconds = CostModel.reference.seconds(scenario.work(seeds: scenario.seeds))
        if seconds > options.maxSeconds {
            diagnostics.error("the sweep's estimated work is \(CostModel.duration(seconds)) of one core on the reference machine (\(size)), more than the limit of \(CostModel.duration(options.maxSeconds))",
                              at: header.range, notes: axisNotes + [goAhead])
        }
    }

    /// `12000` or `3.4e11`: whole numbers below a million, else two significant digits.
    static func figure(_ value: Double) -> String {
        guard value.isFinite else { return "more than 1e308" }
        if value < 1e6, value == value.rounded() { return String(Int(value)) }
        var exponent = 0
        var mantissa = value
        while mantissa >= 10 { mantissa /= 10; exponent += 1 }
        let rounded = (mantissa * 10).rounded() / 10
        return "\(Expression.format(rounded))e\(exponent)"
    }
}
