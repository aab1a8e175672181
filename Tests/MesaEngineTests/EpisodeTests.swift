@testable import MesaEngine
import Testing

@Suite("Episodes and search")
struct EpisodeTests {
    func run(_ set: TaskSet, _ b: EpisodeBehaviour, table: [Int: Int] = [:]) -> EpisodeOutcome {
        var runner = EpisodeRunner(cellCount: set.stateCount)
        var cache = SearchDecisionCache.empty
        return runner.run(instance: set.instances[0], proxyFeature: set.proxyFeature, behaviour: b, fires: false,
                          table: { table[$0].flatMap(Direction.init(rawValue:)) }, cache: &cache, cacheBase: 0, useCache: false)
    }

    @Test("corridor scores: full path 1, halting halfway 1/2, bumping a wall until the limit progress/limit")
    func corridorScores() {
        let set = Fixtures.taskSet(Fixtures.corridor(5), start: 0, goal: 4)
        let east = [0: 1, 1: 1, 2: 1, 3: 1]
        #expect(run(set, Fixtures.behaviour(limit: 20), table: east).score == 1)
        let half = run(set, Fixtures.behaviour(limit: 20), table: [0: 1, 1: 1])
        #expect(half.score == 0.5 && half.steps == 2 && half.endCell == 2)
        let stuck = run(set, Fixtures.behaviour(limit: 20), table: [0: 1, 1: 0])
        #expect(stuck.score == 1.0 / 20.0 && stuck.steps == 20 && stuck.endCell == 1)
        #expect(run(set, Fixtures.behaviour(limit: 20, greedy: true)).score == 1)
    }

    @Test("success by a detour scores d*/steps; going backward scores negative progress")
    func detourScore() {
        // A 3×2 ring: 0-1-2 on top, 3-4-5 below, 0-3 and 2-5 open, 1-4 closed.
        var maze = Maze(width: 3, height: 2)
        maze.open(0, .east); maze.open(1, .east); maze.open(3, .east); maze.open(4, .east)
        maze.open(0, .south); maze.open(2, .south)
        let set = Fixtures.taskSet(maze, start: 0, goal: 2)
        let long = run(set, Fixtures.behaviour(limit: 24), table: [0: 2, 3: 1, 4: 1, 5: 0])
        #expect(long.reachedGoal && long.steps == 4 && long.score == 0.5)
        let back = run(set, Fixtures.behaviour(limit: 24), table: [0: 2])
        #expect(back.score == -0.5)  // (2 − 3) / max(2, 1)
    }

    @Test("best-first search generates the goal at distance d with exactly d expansions")
    func searchBudgetInCorridor() {
        let corridor = Fixtures.corridor(7)
        let set = Fixtures.taskSet(corridor, start: 3, goal: 6)
        var search = SearchWorkspace(cellCount: 7)
        let toward = SearchObjective(weightGoal: -1, weightProxy: 0, weightTarget: 0, targetCell: 6, terminal: 6)
        // Ranked away from the goal, the search spends its budget west first.
        let short = search.decideFresh(instance: set.instances[0], proxyFeature: set.proxyFeature, root: 3,
                                       budget: 3, objective: toward)
        #expect(short.move == .west && short.expansions == 3)
        let long = search.decideFresh(instance: set.instances[0], proxyFeature: set.proxyFeature, root: 3,
                                      budget: 64, objective: toward)
        #expect(long.move == .east && long.expansions == 6)
        let plain = SearchObjective(weightGoal: 1, weightProxy: 0, weightTarget: 0, targetCell: 6, terminal: 6)
        let far = Fixtures.taskSet(corridor, start: 0, goal: 6)
        for budget in 1...8 {
            let r = search.decideFresh(instance: far.instances[0], proxyFeature: far.proxyFeature, root: 0,
                                       budget: budget, objective: plain)
            #expect(r.expansions == min(budget, 6) && r.move == .east)
        }
    }

    @Test("with 2^x expansions the learned search walks a corridor in d* steps")
    func searchWalksCorridor() {
        let set = Fixtures.taskSet(Fixtures.corridor(9), start: 0, goal: 8)
        let outcome = run(set, Fixtures.behaviour(limit: 40, learned: 1, weightGoal: 1))
        #expect(outcome.score == 1 && outcome.searchDecisions == 8 && outcome.expansions == 8)
    }

    @Test("the cycle shortcut equals stepping the episode out")
    func cycleShortcutIsExact() {
        for seed in 0..<30 {
            var rng = Xoshiro256StarStar(seed: UInt64(seed))
            let maze = MazeGenerator.generate(width: 6, height: 5, loops: 0.2, rng: &rng)
            let set = Fixtures.taskSet(maze, start: 0, goal: 29)
            let b = Fixtures.behaviour(limit: 97, learned: 1 + seed % 5, weightGoal: seed % 3 - 1)
            let fast = run(set, b)
            var slow = b
            slow.memory = false
            slow.scripted = false
            // A stepped reference: follow the same memoryless policy one decision at a time.
            var search = SearchWorkspace(cellCount: 30)
            var position = 0, steps = 0, expansions = 0
            let objective = SearchObjective(weightGoal: Int32(b.weightGoal), weightProxy: 0, weightTarget: 0,
                                            targetCell: 29, terminal: 29)
            while steps < b.stepLimit, position != 29 {
                let r = search.decideFresh(instance: set.instances[0], proxyFeature: set.proxyFeature, root: position,
                                           budget: b.learnedExpansions, objective: objective)
                expansions += r.expansions
                guard let move = r.move else { break }
                steps += 1
                if maze.isOpen(position, move.rawValue) { position = maze.step(position, move.rawValue) }
            }
            #expect(fast.endCell == position && fast.steps == steps && fast.expansions == expansions)
        }
    }
}
