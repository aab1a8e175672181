import MesaScenario

/// Checks that need the whole file: cost expressions against `max_bits`, and blocks that would
/// be silently ignored.
extension Validator {
    /// Samples on [0, max_bits]: 1001 evenly spaced points plus every whole number, where
    /// singularities such as `1/(x-1)` sit.
    static func samplePoints(upTo maxBits: Double) -> [Double] {
        let even = (0...1000).map { Double($0) * maxBits / 1000 }
        let whole = (0...Int(min(maxBits, 100_000).rounded(.down))).map(Double.init)
        return even + whole
    }

    mutating func checkPendingCosts() {
        func largest(_ qualifiedName: String) -> Double? {
            settings.first { $0.key.qualifiedName == qualifiedName }?.values.compactMap(\.number).max()
        }
        let analyticMax = largest("analytic.max_bits") ?? AnalyticSpec().maxBits.max() ?? 0
        let modelMax = largest("model.max_bits") ?? ModelSpec().maxBits
        for cost in pendingCosts {
            let maxBits = cost.key.block == "analytic" ? analyticMax : modelMax
            let interval = "[0, \(Expression.format(maxBits))]"
            let points = Self.samplePoints(upTo: maxBits)
            if let x = points.first(where: { !cost.expression.evaluate(at: $0).isFinite }) {
                diagnostics.error("'\(cost.key.name)' is not finite at x = \(Expression.format(x))", at: cost.range,
                                  notes: [Diagnostic.Note("a cost must be a finite number for every x in \(interval), up to '\(cost.key.block).max_bits'")])
            } else if let x = points.first(where: { cost.expression.evaluate(at: $0) < 0 }) {
                diagnostics.error("'\(cost.key.name)' is negative at x = \(Expression.format(x))", at: cost.range,
                                  notes: [Diagnostic.Note("a cost must be at least 0 for every x in \(interval)")])
            } else if !cost.expression.usesVariable {
                diagnostics.warning("'\(cost.key.name)' does not depend on x", at: cost.range,
                                    notes: [Diagnostic.Note("a constant cost makes every amount of search cost the same")])
            }
        }
    }

    mutating func warnAboutIgnoredBlocks(_ file: FileSyntax, _ blocks: [String: SourceRange]) {
        guard blocks["environment"] == nil else { return }
        for (name, range) in blocks.sorted(by: { $0.value.start < $1.value.start }) where name != "analytic" {
            diagnostics.warning("block '\(name)' has no effect without an 'environment' block", at: range)
        }
        if blocks["analytic"] == nil, let header = file.header {
            diagnostics.warning("the scenario has no 'analytic' or 'environment' block, so nothing will run", at: header.range)
        }
    }
}
