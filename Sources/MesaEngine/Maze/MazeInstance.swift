/// One task instance: a maze, its start and goal, and what every episode on it needs
/// precomputed — BFS distance to the goal, Manhattan distance to the goal marker, and (for a
/// scripted teacher) the fixed demonstration.
package struct MazeInstance: Sendable {
    package let maze: Maze
    package let start: Int
    package let goal: Int
    /// BFS distance from each cell to the goal: d_end of the episode score.
    package let distanceToGoal: [Int32]
    /// Manhattan distance from each cell to the goal marker: the `w_goal` feature of h_w.
    package let goalManhattan: [Int32]
    /// The scripted teacher's demonstration: cells c₀ = start, …, c_T = goal (empty for `planner`).
    package let demonstration: [Int32]

    package init(maze: Maze, start: Int, goal: Int, demonstration: [Int32] = []) {
        self.maze = maze
        self.start = start
        self.goal = goal
        distanceToGoal = MazeDistances.bfs(maze, from: goal)
        goalManhattan = (0..<maze.cellCount).map { Int32(maze.manhattan($0, goal)) }
        self.demonstration = demonstration
    }

    /// d*: the BFS distance from start to goal (≥ 1: start ≠ goal).
    package var shortestDistance: Int { Int(distanceToGoal[start]) }

    /// The same instance with a demonstration attached.
    package func with(demonstration: [Int32]) -> MazeInstance {
        MazeInstance(maze: maze, start: start, goal: goal, demonstration: demonstration)
    }

    /// The first move of a shortest path from `cell` (lowest direction index among ties).
    package func shortestMove(from cell: Int) -> Int {
        let here = distanceToGoal[cell]
        for direction in 0..<4 where maze.isOpen(cell, direction) {
            if distanceToGoal[maze.step(cell, direction)] == here - 1 { return direction }
        }
        return -1
    }
}
