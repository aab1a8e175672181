/// What a search ranks states by: h(s) = w_goal·manhattan(s, goal marker) + w_proxy·manhattan(s,
/// proxy region) + w_target·manhattan(s, target), lower is better. Nothing is privileged: the goal
/// is a state like any other, ranked by h (the learned evaluation h_w *is* the mesa-objective).
package struct SearchObjective: Sendable, Hashable {
    package var weightGoal: Int32
    package var weightProxy: Int32
    package var weightTarget: Int32
    package var targetCell: Int
}

/// Best-first search over a task's states with reusable buffers (no allocation per decision once warm).
///
/// `decideFresh`: from the current state, pop the open state of least h (ties: first generated),
/// expand it (generate its unseen neighbours), `budget` times or until nothing is left to expand.
/// The move is the first step toward the generated state of least h (ties: first generated),
/// provided it ranks strictly better than the state the agent stands on; otherwise the search
/// halts (no move). O(budget · log budget) per decision.
///
/// `decidePersistent` (`memory episode`): the same tree survives between the steps of one episode;
/// each decision adds up to `budget` expansions, and the agent walks through the tree toward the
/// best generated state, under the same rule. If a table move took the agent off the tree, the tree
/// restarts from the agent's state.
package struct SearchWorkspace: Sendable {
    private var stamp: [UInt32]
    private var generation: UInt32 = 0
    private var firstMove: [Int8]
    private var parent: [Int32]
    private var key: [Int32]
    private var ancestorMark: [UInt32]
    private var ancestorGeneration: UInt32 = 0
    private var heap: [UInt64] = []
    private var generated: [Int32] = []
    private var sequence: UInt64 = 0
    /// Expansions computed by this workspace so far (for benchmarks).
    package private(set) var expansionsComputed = 0
    /// When set, every expanded cell is appended to `expandedCells` (for drawing an episode).
    package var recordsExpansions = false
    package var expandedCells: [Int32] = []

    package init(cellCount: Int) {
        stamp = [UInt32](repeating: 0, count: cellCount)
        firstMove = [Int8](repeating: -1, count: cellCount)
        parent = [Int32](repeating: -1, count: cellCount)
        key = [Int32](repeating: 0, count: cellCount)
        ancestorMark = [UInt32](repeating: 0, count: cellCount)
        heap.reserveCapacity(cellCount)
        generated.reserveCapacity(cellCount)
    }

    /// Grows the buffers for a larger maze.
    package mutating func reserve(cellCount: Int) {
        guard stamp.count < cellCount else { return }
        let computed = expansionsComputed
        self = SearchWorkspace(cellCount: cellCount)
        expansionsComputed = computed
    }

    @inline(__always)
    private static func heuristic(_ cell: Int, _ instance: TaskInstance, _ proxyFeature: [Int32], _ o: SearchObjective) -> Int32 {
        var h = o.weightGoal &* instance.goalFeature[cell] &+ o.weightProxy &* proxyFeature[cell]
        if o.weightTarget != 0 { h &+= o.weightTarget &* Int32(instance.manhattan(cell, o.targetCell)) }
        return h
    }

    @inline(__always)
    private mutating func push(_ h: Int32, _ cell: Int) {
        let packed = UInt64(UInt32(bitPattern: h &+ (1 << 30))) << 32 | (sequence << 16) | UInt64(cell)
        sequence &+= 1
        heap.append(packed)
        var i = heap.count - 1
        while i > 0 {
            let p = (i - 1) >> 1
            if heap[p] <= heap[i] { break }
            heap.swapAt(p, i)
            i = p
        }
    }

    @inline(__always)
    private mutating func pop() -> Int? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var i = 0
            let n = heap.count
            while true {
                let l = 2 * i + 1
                if l >= n { break }
                let r = l + 1
                let c = r < n && heap[r] < heap[l] ? r : l
                if heap[i] <= heap[c] { break }
                heap.swapAt(i, c)
                i = c
            }
        }
        return Int(top & 0xFFFF)
    }

    private mutating func newGeneration() {
        generation &+= 1
        if generation == 0 {
            for i in stamp.indices { stamp[i] = 0 }
            generation = 1
        }
        heap.removeAll(keepingCapacity: true)
        generated.removeAll(keepingCapacity: true)
        sequence = 0
    }

    /// A fresh search from `root`: (first move, or nil when none, and expansions made).
    package mutating func decideFresh(
        instance: TaskInstance, proxyFeature: [Int32], root: Int, budget: Int, objective: SearchObjective
    ) -> (move: Direction?, expansions: Int) {
        newGeneration()
        stamp[root] = generation
        firstMove[root] = -1
        let rootKey = SearchWorkspace.heuristic(root, instance, proxyFeature, objective)
        push(rootKey, root)
        var bestKey = rootKey, bestCell = -1, expansions = 0
        defer { expansionsComputed &+= expansions }
        while expansions < budget, let cell = pop() {
            expansions += 1
            if recordsExpansions { expandedCells.append(Int32(cell)) }
            for direction in 0..<4 {
                let next = instance.next(cell, direction)
                if next == cell || stamp[next] == generation { continue }
                stamp[next] = generation
                firstMove[next] = cell == root ? Int8(direction) : firstMove[cell]
                let h = SearchWorkspace.heuristic(next, instance, proxyFeature, objective)
                if h < bestKey { bestKey = h; bestCell = next }
                push(h, next)
            }
        }
        return (bestCell >= 0 ? Direction(rawValue: Int(firstMove[bestCell])) : nil, expansions)
    }

    /// Starts the persistent tree of an episode at `root`, ranked by `objective`.
    package mutating func beginPersistent(root: Int, instance: TaskInstance, proxyFeature: [Int32],
                                          objective: SearchObjective) {
        newGeneration()
        stamp[root] = generation
        parent[root] = -1
        key[root] = SearchWorkspace.heuristic(root, instance, proxyFeature, objective)
        generated.append(Int32(root))
        push(key[root], root)
    }

    /// One decision of the persistent search at `current`: (move, or nil when none, and expansions
    /// made now).
    package mutating func decidePersistent(
        instance: TaskInstance, proxyFeature: [Int32], current: Int, budget: Int, objective: SearchObjective
    ) -> (move: Direction?, expansions: Int) {
        if stamp[current] != generation || generated.isEmpty {
            beginPersistent(root: current, instance: instance, proxyFeature: proxyFeature, objective: objective)
        }
        var expansions = 0
        defer { expansionsComputed &+= expansions }
        while expansions < budget, let cell = pop() {
            expansions += 1
            if recordsExpansions { expandedCells.append(Int32(cell)) }
            for direction in 0..<4 {
                let next = instance.next(cell, direction)
                if next == cell || stamp[next] == generation { continue }
                stamp[next] = generation
                parent[next] = Int32(cell)
                generated.append(Int32(next))
                let h = SearchWorkspace.heuristic(next, instance, proxyFeature, objective)
                key[next] = h
                push(h, next)
            }
        }
        var target = -1, bestKey = key[current]
        for cell in generated where Int(cell) != current && key[Int(cell)] < bestKey {
            bestKey = key[Int(cell)]
            target = Int(cell)
        }
        guard target >= 0 else { return (nil, expansions) }
        ancestorGeneration &+= 1
        if ancestorGeneration == 0 {
            for i in ancestorMark.indices { ancestorMark[i] = 0 }
            ancestorGeneration = 1
        }
        var a = current
        while a >= 0 { ancestorMark[a] = ancestorGeneration; a = Int(parent[a]) }
        var previous = -1, t = target
        while ancestorMark[t] != ancestorGeneration { previous = t; t = Int(parent[t]) }
        let next = t == current ? previous : Int(parent[current])
        return (instance.direction(from: current, to: next), expansions)
    }
}
