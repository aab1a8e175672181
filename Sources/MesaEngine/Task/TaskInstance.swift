/// One task instance as the engine sees it (SCIENCE.md §2): a deterministic navigation problem on
/// `stateCount` states with the four moves of `Direction`, a start and a goal, and what every
/// episode on it needs precomputed. An `Environment` builds it; nothing here knows what the states
/// stand for (maze cells, for the maze world).
package struct TaskInstance: Sendable {
    package let stateCount: Int
    package let start: Int
    package let goal: Int
    /// The state each move leads to: `successors[state * 4 + direction]`; the state itself when the
    /// move is blocked (into a wall, the agent stays).
    package let successors: [Int32]
    /// Each state's position in the environment's layout, for Manhattan distances (the features of
    /// the learned evaluation h_w and a detector's pursuit of its target).
    package let column: [Int32]
    package let row: [Int32]
    /// Shortest-path distance from each state to the goal (BFS): d_end of the episode score.
    package let distanceToGoal: [Int32]
    /// Manhattan distance from each state to the goal marker: the `w_goal` feature of h_w.
    package let goalFeature: [Int32]
    /// The scripted teacher's demonstration: states s₀ = start, …, s_T = goal (empty for `planner`).
    package let demonstration: [Int32]

    package init(start: Int, goal: Int, successors: [Int32], column: [Int32], row: [Int32],
                 demonstration: [Int32] = []) {
        stateCount = column.count
        self.start = start
        self.goal = goal
        self.successors = successors
        self.column = column
        self.row = row
        self.demonstration = demonstration
        distanceToGoal = ShortestPaths.distances(successors: successors, stateCount: column.count, to: goal)
        goalFeature = (0..<column.count).map { abs(column[$0] - column[goal]) + abs(row[$0] - row[goal]) }
    }

    /// The state `direction` leads to from `state` (the state itself when blocked).
    @inline(__always) package func next(_ state: Int, _ direction: Int) -> Int {
        Int(successors[state &* 4 &+ direction])
    }

    /// Whether the move leads somewhere else.
    @inline(__always) package func isOpen(_ state: Int, _ direction: Int) -> Bool {
        next(state, direction) != state
    }

    /// Manhattan distance between two states of the layout.
    @inline(__always) package func manhattan(_ a: Int, _ b: Int) -> Int {
        Int(abs(column[a] - column[b]) + abs(row[a] - row[b]))
    }

    /// The move from `state` to the neighbouring state `next`, if one leads there.
    package func direction(from state: Int, to next: Int) -> Direction? {
        Direction.allCases.first { self.next(state, $0.rawValue) == next && next != state }
    }

    /// d*: the shortest distance from start to goal (≥ 1: start ≠ goal).
    package var shortestDistance: Int { Int(distanceToGoal[start]) }

    /// The same instance with a demonstration attached.
    package func with(demonstration: [Int32]) -> TaskInstance {
        TaskInstance(start: start, goal: goal, successors: successors, column: column, row: row,
                     demonstration: demonstration)
    }

    /// The first move of a shortest path from `state` (lowest direction among ties), nil at the goal.
    package func shortestMove(from state: Int) -> Direction? {
        let here = distanceToGoal[state]
        for direction in Direction.allCases where isOpen(state, direction.rawValue) {
            if distanceToGoal[next(state, direction.rawValue)] == here - 1 { return direction }
        }
        return nil
    }
}

/// Shortest-path distances by breadth-first search: every move has length 1, so BFS gives exact
/// distances in O(states). Unreachable states get `Int32.max`.
package enum ShortestPaths {
    /// Distances from every state to `target`, following moves backwards (the move relation of
    /// the engine's tasks is symmetric, so forwards from `target` gives the same).
    package static func distances(successors: [Int32], stateCount: Int, to target: Int) -> [Int32] {
        var distance = [Int32](repeating: .max, count: stateCount)
        var queue = [Int](repeating: 0, count: stateCount)
        var head = 0, tail = 0
        distance[target] = 0
        queue[tail] = target
        tail += 1
        while head < tail {
            let state = queue[head]
            head += 1
            for direction in 0..<4 {
                let next = Int(successors[state * 4 + direction])
                if next != state, distance[next] == .max {
                    distance[next] = distance[state] + 1
                    queue[tail] = next
                    tail += 1
                }
            }
        }
        return distance
    }

    /// Parent of each state in the BFS tree from `root` (−1 at the root).
    package static func tree(successors: [Int32], stateCount: Int, from root: Int) -> [Int] {
        var parent = [Int](repeating: -2, count: stateCount)
        parent[root] = -1
        var queue = [root], head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for direction in 0..<4 {
                let next = Int(successors[state * 4 + direction])
                if next != state, parent[next] == -2 {
                    parent[next] = state
                    queue.append(next)
                }
            }
        }
        return parent
    }
}
