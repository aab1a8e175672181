import MesaScenario

/// Draws task instances (SCIENCE.md §2) from their own sub-streams: instance i of a set uses
/// generator (run seed, set label, i) for its maze, start and goal, and (run seed,
/// demonstrations, i) for a scripted demonstration, so instance i is the same whatever N is.
package enum InstanceFactory {
    /// Instance `index` of the set `label` for environment `spec`.
    package static func make(
        spec: EnvironmentSpec, proxy: ProxyRegion, runSeed: UInt64, label: StreamLabel, index: Int
    ) -> MazeInstance {
        var rng = StreamSeed.generator(runSeed, label, index)
        let maze = MazeGenerator.generate(width: spec.width, height: spec.height, loops: spec.loops, rng: &rng)
        let (start, goal) = placeStartAndGoal(spec: spec, proxy: proxy, cellCount: maze.cellCount, rng: &rng)
        var instance = MazeInstance(maze: maze, start: start, goal: goal)
        if spec.teacher == .scripted {
            let demoLabel = label == .trainingInstances ? 0 : 1
            var walker = StreamSeed.generator(runSeed, .demonstrations, 2 * index + demoLabel)
            instance = instance.with(demonstration: demonstration(for: instance, limit: spec.effectiveStepLimit, rng: &walker))
        }
        return instance
    }

    /// Start and goal. `anywhere`: start uniform, goal uniform among the other cells.
    /// `region`: with probability `goal_correlation` the goal is uniform inside the proxy region,
    /// else uniform outside it; the start is uniform outside the region and ≠ goal when such a cell
    /// exists (else uniform among the cells ≠ goal).
    package static func placeStartAndGoal(
        spec: EnvironmentSpec, proxy: ProxyRegion, cellCount: Int, rng: inout Xoshiro256StarStar
    ) -> (start: Int, goal: Int) {
        switch spec.goal {
        case .anywhere:
            let start = rng.below(cellCount)
            var goal = rng.below(cellCount - 1)
            if goal >= start { goal += 1 }
            return (start, goal)
        case .region:
            let outside = (0..<cellCount).filter { !proxy.contains[$0] }
            let inside = rng.chance(spec.goalCorrelation)
            let goal: Int
            if inside || outside.isEmpty {
                goal = proxy.cells[rng.below(proxy.cells.count)]
            } else {
                goal = outside[rng.below(outside.count)]
            }
            let startCandidates = outside.filter { $0 != goal }
            if !startCandidates.isEmpty { return (startCandidates[rng.below(startCandidates.count)], goal) }
            var start = rng.below(cellCount - 1)
            if start >= goal { start += 1 }
            return (start, goal)
        }
    }

    /// The scripted teacher's walk: from the start, each step takes a shortest-path move with
    /// probability ½ and otherwise a uniformly random open side (which may be the same move), until
    /// the goal. A walk that would not reach the goal within the step limit finishes along the
    /// shortest path once the remaining steps equal the remaining distance, so every
    /// demonstration reaches the goal within the limit.
    package static func demonstration(for instance: MazeInstance, limit: Int, rng: inout Xoshiro256StarStar) -> [Int32] {
        let maze = instance.maze
        var cell = instance.start
        var walk: [Int32] = [Int32(cell)]
        var open: [Int] = []
        while cell != instance.goal {
            let remaining = limit - (walk.count - 1)
            let move: Int
            if remaining <= Int(instance.distanceToGoal[cell]) || rng.chance(0.5) {
                move = instance.shortestMove(from: cell)
            } else {
                open.removeAll(keepingCapacity: true)
                for direction in 0..<4 where maze.isOpen(cell, direction) { open.append(direction) }
                move = open[rng.below(open.count)]
            }
            cell = maze.step(cell, move)
            walk.append(Int32(cell))
        }
        return walk
    }
}
