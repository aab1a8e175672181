import MesaEngine
import MesaScenario

/// One part of a sweep that runs on its own (`run --shard I/N`, docs/cluster.md): shards split the
/// runs of one look by estimated work, not by count, so that a job array's tasks finish together.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// 1-based.
    public var index: Int
    public var count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// `I/N`, as the command line writes it.
    public init?(argument: String) {
        let parts = argument.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else { return nil }
        self.init(index: i, count: n)
    }

    public var description: String { "\(index)/\(count)" }

    /// The runs of look `look` (1-based) of `scenario`: every point's repetitions from the previous
    /// look's total to this one's.
    public static func runs(of scenario: Scenario, look: Int) -> [RunCoordinate] {
        let looks = scenario.seedSchedule.looks
        guard (1...looks.count).contains(look) else { return [] }
        let from = look == 1 ? 0 : looks[look - 2], to = looks[look - 1]
        return scenario.points.indices.flatMap { point in (from..<to).map { RunCoordinate(point: point, repetition: $0) } }
    }

    /// `runs` split into `count` shards: in decreasing estimated work (ties in run order), each run
    /// to the shard with the least work so far (ties to the lower index). Deterministic.
    public static func assign(_ runs: [RunCoordinate], of scenario: Scenario, count: Int) -> [[RunCoordinate]] {
        let points = scenario.points
        // Each shard analyses its own runs' instances, so a run's work here is its own, unshared.
        let work = points.map { CostModel.reference.seconds(Scenario.work(of: $0.spec)) }
        let ordered = runs.enumerated().sorted { (work[$0.element.point], $1.offset) > (work[$1.element.point], $0.offset) }
        var shards = [[RunCoordinate]](repeating: [], count: max(1, count))
        var load = [Double](repeating: 0, count: max(1, count))
        for (_, run) in ordered {
            let target = load.indices.min { (load[$0], $0) < (load[$1], $1) }!
            shards[target].append(run)
            load[target] += work[run.point]
        }
        return shards.map { $0.sorted() }
    }

    /// This shard's runs of look `look`.
    public func runs(of scenario: Scenario, look: Int) -> [RunCoordinate] {
        Self.assign(Self.runs(of: scenario, look: look), of: scenario, count: count)[index - 1]
    }
}
