import Foundation
import MesaScenario

/// The plan of one scenario as text.
public struct PlanSummary: Sendable {
    public var scenario: Scenario
    public var path: String
    /// The reports folder the run would write into.
    public var reportsFolder: String

    public init(scenario: Scenario, path: String, reportsFolder: String = "reports") {
        self.scenario = scenario
        self.path = path
        self.reportsFolder = reportsFolder
    }

    public var text: String {
        let folder = reportsFolder.hasSuffix("/") ? String(reportsFolder.dropLast()) : reportsFolder
        var lines = ["\(path): \"\(scenario.title)\" → \(folder)/\(scenario.slug)/"]
        if let analytic = scenario.analytic {
            let grid = analytic.powers.count * analytic.costs.count * analytic.maxBits.count * analytic.instances.count
            lines.append("  analytic: \(grid) grid point\(grid == 1 ? "" : "s") (P × f × x_max × N)")
        }
        if scenario.simulation != nil {
            let schedule = scenario.seedSchedule
            if schedule.isSequential {
                let looks = schedule.looks.map(String.init).joined(separator: ", ")
                lines.append("  simulation: \(scenario.pointCount) point\(scenario.pointCount == 1 ? "" : "s") × seeds \(schedule.text) (looks at \(looks)) = at least \(scenario.minimumRunCount), at most \(scenario.runCount) runs")
            } else {
                lines.append("  simulation: \(scenario.pointCount) point\(scenario.pointCount == 1 ? "" : "s") × \(scenario.seeds) seed\(scenario.seeds == 1 ? "" : "s") = \(scenario.runCount) run\(scenario.runCount == 1 ? "" : "s")")
            }
            if scenario.axes.isEmpty {
                lines.append("  swept: nothing")
            }
            for axis in scenario.axes {
                let values = axis.values.map(\.text)
                let shown = values.count > 12 ? values.prefix(6).joined(separator: ", ") + ", …, " + values.suffix(3).joined(separator: ", ") : values.joined(separator: ", ")
                lines.append("  swept: \(axis.key) (\(values.count) values\(axis.isGeometric ? ", geometric" : "")): \(shown)")
            }
            if schedule.isSequential {
                let perSeed = scenario.estimatedWork / Double(max(1, scenario.seeds))
                lines.append("  estimated work: at least \(Self.engineering(perSeed * Double(schedule.minimum))), at most \(Self.engineering(scenario.estimatedWork)) agent moves")
            } else {
                lines.append("  estimated work: \(Self.engineering(scenario.estimatedWork)) agent moves")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// 1.2e9-style figures a reader can compare at a glance.
    static func engineering(_ value: Double) -> String {
        if value < 10_000 { return String(Int(value.rounded())) }
        let exponent = Int(floor(log10(value)))
        let mantissa = value / pow(10, Double(exponent))
        return String(format: "%.1fe%d", mantissa, exponent)
    }
}
