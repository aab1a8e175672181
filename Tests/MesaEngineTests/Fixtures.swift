@testable import MesaEngine
import MesaResults
import MesaScenario

/// Small hand-made worlds and specs shared by the tests.
enum Fixtures {
    /// A 1-row corridor of `length` cells, all passages open.
    static func corridor(_ length: Int) -> Maze {
        var maze = Maze(width: length, height: 1)
        for cell in 0..<(length - 1) { maze.open(cell, .east) }
        return maze
    }

    /// A spec for a small world.
    static func spec(
        width: Int = 5, height: Int = 5, instances: Int = 4, parameters: Int = 64, steps: Int = 500,
        optimizer: Optimizer = .hillClimb, seed: UInt64 = 7
    ) -> SimulationSpec {
        var spec = SimulationSpec()
        spec.environment.width = width
        spec.environment.height = height
        spec.environment.instances = instances
        spec.deployment = spec.environment
        spec.deployment.instances = 8
        spec.model.parameters = parameters
        spec.model.searchCost = .binary(.multiply, .number(4), .variable)
        spec.model.maxBits = 5
        spec.training.steps = steps
        spec.training.optimizer = optimizer
        spec.training.seed = seed
        return spec
    }

    /// A one-instance task set on `maze` (environment sized to it).
    static func taskSet(_ maze: Maze, start: Int, goal: Int, limit: Int? = nil) -> TaskSet {
        var env = EnvironmentSpec()
        env.width = maze.width
        env.height = maze.height
        env.instances = 1
        env.stepLimit = limit
        return TaskSet(spec: env, instances: [Fixtures.task(maze, start: start, goal: goal)])
    }

    /// A behaviour with a search of `learned` expansions per decision ranked by w_goal.
    static func behaviour(limit: Int, learned: Int = 0, weightGoal: Int = 0, greedy: Bool = false) -> EpisodeBehaviour {
        var b = EpisodeBehaviour()
        b.stepLimit = limit
        b.searchExpansions = learned
        b.weightGoal = weightGoal
        b.greedyFallback = greedy
        return b
    }
}

extension Fixtures {
    /// Hill climbing from `initial` for `steps` with the optimizer stream `seed`, as a run does.
    static func climb(_ evaluator: TrainingEvaluator, seed: UInt64, from initial: MesaModel, steps: Int,
                      trace: ((Int, MesaModel, Double) -> Void)? = nil) throws -> Selection {
        var evaluator = evaluator
        var climber = HillClimber(seed: seed, initial: initial, steps: steps)
        climber.trace = trace
        return try climber.select(with: &evaluator)
    }

    /// One run of `spec`, its world seeded like its optimizer streams.
    static func run(_ spec: SimulationSpec, seed: UInt64) throws -> RunSimulator.Output {
        try RunSimulator.run(RunContext(spec: spec, runSeed: seed))
    }

    /// The class of `spec` on a world drawn from `seed`.
    static func modelClass(_ spec: SimulationSpec, seed: UInt64) -> ModelClass {
        ModelClass(spec: spec, stateCount: spec.environment.width * spec.environment.height, worldSeed: seed)
    }

    /// The task of `maze` with `start` and `goal`.
    static func task(_ maze: Maze, start: Int, goal: Int) -> TaskInstance {
        MazeWorld.task(maze, start: start, goal: goal)
    }
}
