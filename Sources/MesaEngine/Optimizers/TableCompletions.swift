import MesaResults

/// What the table can achieve on one training instance, given the rest of the model
/// (SCIENCE.md §4 `exact`; docs/model.md "What the table can achieve").
///
/// A table only matters at the cells an episode visits. For a target walk P = p₀ … p_L from the
/// start, the *completion* of P is the smallest table that makes the agent follow P: walking P, an
/// entry is placed at the first cell where the agent would leave P, and again, until it follows P
/// (for a memoryless policy exactly the cells of P where the model's own move differs). The
/// candidates are: for each cell e, the completion of the path start → e (the maze's unique path
/// in a perfect maze; the BFS-tree path with loops), with no entry at e or with each other action
/// forced at e; under a scripted teacher the completions of every prefix of the demonstration.
///
/// Exactness (tested against brute force): in a perfect maze with a memoryless policy (no
/// `memory episode`) every table's episode is a simple path to some cell e followed by the end,
/// a cycle, or a wall bump decided at e; stripping the entries that do not change the episode
/// leaves a candidate with the same episode and no more entries. So the best candidate with k
/// entries is the best table with k entries. With loops or memory the candidates are a subset:
/// the result is achievable, a lower bound on what the table could do.
package struct TableCompletions {
    /// One candidate table's outcome on the instance.
    package struct Candidate: Sendable {
        package var entries: [(cell: Int, action: Int)]
        package var outcome: EpisodeOutcome
        package var cost: Int { entries.count }
    }

    /// All candidates for `instance` under `model` (whose own table is ignored).
    package static func candidates(
        evaluator: inout TrainingEvaluator, model: MesaModel, instance index: Int
    ) -> [Candidate] {
        let set = evaluator.world.training
        let instance = set.instances[index]
        let cells = set.stateCount
        let bare = model
        if set.detectorFires[index] && evaluator.modelClass.hasCompleteDetector(model) {
            // A firing detector overrides the table: nothing it stores is ever used.
            let outcome = episode(&evaluator, bare, index, entries: [], cells: cells)
            return [Candidate(entries: [], outcome: outcome)]
        }
        var targets: [[Int]] = []
        if set.spec.teacher == .scripted {
            let demo = instance.demonstration.map(Int.init)
            for length in 0..<demo.count { targets.append(Array(demo[0...length])) }
        } else {
            let tree = ShortestPaths.tree(successors: instance.successors, stateCount: instance.stateCount,
                                          from: instance.start)
            for e in 0..<cells {
                var path: [Int] = []
                var c = e
                while c >= 0 { path.append(c); c = tree[c] }
                targets.append(path.reversed())
            }
        }
        // A memoryless policy (no `memory episode`, a planner teacher) completes a walk in one pass
        // and replays each table over its precomputed decisions.
        var policy = evaluator.untabledPolicy(bare, instance: index)
        var seen = Set<TableKey>()
        var result: [Candidate] = []
        for target in targets {
            let completed = policy.map { directCompletion($0, instance, target: target) }
                ?? completion(&evaluator, bare, index, target: target, cells: cells)
            guard let entries = completed else { continue }
            let end = target.last!
            var variants: [[(cell: Int, action: Int)]] = [entries]
            if end != instance.goal, !entries.contains(where: { $0.cell == end }) {
                for action in 0..<4 { variants.append(entries + [(end, action)]) }
            }
            var plain: EpisodeOutcome?
            for variant in variants {
                guard seen.insert(TableKey(variant)).inserted else { continue }
                let outcome = policy?.episode(entries: variant) ?? episode(&evaluator, bare, index, entries: variant, cells: cells)
                // An entry at e that repeats the model's own move changes nothing: not minimal.
                if variant.count > entries.count, let plain, outcome == plain { continue }
                if variant.count == entries.count { plain = outcome }
                result.append(Candidate(entries: variant, outcome: outcome))
            }
        }
        return result
    }

    /// A table as a set of entries, whatever their order: two 64-bit sums of independently mixed
    /// entries (no sorting, no allocation). Distinct tables of one instance colliding in both
    /// sums would take a 2⁻¹²⁸-chance event.
    struct TableKey: Hashable {
        var first: UInt64 = 0
        var second: UInt64 = 0

        init(_ entries: [(cell: Int, action: Int)]) {
            for entry in entries {
                let code = UInt64(entry.cell * 4 + entry.action)
                first &+= SplitMix64.mix(code)
                second &+= SplitMix64.mix(code ^ 0x9E37_79B9_7F4A_7C15)
            }
        }
    }

    /// The completion of `target` for a memoryless policy, in one pass: an entry at each state of the
    /// walk (but its last) where the model's own move does not lead to the next state; nil when the
    /// walk passes the goal before its end (the episode would stop there).
    static func directCompletion(_ policy: UntabledPolicy, _ instance: TaskInstance,
                                 target: [Int]) -> [(cell: Int, action: Int)]? {
        var entries: [(cell: Int, action: Int)] = []
        for j in 0..<(target.count - 1) {
            let cell = target[j]
            if cell == instance.goal { return nil }
            let own = policy.ownMove(at: cell)
            if let own, instance.next(cell, own.rawValue) == target[j + 1] { continue }
            guard let action = instance.direction(from: cell, to: target[j + 1])?.rawValue else { return nil }
            entries.append((cell, action))
        }
        return entries
    }

    /// The completion of `target`, or nil when no table can make the agent follow it (a cell of
    /// the walk would need two different actions): found by re-running the episode and placing an
    /// entry where it leaves the walk (any policy, memory or a scripted teacher included).
    static func completion(
        _ evaluator: inout TrainingEvaluator, _ model: MesaModel, _ index: Int, target: [Int], cells: Int
    ) -> [(cell: Int, action: Int)]? {
        var entries: [(cell: Int, action: Int)] = []
        let instance = evaluator.world.training.instances[index]
        while true {
            _ = episode(&evaluator, model, index, entries: entries, cells: cells, record: true)
            let path = evaluator.lastPath
            var j = 0
            while j + 1 < target.count, j + 1 < path.count, path[j + 1] == target[j + 1] { j += 1 }
            if j + 1 >= target.count { return entries }
            let cell = target[j]
            guard let action = instance.direction(from: cell, to: target[j + 1])?.rawValue else { return nil }
            if entries.contains(where: { $0.cell == cell }) { return nil }
            entries.append((cell, action))
        }
    }

    static func episode(
        _ evaluator: inout TrainingEvaluator, _ model: MesaModel, _ index: Int,
        entries: [(cell: Int, action: Int)], cells: Int, record: Bool = false
    ) -> EpisodeOutcome {
        evaluator.trainingEpisode(model, instance: index, table: { cell in
            for entry in entries where entry.cell == cell { return Direction(rawValue: entry.action) }
            return nil
        }, record: record)
    }
}
