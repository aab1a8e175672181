import Foundation
import MesaResults
import MesaScenario

/// The plan of one scenario as text.
public struct PlanSummary: Sendable {
    public var scenario: Scenario
    public var path: String
    /// The reports folder the run would write into.
    public var reportsFolder: String
    /// This machine's cost model and the jobs the run would use: with them the plan says how
    /// long the simulation would take.
    public var timing: (model: CostModel, jobs: Int)?

    public init(scenario: Scenario, path: String, reportsFolder: String = "reports",
                timing: (model: CostModel, jobs: Int)? = nil) {
        self.scenario = scenario
        self.path = path
        self.reportsFolder = reportsFolder
        self.timing = timing
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
                let numbers = axis.values.map(\.number)
                let scale = numbers.allSatisfy { $0 != nil }
                    ? "; fitted on a \(AxisScaleRule.name(isLogarithmic: AxisScaleRule.isLogarithmic(numbers, declaredGeometric: axis.isGeometric)))"
                    : ""
                lines.append("  swept: \(axis.key) (\(values.count) values\(axis.isGeometric ? ", geometric" : "")\(scale)): \(shown)")
            }
            if let (model, jobs) = timing {
                let largest = scenario.largestRunWork
                func wall(_ seeds: Int) -> String {
                    CostModel.duration(model.wallSeconds(scenario.work(seeds: seeds), largestRun: largest, jobs: jobs))
                }
                let on = "with \(jobs) job\(jobs == 1 ? "" : "s") on this machine"
                if schedule.isSequential {
                    lines.append("  estimated time: at least \(wall(schedule.minimum)) (first look), at most \(wall(scenario.seeds)) (every look), \(on)")
                } else {
                    lines.append("  estimated time: about \(wall(scenario.seeds)) \(on)")
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}
