/// Seeded maze generation (SCIENCE.md §2).
///
/// A perfect maze (a spanning tree of the grid: connected, W·H − 1 passages, one path between
/// any two cells) by the randomized depth-first backtracker, iteratively with an explicit stack;
/// then `loops p` removes each remaining interior wall independently with probability p.
/// Time O(W·H), one stack and one visited array.
package enum MazeGenerator {
    /// A maze of `width`×`height` cells drawn from `rng`.
    package static func generate(width: Int, height: Int, loops: Double, rng: inout Xoshiro256StarStar) -> Maze {
        var maze = perfect(width: width, height: height, rng: &rng)
        if loops > 0 { removeWalls(of: &maze, probability: loops, rng: &rng) }
        return maze
    }

    /// The randomized depth-first backtracker from a uniformly drawn first cell: carve to a
    /// uniformly chosen unvisited neighbour, or backtrack when there is none.
    package static func perfect(width: Int, height: Int, rng: inout Xoshiro256StarStar) -> Maze {
        var maze = Maze(width: width, height: height)
        let count = width * height
        var visited = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        stack.reserveCapacity(count)
        let first = rng.below(count)
        visited[first] = true
        stack.append(first)
        var candidates: [Direction] = []
        candidates.reserveCapacity(4)
        while let cell = stack.last {
            candidates.removeAll(keepingCapacity: true)
            for direction in Direction.allCases {
                if let next = maze.neighbour(cell, direction), !visited[next] { candidates.append(direction) }
            }
            if candidates.isEmpty {
                stack.removeLast()
                continue
            }
            let direction = candidates[rng.below(candidates.count)]
            let next = maze.neighbour(cell, direction)!
            maze.open(cell, direction)
            visited[next] = true
            stack.append(next)
        }
        return maze
    }

    /// Removes each closed interior wall with probability `probability`, visiting walls in a
    /// fixed order (row-major cells, east wall then south wall) so the draws are reproducible.
    package static func removeWalls(of maze: inout Maze, probability: Double, rng: inout Xoshiro256StarStar) {
        for cell in 0..<maze.cellCount {
            for direction in [Direction.east, .south] {
                guard maze.neighbour(cell, direction) != nil, !maze.isOpen(cell, direction.rawValue) else { continue }
                if rng.chance(probability) { maze.open(cell, direction) }
            }
        }
    }
}
