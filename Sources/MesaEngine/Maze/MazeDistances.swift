/// Shortest-path distances in a maze by breadth-first search: every passage has length 1, so
/// BFS from `source` gives exact distances in O(W·H). Unreachable cells get `Int32.max`
/// (never the case for the engine's connected mazes).
package enum MazeDistances {
    package static func bfs(_ maze: Maze, from source: Int) -> [Int32] {
        var distance = [Int32](repeating: .max, count: maze.cellCount)
        var queue = [Int](repeating: 0, count: maze.cellCount)
        var head = 0, tail = 0
        distance[source] = 0
        queue[tail] = source
        tail += 1
        while head < tail {
            let cell = queue[head]
            head += 1
            for direction in 0..<4 where maze.isOpen(cell, direction) {
                let next = maze.step(cell, direction)
                if distance[next] == .max {
                    distance[next] = distance[cell] + 1
                    queue[tail] = next
                    tail += 1
                }
            }
        }
        return distance
    }
}
