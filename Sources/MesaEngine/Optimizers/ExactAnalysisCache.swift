import MesaScenario
import Synchronization

/// Per-instance analyses of exact selection shared by the runs of a sweep (docs/performance.md):
/// instance i of a repetition's world is the same maze at every N (common random numbers), and its
/// best tables for one search behaviour do not depend on N, K or λ, so an N sweep analyses each
/// instance once. Safe to share between the sweep's threads; a value computed twice is the same
/// value, so which thread stores it first does not matter.
package final class ExactAnalysisCache: Sendable {
    /// Everything an instance's options depend on.
    /// The environment enters without its instance count: instance i of a world is the same maze
    /// whatever N is, so N = 4 and N = 64 share the analyses of their first four instances.
    struct Key: Hashable, Sendable {
        var worldSeed: UInt64
        var environment: EnvironmentSpec
        var instance: Int
        var behaviour: ExactStructures.Behaviour
        /// Whether this instance's detector fires (with a firing behaviour).
        var fires: Bool
        var memory: Bool
        var greedyFallback: Bool
        var allowsTable: Bool
        var speed: Double

        init(worldSeed: UInt64, environment: EnvironmentSpec, instance: Int, behaviour: ExactStructures.Behaviour,
             fires: Bool, memory: Bool, greedyFallback: Bool, allowsTable: Bool, speed: Double) {
            self.worldSeed = worldSeed
            self.environment = environment
            self.environment.instances = 0
            self.instance = instance
            self.behaviour = behaviour
            self.fires = fires
            self.memory = memory
            self.greedyFallback = greedyFallback
            self.allowsTable = allowsTable
            self.speed = speed
        }
    }

    private let store = Mutex<[Key: [InstanceOption]]>([:])

    package init() {}

    func options(_ key: Key) -> [InstanceOption]? {
        store.withLock { $0[key] }
    }

    func insert(_ options: [InstanceOption], for key: Key) {
        store.withLock { if $0[key] == nil { $0[key] = options } }
    }

    /// Analyses stored.
    package var count: Int { store.withLock { $0.count } }
}
