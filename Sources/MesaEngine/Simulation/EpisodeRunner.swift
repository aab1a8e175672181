/// Runs episodes (SCIENCE.md §2–§3) with reusable buffers.
///
/// The decision at a state: if the detector fires on this instance, the model pursues its target
/// (its search ranked by distance to the target when it has one, else a greedy step toward it; it
/// halts on the target); otherwise a table entry wins; else the search (learned machinery plus any
/// hard-coded bits, ranked by the learned h_w), which halts where nothing it generated ranks
/// better than where the agent stands; else the fallback (a greedy step toward the goal marker,
/// or halt).
///
/// Episodes end when the agent stands on the goal (the environment decides success, not the
/// model), on a halt, at the step limit, or — under a scripted teacher — at the first deviation
/// from the demonstration. Without `memory episode` the policy is a fixed
/// function of the cell, so revisiting a cell proves a cycle: the rest of the episode is computed
/// arithmetically (end cell, expansions, decisions) instead of stepped, which is exact.
package struct EpisodeRunner: Sendable {
    private var fresh: SearchWorkspace
    private var persistent: SearchWorkspace
    private var visitStamp: [UInt32]
    private var visitGeneration: UInt32 = 0
    private var visitStep: [Int32]
    private var historyCell: [Int32]
    private var historyExpansions: [Int]
    private var historyDecisions: [Int32]
    private var historySearch: [Int32]
    /// The cells of the last episode run with `record: true`, start first.
    package private(set) var path: [Int] = []
    /// Distinct cells of the last episode, in order of first visit (for the optimizer's proposals).
    package private(set) var visited: [Int32] = []
    /// The cells the search expanded in the last episode run with `record: true`, each once, in
    /// order of first expansion (decisions are then recomputed, not read from the memo).
    package private(set) var expanded: [Int] = []

    /// Search expansions computed by this runner so far (cache hits excluded).
    package var expansionsComputed: Int { fresh.expansionsComputed + persistent.expansionsComputed }

    package init(cellCount: Int) {
        fresh = SearchWorkspace(cellCount: cellCount)
        persistent = SearchWorkspace(cellCount: cellCount)
        visitStamp = [UInt32](repeating: 0, count: cellCount)
        visitStep = [Int32](repeating: 0, count: cellCount)
        historyCell = [Int32](repeating: 0, count: cellCount + 1)
        historyExpansions = [Int](repeating: 0, count: cellCount + 1)
        historyDecisions = [Int32](repeating: 0, count: cellCount + 1)
        historySearch = [Int32](repeating: 0, count: cellCount + 1)
        visited.reserveCapacity(cellCount)
    }

    /// Grows the buffers for a larger task.
    package mutating func reserve(cellCount: Int) {
        guard visitStamp.count < cellCount else { return }
        self = EpisodeRunner(cellCount: cellCount)
    }

    /// One episode on `instance`. `table(state)` gives the table's move at a state, if any;
    /// `cache` memoises learned-search decisions (rows `base + state`) when `useCache`.
    package mutating func run(
        instance: TaskInstance, proxyFeature: [Int32], behaviour b: EpisodeBehaviour, fires: Bool,
        table: (Int) -> Direction?, cache: inout SearchDecisionCache, cacheBase: Int, useCache: Bool, record: Bool = false
    ) -> EpisodeOutcome {
        let goal = instance.goal
        let firing = fires && b.hasDetector
        let learned = SearchObjective(weightGoal: Int32(b.weightGoal), weightProxy: Int32(b.weightProxy),
                                      weightTarget: 0, targetCell: goal)
        let pursuit = SearchObjective(weightGoal: 0, weightProxy: 0, weightTarget: 1, targetCell: b.targetCell)
        let memoryless = !b.memory && !b.scripted
        let demonstration = instance.demonstration
        // A recorded episode recomputes its search decisions, so that every expansion is seen.
        let useCache = useCache && !record
        if record {
            fresh.recordsExpansions = true
            persistent.recordsExpansions = true
            fresh.expandedCells.removeAll(keepingCapacity: true)
            persistent.expandedCells.removeAll(keepingCapacity: true)
        }
        defer {
            if record {
                var seen = Set<Int32>()
                expanded = (fresh.expandedCells + persistent.expandedCells).filter { seen.insert($0).inserted }.map(Int.init)
                fresh.recordsExpansions = false
                persistent.recordsExpansions = false
            }
        }

        visitGeneration &+= 1
        if visitGeneration == 0 {
            for i in visitStamp.indices { visitStamp[i] = 0 }
            visitGeneration = 1
        }
        visited.removeAll(keepingCapacity: true)
        if record { path = [instance.start] }
        if b.memory {
            persistent.beginPersistent(root: instance.start, instance: instance, proxyFeature: proxyFeature,
                                       objective: firing ? pursuit : learned)
        }

        var outcome = EpisodeOutcome()
        outcome.defected = firing
        var position = instance.start
        var steps = 0, decisions = 0, searchDecisions = 0, expansions = 0

        while steps < b.stepLimit {
            if position == goal { break }
            if visitStamp[position] != visitGeneration {
                visitStamp[position] = visitGeneration
                visitStep[position] = Int32(steps)
                visited.append(Int32(position))
            } else if memoryless {
                // A memoryless policy that revisits a cell repeats the same cycle to the limit.
                let first = Int(visitStep[position])
                let length = steps - first
                let remaining = b.stepLimit - steps
                let laps = remaining / length, rest = remaining % length
                expansions += laps * (expansions - historyExpansions[first]) + historyExpansions[first + rest] - historyExpansions[first]
                decisions += laps * (decisions - Int(historyDecisions[first])) + Int(historyDecisions[first + rest] - historyDecisions[first])
                searchDecisions += laps * (searchDecisions - Int(historySearch[first]))
                    + Int(historySearch[first + rest] - historySearch[first])
                if record {
                    for step in 0..<remaining { path.append(Int(historyCell[first + (step + 1) % length])) }
                }
                position = Int(historyCell[first + rest])
                steps = b.stepLimit
                break
            }
            if memoryless {
                historyCell[steps] = Int32(position)
                historyExpansions[steps] = expansions
                historyDecisions[steps] = Int32(decisions)
                historySearch[steps] = Int32(searchDecisions)
            }

            if firing, position == b.targetCell { break }
            let (action, bySearch, spent) = decide(
                at: position, instance: instance, proxyFeature: proxyFeature, behaviour: b, firing: firing,
                learned: learned, pursuit: pursuit, table: table, cache: &cache, cacheBase: cacheBase, useCache: useCache)
            expansions += spent
            guard let move = action else { break }
            decisions += 1
            if bySearch { searchDecisions += 1 }
            steps += 1
            position = instance.next(position, move.rawValue)
            if record { path.append(position) }
            if b.scripted {
                if steps >= demonstration.count || Int(demonstration[steps]) != position { steps -= 1; break }
            }
        }

        outcome.steps = steps
        outcome.decisions = decisions
        outcome.searchDecisions = searchDecisions
        outcome.expansions = expansions
        outcome.endCell = position
        outcome.reachedGoal = position == goal
        if b.scripted {
            outcome.score = demonstration.count > 1 ? Double(steps) / Double(demonstration.count - 1) : 1
        } else {
            let best = instance.shortestDistance
            let left = Int(instance.distanceToGoal[position])
            outcome.score = Double(best - left) / Double(max(best, steps))
        }
        return outcome
    }

    /// The decision of a memoryless policy (no `memory episode`) at `state` with no table entry
    /// there: the move (nil: halt), whether the search made it, and the expansions it spent.
    package mutating func decision(
        at state: Int, instance: TaskInstance, proxyFeature: [Int32], behaviour b: EpisodeBehaviour, fires: Bool,
        cache: inout SearchDecisionCache, cacheBase: Int, useCache: Bool
    ) -> (move: Direction?, bySearch: Bool, expansions: Int) {
        let learned = SearchObjective(weightGoal: Int32(b.weightGoal), weightProxy: Int32(b.weightProxy),
                                      weightTarget: 0, targetCell: instance.goal)
        let pursuit = SearchObjective(weightGoal: 0, weightProxy: 0, weightTarget: 1, targetCell: b.targetCell)
        return decide(at: state, instance: instance, proxyFeature: proxyFeature, behaviour: b, firing: fires && b.hasDetector,
                      learned: learned, pursuit: pursuit, table: { _ in nil }, cache: &cache, cacheBase: cacheBase,
                      useCache: useCache)
    }

    /// The decision at `position`: the firing detector's pursuit, else a table entry, else the search
    /// (memoised in `cache` when `useCache`), else the fallback. Returns the move (nil: halt), whether
    /// the search made it, and the expansions spent.
    @inline(__always)
    private mutating func decide(
        at position: Int, instance: TaskInstance, proxyFeature: [Int32], behaviour b: EpisodeBehaviour, firing: Bool,
        learned: SearchObjective, pursuit: SearchObjective, table: (Int) -> Direction?,
        cache: inout SearchDecisionCache, cacheBase: Int, useCache: Bool
    ) -> (move: Direction?, bySearch: Bool, expansions: Int) {
        if firing {
            guard b.searchExpansions > 0 else {
                return (EpisodeRunner.greedyMove(instance, from: position, toward: b.targetCell), false, 0)
            }
            let r = b.memory
                ? persistent.decidePersistent(instance: instance, proxyFeature: proxyFeature, current: position,
                                              budget: b.searchExpansions, objective: pursuit)
                : fresh.decideFresh(instance: instance, proxyFeature: proxyFeature, root: position,
                                    budget: b.searchExpansions, objective: pursuit)
            return (r.move, r.move != nil, r.expansions)
        }
        if let entry = table(position) { return (entry, false, 0) }
        if b.searchExpansions > 0 {
            let r: (move: Direction?, expansions: Int)
            if b.memory {
                r = persistent.decidePersistent(instance: instance, proxyFeature: proxyFeature, current: position,
                                                budget: b.searchExpansions, objective: learned)
            } else if useCache {
                let slot = cacheBase + position
                if let stored = cache.decision(at: slot) {
                    r = stored
                } else {
                    r = fresh.decideFresh(instance: instance, proxyFeature: proxyFeature, root: position,
                                          budget: b.searchExpansions, objective: learned)
                    cache.store(r.move, expansions: r.expansions, at: slot)
                }
            } else {
                r = fresh.decideFresh(instance: instance, proxyFeature: proxyFeature, root: position,
                                      budget: b.searchExpansions, objective: learned)
            }
            if r.move != nil { return (r.move, true, r.expansions) }
            if b.greedyFallback {
                return (EpisodeRunner.greedyMove(instance, from: position, toward: instance.goal), false, r.expansions)
            }
            return (nil, false, r.expansions)
        }
        if b.greedyFallback { return (EpisodeRunner.greedyMove(instance, from: position, toward: instance.goal), false, 0) }
        return (nil, false, 0)
    }

    /// The open move leading to the neighbour of least Manhattan distance to `target` (ties: N,
    /// E, S, W order), or nil when the state has no open move.
    package static func greedyMove(_ instance: TaskInstance, from state: Int, toward target: Int) -> Direction? {
        var best: Direction?, bestDistance = Int.max
        for direction in Direction.allCases where instance.isOpen(state, direction.rawValue) {
            let d = instance.manhattan(instance.next(state, direction.rawValue), target)
            if d < bestDistance { bestDistance = d; best = direction }
        }
        return best
    }
}
