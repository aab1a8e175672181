import Synchronization

/// A cancellation request shared between a sweep's task and the thread computing a run.
///
/// Runs are long synchronous computations; each executes on a thread of its own (not on the
/// cooperative pool, which it would starve: see `SimulationSweep.offPool`) and polls this flag,
/// which the sweep task's cancellation handler sets.
package final class CancellationFlag: Sendable {
    private let state = Atomic<Bool>(false)

    package init() {}

    package func cancel() { state.store(true, ordering: .relaxed) }

    package var isCancelled: Bool { state.load(ordering: .relaxed) }

    /// Throws `CancellationError` when cancelled (or when the current task is).
    package func check() throws {
        if isCancelled || Task.isCancelled { throw CancellationError() }
    }

    /// Throws `CancellationError` when `flag` (if any) or the current task is cancelled.
    package static func check(_ flag: CancellationFlag?) throws {
        if flag?.isCancelled == true || Task.isCancelled { throw CancellationError() }
    }
}
