import MesaResults
import MesaScenario

/// The maze world (SCIENCE.md §2), the engine's first `Environment`: perfect mazes on W×H (seeded
/// randomized depth-first backtracker, `loops p` removing each remaining interior wall with
/// probability p), a start and a goal placed `anywhere` or tied to the proxy region, and the
/// scripted teacher's demonstrations.
///
/// Instance i of a set uses generator (world seed, set label, i) for its maze, start and goal, and
/// (world seed, demonstrations, 2i or 2i + 1) for a scripted demonstration, so instance i is the same
/// whatever N is.
package struct MazeWorld: Environment {
    package let spec: EnvironmentSpec
    package let proxy: ProxyRegion

    package init(spec: EnvironmentSpec) {
        self.spec = spec
        proxy = ProxyRegion(corner: spec.proxyCorner, side: spec.proxySide, width: spec.width, height: spec.height)
    }

    package var stateCount: Int { spec.width * spec.height }
    package var proxyFeature: [Int32] { proxy.manhattan }
    package var proxyMembership: [Bool] { proxy.contains }

    package func cornerState(_ corner: Corner) -> Int {
        ProxyRegion.cornerCell(corner, width: spec.width, height: spec.height)
    }

    package func position(of state: Int) -> (column: Int32, row: Int32) {
        (Int32(state % spec.width), Int32(state / spec.width))
    }

    package func state(nearest position: (column: Int32, row: Int32)) -> Int {
        Int(min(position.row, Int32(spec.height - 1))) * spec.width + Int(min(position.column, Int32(spec.width - 1)))
    }

    package func instance(index: Int, label: StreamLabel, worldSeed: UInt64) -> TaskInstance {
        var rng = StreamSeed.generator(worldSeed, label, index)
        let maze = MazeGenerator.generate(width: spec.width, height: spec.height, loops: spec.loops, rng: &rng)
        let (start, goal) = Self.placeStartAndGoal(spec: spec, proxy: proxy, cellCount: maze.cellCount, rng: &rng)
        var instance = Self.task(maze, start: start, goal: goal)
        if spec.teacher == .scripted {
            let demoLabel = label == .trainingInstances ? 0 : 1
            var walker = StreamSeed.generator(worldSeed, .demonstrations, 2 * index + demoLabel)
            instance = instance.with(demonstration: Self.demonstration(for: instance, limit: spec.effectiveStepLimit,
                                                                       rng: &walker))
        }
        return instance
    }

    package func drawing(of instance: TaskInstance, path: [Int], expanded: [Int], defected: Bool, point: Point, repetition: Int,
                         phase: Phase, index: Int) -> MazeDrawing? {
        MazeDrawing(point: point, repetition: repetition, phase: phase, instance: index, width: spec.width,
                    height: spec.height, openings: Self.openings(of: instance), start: instance.start,
                    goal: instance.goal, proxy: spec.goal == .region ? proxy.cells : [], path: path, expanded: expanded,
                    defected: defected)
    }

    /// The task of a maze: cells are states, a move through a wall stays put.
    package static func task(_ maze: Maze, start: Int, goal: Int, demonstration: [Int32] = []) -> TaskInstance {
        var successors = [Int32](repeating: 0, count: maze.cellCount * 4)
        for cell in 0..<maze.cellCount {
            for direction in 0..<4 {
                successors[cell * 4 + direction] = Int32(maze.isOpen(cell, direction) ? maze.step(cell, direction) : cell)
            }
        }
        return TaskInstance(start: start, goal: goal, successors: successors,
                            column: (0..<maze.cellCount).map { Int32(maze.x($0)) },
                            row: (0..<maze.cellCount).map { Int32(maze.y($0)) }, demonstration: demonstration)
    }

    /// Each cell's open sides as the bits of `Direction`, read back from the task's moves.
    static func openings(of instance: TaskInstance) -> [UInt8] {
        (0..<instance.stateCount).map { cell in
            Direction.allCases.reduce(UInt8(0)) { bits, d in instance.isOpen(cell, d.rawValue) ? bits | d.bit : bits }
        }
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
    package static func demonstration(for instance: TaskInstance, limit: Int, rng: inout Xoshiro256StarStar) -> [Int32] {
        var cell = instance.start
        var walk: [Int32] = [Int32(cell)]
        var open: [Int] = []
        while cell != instance.goal {
            let remaining = limit - (walk.count - 1)
            let move: Int
            if remaining <= Int(instance.distanceToGoal[cell]) || rng.chance(0.5) {
                move = instance.shortestMove(from: cell)!.rawValue
            } else {
                open.removeAll(keepingCapacity: true)
                for direction in 0..<4 where instance.isOpen(cell, direction) { open.append(direction) }
                move = open[rng.below(open.count)]
            }
            cell = instance.next(cell, move)
            walk.append(Int32(cell))
        }
        return walk
    }
}
