@testable import MesaEngine
import Testing

@Suite("Mazes")
struct MazeGeneratorTests {
    @Test("a loop-free maze is a spanning tree: connected with exactly W·H − 1 passages")
    func perfectMazesAreSpanningTrees() {
        for seed in 0..<60 {
            for (w, h) in [(2, 2), (2, 3), (5, 5), (9, 9), (12, 7), (3, 16)] {
                var rng = Xoshiro256StarStar(seed: UInt64(seed * 1000 + w * 31 + h))
                let maze = MazeGenerator.generate(width: w, height: h, loops: 0, rng: &rng)
                #expect(maze.passageCount == w * h - 1)
                let distance = Fixtures.task(maze, start: 0, goal: 0).distanceToGoal
                #expect(!distance.contains(.max))
            }
        }
    }

    @Test("openings are symmetric and stay inside the grid, with and without loops")
    func openingsAreSymmetric() {
        for seed in 0..<40 {
            for loops in [0.0, 0.1, 0.5, 1.0] {
                var rng = Xoshiro256StarStar(seed: UInt64(seed))
                let maze = MazeGenerator.generate(width: 7, height: 6, loops: loops, rng: &rng)
                for cell in 0..<maze.cellCount {
                    for d in Direction.allCases where maze.isOpen(cell, d.rawValue) {
                        let other = maze.neighbour(cell, d)
                        #expect(other != nil)
                        if let other { #expect(maze.isOpen(other, d.opposite.rawValue)) }
                    }
                }
                if loops == 1.0 { #expect(maze.passageCount == 7 * 5 + 6 * 6) }
                if loops > 0 { #expect(maze.passageCount >= 7 * 6 - 1) }
            }
        }
    }

    @Test("the same seed gives the same maze; another seed another")
    func seededMazesRepeat() {
        var a = Xoshiro256StarStar(seed: 42), b = Xoshiro256StarStar(seed: 42), c = Xoshiro256StarStar(seed: 43)
        let first = MazeGenerator.generate(width: 9, height: 9, loops: 0.1, rng: &a)
        #expect(first == MazeGenerator.generate(width: 9, height: 9, loops: 0.1, rng: &b))
        #expect(first != MazeGenerator.generate(width: 9, height: 9, loops: 0.1, rng: &c))
    }

    @Test("BFS distances equal Floyd–Warshall distances")
    func bfsMatchesFloydWarshall() {
        for seed in 0..<25 {
            var rng = Xoshiro256StarStar(seed: UInt64(seed))
            let maze = MazeGenerator.generate(width: 5, height: 4, loops: seed % 2 == 0 ? 0 : 0.3, rng: &rng)
            let n = maze.cellCount
            var d = [[Int]](repeating: [Int](repeating: 1 << 20, count: n), count: n)
            for i in 0..<n {
                d[i][i] = 0
                for dir in 0..<4 where maze.isOpen(i, dir) { d[i][maze.step(i, dir)] = 1 }
            }
            for k in 0..<n { for i in 0..<n { for j in 0..<n where d[i][k] + d[k][j] < d[i][j] { d[i][j] = d[i][k] + d[k][j] } } }
            for source in 0..<n {
                #expect(Fixtures.task(maze, start: 0, goal: source).distanceToGoal.map(Int.init) == d[source])
            }
        }
    }

    @Test("region goals: inside the proxy square with correlation 1, outside with 0; start outside")
    func goalPlacementFollowsCorrelation() {
        var env = Fixtures.spec(width: 9, height: 9).environment
        env.goal = .region
        let proxy = ProxyRegion(corner: .top_right, side: 3, width: 9, height: 9)
        for correlation in [0.0, 1.0] {
            env.goalCorrelation = correlation
            for i in 0..<50 {
                let instance = MazeWorld(spec: env).instance(index: i, label: .trainingInstances, worldSeed: 3)
                #expect(proxy.contains[instance.goal] == (correlation == 1))
                #expect(!proxy.contains[instance.start])
                #expect(instance.start != instance.goal)
            }
        }
        #expect(proxy.cells == [6, 7, 8, 15, 16, 17, 24, 25, 26])
        #expect(proxy.manhattan[0] == 6 && proxy.manhattan[80] == 6)
    }

    @Test("scripted demonstrations walk through openings from start to goal within the limit")
    func demonstrationsReachTheGoal() {
        var env = Fixtures.spec(width: 6, height: 6).environment
        env.teacher = .scripted
        for i in 0..<30 {
            let instance = MazeWorld(spec: env).instance(index: i, label: .trainingInstances, worldSeed: 11)
            let demo = instance.demonstration.map(Int.init)
            #expect(demo.first == instance.start && demo.last == instance.goal)
            #expect(demo.count - 1 <= env.effectiveStepLimit)
            for (a, b) in zip(demo, demo.dropFirst()) {
                #expect(instance.direction(from: a, to: b) != nil && instance.manhattan(a, b) == 1)
            }
        }
    }
}
