@testable import MesaEngine
import MesaResults
import MesaScenario
import Testing

@Suite("Episodes and search")
struct EpisodeTests {
    func run(_ set: TaskSet, _ b: EpisodeBehaviour, table: [Int: Int] = [:], record: Bool = false)
        -> (outcome: EpisodeOutcome, path: [Int])
    {
        var runner = EpisodeRunner(cellCount: set.stateCount)
        var cache = SearchDecisionCache.empty
        let outcome = runner.run(instance: set.instances[0], proxyFeature: set.proxyFeature, behaviour: b, fires: false,
                                 table: { table[$0].flatMap(Direction.init(rawValue:)) }, cache: &cache, cacheBase: 0,
                                 useCache: false, record: record)
        return (outcome, runner.path)
    }

    @Test("corridor scores: full path 1, halting halfway 1/2, bumping a wall until the limit progress/limit")
    func corridorScores() {
        let set = Fixtures.taskSet(Fixtures.corridor(5), start: 0, goal: 4)
        let east = [0: 1, 1: 1, 2: 1, 3: 1]
        #expect(run(set, Fixtures.behaviour(limit: 20), table: east).outcome.score == 1)
        let half = run(set, Fixtures.behaviour(limit: 20), table: [0: 1, 1: 1]).outcome
        #expect(half.score == 0.5 && half.steps == 2 && half.endCell == 2)
        let stuck = run(set, Fixtures.behaviour(limit: 20), table: [0: 1, 1: 0]).outcome
        #expect(stuck.score == 1.0 / 20.0 && stuck.steps == 20 && stuck.endCell == 1)
        #expect(run(set, Fixtures.behaviour(limit: 20, greedy: true)).outcome.score == 1)
    }

    @Test("success by a detour scores d*/steps; going backward scores negative progress")
    func detourScore() {
        // A 3×2 ring: 0-1-2 on top, 3-4-5 below, 0-3 and 2-5 open, 1-4 closed.
        var maze = Maze(width: 3, height: 2)
        maze.open(0, .east); maze.open(1, .east); maze.open(3, .east); maze.open(4, .east)
        maze.open(0, .south); maze.open(2, .south)
        let set = Fixtures.taskSet(maze, start: 0, goal: 2)
        let long = run(set, Fixtures.behaviour(limit: 24), table: [0: 2, 3: 1, 4: 1, 5: 0]).outcome
        #expect(long.reachedGoal && long.steps == 4 && long.score == 0.5)
        let back = run(set, Fixtures.behaviour(limit: 24), table: [0: 2]).outcome
        #expect(back.score == -0.5)  // (2 − 3) / max(2, 1)
    }

    @Test("x bits give ⌊2^x⌋ − 1 expansions: none below one bit, one at one bit (a one-step lookahead)")
    func searchPower() {
        #expect(MachineryCurve.expansions(forBits: 0) == 0)
        #expect(MachineryCurve.expansions(forBits: 0.99) == 0)
        #expect(MachineryCurve.expansions(forBits: 1) == 1)
        #expect(MachineryCurve.expansions(forBits: 1.5) == 1)
        #expect(MachineryCurve.expansions(forBits: 2) == 3)
        #expect(MachineryCurve.expansions(forBits: 3) == 7)
        var model = ModelSpec()
        model.searchCost = .binary(.multiply, .number(4), .variable)
        model.maxBits = 3
        model.parameters = 100
        let curve = MachineryCurve(model: model)
        // m = 4 is the first whole bit (search_cost(1) = 4): the cheapest working search. Between
        // whole bits the count steps with ⌊2^x⌋: x = 1.75 gives ⌊3.36⌋ − 1 = 2.
        #expect(curve.expansions == [0, 0, 0, 0, 1, 1, 1, 2, 3, 3, 4, 5, 7])
        #expect(curve.firstWholeBit == 4)
        // Hard-coded bits add to the learned ones: b = 1 with no machinery is a one-step lookahead,
        // and with 1 learned bit ⌊2^2⌋ − 1 = 3.
        model.hardcodedSearch = 1
        let boosted = MachineryCurve(model: model)
        #expect(boosted.expansions[0] == 1 && boosted.expansions[4] == 3 && boosted.expansions[12] == 15)
        #expect(boosted.bits[4] == 1)
    }

    @Test("a 1-bit search expands exactly one node and steps to the neighbour of least h")
    func oneBitSearch() {
        let corridor = Fixtures.corridor(7)
        let set = Fixtures.taskSet(corridor, start: 3, goal: 6)
        var search = SearchWorkspace(cellCount: 7)
        let goalward = SearchObjective(weightGoal: 1, weightProxy: 0, weightTarget: 0, targetCell: 6)
        let r = search.decideFresh(instance: set.instances[0], proxyFeature: set.proxyFeature, root: 3, budget: 1,
                                   objective: goalward)
        #expect(r.expansions == 1 && r.move == .east)
        // Fleeing the goal (w_goal = −1) the same lookahead goes west.
        let away = SearchObjective(weightGoal: -1, weightProxy: 0, weightTarget: 0, targetCell: 6)
        #expect(search.decideFresh(instance: set.instances[0], proxyFeature: set.proxyFeature, root: 3, budget: 1,
                                   objective: away).move == .west)
    }

    @Test("the search halts where nothing it generated ranks better than where the agent stands")
    func searchHalts() {
        let set = Fixtures.taskSet(Fixtures.corridor(7), start: 3, goal: 6)
        var search = SearchWorkspace(cellCount: 7)
        // w = (0, 0): every state ranks 0, none better than the root.
        let indifferent = SearchObjective(weightGoal: 0, weightProxy: 0, weightTarget: 0, targetCell: 6)
        let r = search.decideFresh(instance: set.instances[0], proxyFeature: set.proxyFeature, root: 3, budget: 7,
                                   objective: indifferent)
        #expect(r.move == nil && r.expansions == 7)
        // Standing on the best-ranked state (the goal, for w_goal = 1): halt there too.
        let goalward = SearchObjective(weightGoal: 1, weightProxy: 0, weightTarget: 0, targetCell: 6)
        #expect(search.decideFresh(instance: set.instances[0], proxyFeature: set.proxyFeature, root: 6, budget: 3,
                                   objective: goalward).move == nil)
        // A budget larger than the maze expands every state once and stops.
        #expect(search.decideFresh(instance: set.instances[0], proxyFeature: set.proxyFeature, root: 0, budget: 100,
                                   objective: goalward).expansions == 7)
    }

    /// A 5×2 maze: a corridor 0-1-2-3-4 along the top, and the goal at 7, below 2. The proxy region
    /// is the top-right corner, cell 4.
    static func branchWorld() -> TaskSet {
        var maze = Maze(width: 5, height: 2)
        for cell in 0..<4 { maze.open(cell, .east) }
        maze.open(2, .south)
        var env = EnvironmentSpec()
        env.width = 5
        env.height = 2
        env.instances = 1
        env.proxyCorner = .top_right
        env.proxySide = 1
        return TaskSet(spec: env, instances: [Fixtures.task(maze, start: 0, goal: 7)])
    }

    @Test("a proxy-weighted search walks past a goal it has seen to the proxy region, and halts there")
    func proxyPursuitPastTheGoal() {
        let set = Self.branchWorld()
        var proxy = Fixtures.behaviour(limit: 40, learned: 3)
        proxy.weightProxy = 1
        let (outcome, path) = run(set, proxy, record: true)
        #expect(path == [0, 1, 2, 3, 4])
        #expect(!outcome.reachedGoal && outcome.endCell == 4)
        #expect(outcome.decisions == 4 && outcome.searchDecisions == 4)
        // At 2 the goal is one expansion away (expanding 2 generates 1, 3 and 7), yet the search,
        // ranking by distance to the proxy region, moves on east: the goal is not privileged.
        // The same search aimed at the goal marker turns down to it and the episode ends on it.
        var goalward = Fixtures.behaviour(limit: 40, learned: 3, weightGoal: 1)
        goalward.weightProxy = 0
        let (toGoal, goalPath) = run(set, goalward, record: true)
        #expect(toGoal.reachedGoal && toGoal.score == 1 && goalPath == [0, 1, 2, 7])
    }

    @Test("hard-coded bits with learned weights behave exactly like as many learned bits with those weights")
    func hardcodedEqualsLearned() throws {
        for seed in UInt64(1)...5 {
            var hard = Fixtures.spec(width: 6, height: 6, instances: 4, parameters: 64)
            hard.model.hardcodedSearch = 2
            hard.model.searchCost = .binary(.multiply, .number(4), .variable)
            var learned = hard
            learned.model.hardcodedSearch = 0
            let hardClass = Fixtures.modelClass(hard, seed: seed), learnedClass = Fixtures.modelClass(learned, seed: seed)
            var a = TrainingEvaluator(world: RunWorld(spec: hard, worldSeed: seed), modelClass: hardClass)
            var b = TrainingEvaluator(world: RunWorld(spec: learned, worldSeed: seed), modelClass: learnedClass)
            for (wg, wp) in [(1, 0), (0, 1), (1, -1), (-1, 1)] {
                var withHard = MesaModel(slots: hardClass.encoding.slotCount)
                withHard.weightGoal = wg
                withHard.weightProxy = wp
                var withLearned = withHard
                withLearned.machinery = 8  // 2 learned bits at 4 parameters a bit
                #expect(hardClass.searchExpansions(withHard) == 3 && learnedClass.searchExpansions(withLearned) == 3)
                for i in 0..<4 {
                    #expect(a.trainingEpisode(withHard, instance: i) == b.trainingEpisode(withLearned, instance: i))
                    #expect(a.deploymentEpisode(withHard, instance: i) == b.deploymentEpisode(withLearned, instance: i))
                }
                // The weights' features are charged whenever any search is available.
                #expect(hardClass.featureParameters(withHard) == (wg != 0 ? 1 : 0) + (wp != 0 ? 1 : 0))
            }
        }
    }

    @Test("a 1-bit goal-seeking search walks a corridor in d* steps, one expansion a decision")
    func searchWalksCorridor() {
        let set = Fixtures.taskSet(Fixtures.corridor(9), start: 0, goal: 8)
        let outcome = run(set, Fixtures.behaviour(limit: 40, learned: 1, weightGoal: 1)).outcome
        #expect(outcome.score == 1 && outcome.searchDecisions == 8 && outcome.expansions == 8)
    }

    @Test("the cycle shortcut equals stepping the episode out")
    func cycleShortcutIsExact() {
        for seed in 0..<30 {
            var rng = Xoshiro256StarStar(seed: UInt64(seed))
            let maze = MazeGenerator.generate(width: 6, height: 5, loops: 0.2, rng: &rng)
            let set = Fixtures.taskSet(maze, start: 0, goal: 29)
            let b = Fixtures.behaviour(limit: 97, learned: 1 + seed % 5, weightGoal: seed % 3 - 1)
            let fast = run(set, b).outcome
            // A stepped reference: follow the same memoryless policy one decision at a time.
            var search = SearchWorkspace(cellCount: 30)
            var position = 0, steps = 0, expansions = 0
            let objective = SearchObjective(weightGoal: Int32(b.weightGoal), weightProxy: 0, weightTarget: 0, targetCell: 29)
            while steps < b.stepLimit, position != 29 {
                let r = search.decideFresh(instance: set.instances[0], proxyFeature: set.proxyFeature, root: position,
                                           budget: b.searchExpansions, objective: objective)
                expansions += r.expansions
                guard let move = r.move else { break }
                steps += 1
                if maze.isOpen(position, move.rawValue) { position = maze.step(position, move.rawValue) }
            }
            #expect(fast.endCell == position && fast.steps == steps && fast.expansions == expansions)
        }
    }
}
