import Dispatch
import Foundation

/// Turns Ctrl-C (SIGINT) and SIGTERM into task cancellation, so a run stops between steps,
/// removes its staging folder and leaves earlier reports whole.
final class InterruptHandler: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []
    private let lock = NSLock()
    private var interrupted = false

    /// Starts forwarding signals to `onInterrupt`.
    init(onInterrupt: @escaping @Sendable () -> Void) {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [weak self] in
                self?.markInterrupted()
                onInterrupt()
            }
            source.resume()
            sources.append(source)
        }
    }

    var wasInterrupted: Bool {
        lock.lock()
        defer { lock.unlock() }
        return interrupted
    }

    private func markInterrupted() {
        lock.lock()
        interrupted = true
        lock.unlock()
    }

    deinit {
        for source in sources { source.cancel() }
    }
}
