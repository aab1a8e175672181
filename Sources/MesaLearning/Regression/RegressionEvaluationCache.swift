import Synchronization

/// The fixed evaluation sets and baselines of regression worlds, computed once per
/// (evaluation settings, world seed) and shared by every run of a sweep, which may run in
/// parallel threads: the dMMSE baseline alone costs N·(d² + d) per sequence.
///
/// Two levels: the unseen-task set (sequences and ridge) depends only on d, the evaluation
/// context and noise, the unseen tasks, the set size and the world seed, so every N of a
/// repetition shares it; a world (that plus N) adds the pool, the seen set and the dMMSE
/// figures. Each entry is computed by the first thread that asks; others asking for the same
/// entry wait for it, others for different entries go on. Entries live as long as the cache
/// (about 3.5 MB per world at the defaults); `removeAll()` frees them.
public final class RegressionEvaluationCache: @unchecked Sendable {
    /// What the unseen set depends on.
    struct UnseenKey: Hashable, Sendable {
        var dimension: Int, context: Int, noise: Double, unseenTasks: Int, sequences: Int, seed: UInt64
    }

    /// What a world's evaluation depends on.
    struct WorldKey: Hashable, Sendable {
        var unseen: UnseenKey, tasks: Int?
    }

    /// One lazily computed value.
    final class Slot<Value: Sendable>: Sendable {
        private let value = Mutex<Value?>(nil)

        func get(_ make: () -> Value) -> Value {
            value.withLock { stored in
                if let stored { return stored }
                let made = make()
                stored = made
                return made
            }
        }
    }

    private let unseenSets = Mutex<[UnseenKey: Slot<EvaluationSequences>]>([:])
    private let worlds = Mutex<[WorldKey: Slot<RegressionEvaluation>]>([:])

    /// An empty cache.
    public init() {}

    /// Forgets every entry.
    public func removeAll() {
        unseenSets.withLock { $0.removeAll() }
        worlds.withLock { $0.removeAll() }
    }

    /// The evaluation of `world` under `seed`, computed on first use.
    func evaluation(_ world: RegressionWorldSettings, seed: UInt64) -> RegressionEvaluation {
        let unseenKey = UnseenKey(dimension: world.dimension, context: world.evaluationContext,
                                  noise: world.evaluationNoise, unseenTasks: world.unseenTasks,
                                  sequences: world.evaluationSequences, seed: seed)
        let slot = worlds.withLock { table in
            if let slot = table[WorldKey(unseen: unseenKey, tasks: world.tasks)] { return slot }
            let slot = Slot<RegressionEvaluation>()
            table[WorldKey(unseen: unseenKey, tasks: world.tasks)] = slot
            return slot
        }
        return slot.get { Self.make(world, seed: seed, unseen: unseen(unseenKey)) }
    }

    private func unseen(_ key: UnseenKey) -> EvaluationSequences {
        let slot = unseenSets.withLock { table in
            if let slot = table[key] { return slot }
            let slot = Slot<EvaluationSequences>()
            table[key] = slot
            return slot
        }
        return slot.get {
            let tasks = RegressionStream.unseenTask.tasks(key.seed, count: key.unseenTasks, dimension: key.dimension)
            return EvaluationSequences(count: key.sequences, dimension: key.dimension, context: key.context,
                                       noise: key.noise, seed: key.seed, label: .unseenSequence, tasks: tasks,
                                       task: { $0 % key.unseenTasks }, pool: nil, keepDouble: true)
        }
    }

    /// A world's evaluation from its shared unseen set.
    static func make(_ world: RegressionWorldSettings, seed: UInt64, unseen: EvaluationSequences) -> RegressionEvaluation {
        guard let n = world.tasks else {
            return RegressionEvaluation(pool: [], unseen: unseen, unseenDmmse: nil, seen: nil)
        }
        let d = world.dimension
        let pool = RegressionStream.poolTask.tasks(seed, count: n, dimension: d)
        let poolLanes = TaskBlocks(pool, dimension: d)
        let seen = EvaluationSequences(count: world.evaluationSequences, dimension: d, context: world.evaluationContext,
                                       noise: world.evaluationNoise, seed: seed, label: .seenSequence, tasks: pool,
                                       task: { $0 % n }, pool: poolLanes)
        let dmmse = unseen.dmmsePredictions(pool: poolLanes, dimension: d, noise: world.evaluationNoise)
        return RegressionEvaluation(pool: pool, unseen: unseen, unseenDmmse: dmmse, seen: seen)
    }
}
