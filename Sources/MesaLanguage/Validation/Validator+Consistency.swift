import MesaScenario

/// Settings that are each valid but together make part of the scenario pointless. These are
/// warnings: the scenario still runs, but `check` tells the author.
extension Validator {
    /// Sweeps with more points than this are not searched for such combinations.
    static let consistencyPointLimit = 10_000

    mutating func warnAboutInconsistentSettings(_ scenario: Scenario, header: HeaderSyntax) {
        guard scenario.simulation != nil, scenario.pointCount <= Self.consistencyPointLimit else { return }
        var thresholdPoint: RunPoint?, proxyPoint: (point: RunPoint, problem: String)?
        for point in scenario.points {
            let model = point.spec.model
            if thresholdPoint == nil, model.styles.contains(.search), model.searchThreshold > model.maxBits {
                thresholdPoint = point
            }
            if proxyPoint == nil, let problem = Self.proxyProblem(point.spec.environment) ?? Self.proxyProblem(point.spec.deployment) {
                proxyPoint = (point, problem)
            }
        }
        if let point = thresholdPoint {
            diagnostics.warning("'search_threshold' \(Expression.format(point.spec.model.searchThreshold)) is above 'max_bits' \(Expression.format(point.spec.model.maxBits)), so the search never expands anything",
                                at: range(of: ["model.search_threshold", "model.max_bits"], orElse: header.range),
                                notes: Self.pointNote(point, scenario))
        }
        if let (point, problem) = proxyPoint {
            diagnostics.warning(problem,
                                at: range(of: ["environment.proxy", "deployment.proxy", "environment.maze", "deployment.maze"], orElse: header.range),
                                notes: Self.pointNote(point, scenario))
        }
    }

    /// With goals tied to the region, the region must fit in the maze, and when some goals are to
    /// lie outside it (`goal_correlation` below 1) it must leave cells outside.
    private static func proxyProblem(_ environment: EnvironmentSpec) -> String? {
        guard environment.goal == .region else { return nil }
        let side = environment.proxySide, width = environment.width, height = environment.height
        if side > min(width, height) {
            return "the proxy region (side \(side)) does not fit in the \(width) x \(height) maze"
        }
        if side >= width, side >= height, environment.goalCorrelation < 1 {
            return "the proxy region (side \(side)) covers the whole \(width) x \(height) maze, so no goal can lie outside it"
        }
        return nil
    }

    func range(of keys: [String], orElse fallback: SourceRange) -> SourceRange {
        for key in keys {
            if let setting = settings.first(where: { $0.key.qualifiedName == key }) { return setting.statement.valuesRange }
        }
        return fallback
    }

    static func pointNote(_ point: RunPoint, _ scenario: Scenario) -> [Diagnostic.Note] {
        guard !scenario.axes.isEmpty else { return [] }
        let where_ = point.coordinates.map { "\($0.key) = \($0.value.text)" }.joined(separator: ", ")
        return [Diagnostic.Note("first at the sweep point \(where_)")]
    }
}
