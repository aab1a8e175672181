/// Settings that do not apply to a run's optimizer, collapsed before any statistic or chart
/// (issue 22 item 8, issue 21 item 7).
///
/// Hill climbing's own settings — `training.accept`, `training.steps`, `training.init` — change
/// nothing an exact run selects, yet sweeping one beside `optimizer exact` gives each exact point
/// one copy per value. Those copies are runs on the same worlds (a run's world comes from the
/// scenario seed and its repetition, not from its settings: docs/model.md), so counting them as
/// separate points or separate runs would count the same evidence several times ("18 of 18
/// points" that were 9 analyses twice) and write filler comparisons ("the shares are equal").
/// So the exact runs are kept at the first value of each such swept axis only (in the axis's
/// order), and their copies at the other values are left out of summaries, verdicts, findings and
/// charts. `run` stores the collapsed runs too (`results.json`, `results.csv`): the copies are
/// simulated and cached, but a report lists each piece of evidence once.
public enum InapplicableSettings {
    /// The settings only hill climbing reads.
    public static let hillClimbingKeys: Set<String> = ["training.accept", "training.steps", "training.init"]

    /// `runs` without the exact runs at a value of a hill-climbing-only axis other than its first.
    public static func collapse(_ runs: [RunRecord], axes: [AxisDescription]) -> [RunRecord] {
        let firsts = axes.filter { hillClimbingKeys.contains($0.key) && $0.values.count > 1 }
            .compactMap { axis in axis.values.first.map { (axis.key, $0) } }
        guard !firsts.isEmpty else { return runs }
        return runs.filter { run in
            guard run.optimizer == .exact else { return true }
            return firsts.allSatisfy { key, first in run.point[key].map { $0 == first } ?? true }
        }
    }

    /// `results` with its runs collapsed (for the analysis of results written before `run` collapsed them).
    public static func collapse(_ results: ScenarioResults) -> ScenarioResults {
        var collapsed = results
        collapsed.runs = collapse(results.runs, axes: results.axes)
        return collapsed
    }
}
