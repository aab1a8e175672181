/// A memoryless model's own decisions on one training instance, for every state at once: what it
/// does where its table has no entry (the search, else the fallback). Exact selection tries
/// hundreds of small tables per instance and behaviour (`TableCompletions`); with the untabled
/// decisions precomputed, each table's episode is a walk over arrays instead of a run through the
/// evaluator. Valid only where the policy is a fixed function of the state: no `memory episode`,
/// a planner teacher, and no detector firing on the instance.
///
/// `episode(entries:)` replays `EpisodeRunner.run` for that case step for step — the same end
/// conditions, the same cycle arithmetic — and is tested equal to it on random tables.
package struct UntabledPolicy: Sendable {
    private let start: Int
    private let goal: Int
    private let stepLimit: Int
    private let shortest: Int
    private let distanceToGoal: [Int32]
    /// Per state: the state after the untabled move (−1: the model halts there).
    private let nextState: [Int32]
    /// Per state: the untabled move (a `Direction`'s raw value, −1 to halt).
    private let move: [Int8]
    /// Per state: expansions the untabled decision spends, and whether the search made it.
    private let expansions: [Int32]
    private let bySearch: [Bool]
    private let instance: TaskInstance

    // Scratch for one episode.
    private var stamp: [UInt32]
    private var generation: UInt32 = 0
    private var visitStep: [Int32]
    private var history: [(cell: Int32, expansions: Int, decisions: Int32, search: Int32)]

    package init(instance: TaskInstance, stepLimit: Int, decisions: [(move: Direction?, bySearch: Bool, expansions: Int)]) {
        let states = instance.stateCount
        start = instance.start
        goal = instance.goal
        self.stepLimit = stepLimit
        shortest = instance.shortestDistance
        distanceToGoal = instance.distanceToGoal
        self.instance = instance
        move = decisions.map { $0.move.map { Int8($0.rawValue) } ?? -1 }
        nextState = (0..<states).map { s in decisions[s].move.map { Int32(instance.next(s, $0.rawValue)) } ?? -1 }
        expansions = decisions.map { Int32($0.expansions) }
        bySearch = decisions.map(\.bySearch)
        stamp = [UInt32](repeating: 0, count: states)
        visitStep = [Int32](repeating: 0, count: states)
        history = Array(repeating: (0, 0, 0, 0), count: states + 1)
    }

    /// The untabled move at `state` (nil: halt).
    package func ownMove(at state: Int) -> Direction? {
        move[state] < 0 ? nil : Direction(rawValue: Int(move[state]))
    }

    /// The episode with `entries` as the table (an entry wins over the model's own decision).
    package mutating func episode(entries: [(cell: Int, action: Int)]) -> EpisodeOutcome {
        generation &+= 1
        if generation == 0 {
            for i in stamp.indices { stamp[i] = 0 }
            generation = 1
        }
        var position = start
        var steps = 0, decisions = 0, searchDecisions = 0, spent = 0
        while steps < stepLimit {
            if position == goal { break }
            if stamp[position] != generation {
                stamp[position] = generation
                visitStep[position] = Int32(steps)
            } else {
                // A revisited state: the same cycle repeats to the step limit (as EpisodeRunner).
                let first = Int(visitStep[position])
                let length = steps - first
                let remaining = stepLimit - steps
                let laps = remaining / length, rest = remaining % length
                let origin = history[first], stop = history[first + rest]
                spent += laps * (spent - origin.expansions) + stop.expansions - origin.expansions
                decisions += laps * (decisions - Int(origin.decisions)) + Int(stop.decisions - origin.decisions)
                searchDecisions += laps * (searchDecisions - Int(origin.search)) + Int(stop.search - origin.search)
                position = Int(stop.cell)
                steps = stepLimit
                break
            }
            history[steps] = (Int32(position), spent, Int32(decisions), Int32(searchDecisions))
            var next = -1
            var searched = false
            if let entry = entries.first(where: { $0.cell == position }) {
                next = instance.next(position, entry.action)
            } else {
                spent += Int(expansions[position])
                next = Int(nextState[position])
                searched = bySearch[position]
            }
            guard next >= 0 else { break }
            decisions += 1
            if searched { searchDecisions += 1 }
            steps += 1
            position = next
        }
        var outcome = EpisodeOutcome()
        outcome.steps = steps
        outcome.decisions = decisions
        outcome.searchDecisions = searchDecisions
        outcome.expansions = spent
        outcome.endCell = position
        outcome.reachedGoal = position == goal
        outcome.score = Double(shortest - Int(distanceToGoal[position])) / Double(max(shortest, steps))
        return outcome
    }
}
