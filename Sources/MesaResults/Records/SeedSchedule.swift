/// How many seeds every sweep point runs (docs/statistics.md "Seeds until decided"): a fixed number
/// (`seeds 12`), or looks at cumulative totals (`seeds 12 ... 192`: 12, 24, 48, 96, 192) that stop
/// at the first look where every prediction is decided.
///
/// Across L looks the error rate stays at 5% by Bonferroni: every interval behind a verdict is
/// taken at level 1 − 0.05/L (0.99 for 5 looks), at every look, whether or not a later look comes.
public struct SeedSchedule: Codable, Sendable, Hashable {
    /// Cumulative seeds per point at each look; one look for a fixed number.
    public var looks: [Int]

    public init(looks: [Int]) {
        self.looks = looks
    }

    /// A fixed number of seeds: one look.
    public static func fixed(_ seeds: Int) -> SeedSchedule { SeedSchedule(looks: [seeds]) }

    /// Doubling from `first` to `last` (`12 ... 192` → 12, 24, 48, 96, 192); nil unless `last` is
    /// `first` times a power of two (at least one doubling).
    public static func doubling(from first: Int, to last: Int) -> SeedSchedule? {
        guard first >= 1, last > first else { return nil }
        var looks = [first]
        while looks[looks.count - 1] < last { looks.append(looks[looks.count - 1] * 2) }
        return looks.last == last ? SeedSchedule(looks: looks) : nil
    }

    /// The most seeds a point can run.
    public var cap: Int { looks[looks.count - 1] }
    /// The seeds of the first look.
    public var minimum: Int { looks[0] }
    /// Whether the seeds come in looks.
    public var isSequential: Bool { looks.count > 1 }

    /// The confidence level of the intervals behind verdicts: 1 − 0.05/L for L looks.
    public var verdictLevel: Double { 1 - 0.05 / Double(looks.count) }

    /// The schedule as the scenario language writes it (`12 ... 192`, or `12`).
    public var text: String { isSequential ? "\(minimum) ... \(cap)" : "\(cap)" }
}
