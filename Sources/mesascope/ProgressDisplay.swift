import Foundation
import MesaPipeline
import MesaScenario

/// Progress on standard error: a redrawn bar with runs done and an ETA on a terminal; a plain
/// line per completed point otherwise (logs and CI). Timings go here, never into reports.
final class ProgressDisplay: ReportRun.ProgressSink, @unchecked Sendable {
    private let lock = NSLock()
    private let label: String
    private let interactive: Bool
    private let started = Date()
    private var lastDraw = Date.distantPast
    private var lastPointsReported = -1
    private var fromCache = 0
    private var look = (index: 1, count: 1)
    private var work = (done: 0.0, remaining: 0.0)

    init(label: String, interactive: Bool = StandardError.isTerminal) {
        self.label = label
        self.interactive = interactive
    }

    /// Called after every run.
    func update(_ progress: ScenarioRunner.Progress) {
        lock.withLock {
            fromCache = progress.runsFromCache
            if progress.look != look.index { lastPointsReported = -1 }
            look = (progress.look, progress.looks)
            work = (progress.workDone, progress.workRemaining)
        }
        update(runsDone: progress.runsDone, runsTotal: progress.runsTotal, pointsDone: progress.pointsDone,
               pointsTotal: progress.pointsTotal)
    }

    func finish(runs: Int, folder: URL) {
        let cached = lock.withLock { fromCache }
        let source = cached == 0 ? "" : cached == runs ? " (all from the cache)" : " (\(cached) from the cache)"
        finish("\(runs) runs\(source) → \(folder.relativePath)/index.html")
    }

    func update(runsDone: Int, runsTotal: Int, pointsDone: Int, pointsTotal: Int) {
        lock.lock()
        defer { lock.unlock() }
        let elapsed = Date().timeIntervalSince(started)
        // The rate is that of simulated work (runs read from the cache take no time), each run
        // weighed by its estimated cost: large runs run first, so a count of runs would mislead.
        // None before 5% of the work is done: until then the runs still in flight, uncounted, are
        // a large part of the progress (the first ETA of a 30 s look said 61 s).
        let eta = work.done > 0.05 * (work.done + work.remaining) ? elapsed / work.done * work.remaining : nil
        if interactive {
            guard runsDone == runsTotal || Date().timeIntervalSince(lastDraw) > 0.1 else { return }
            lastDraw = Date()
            let width = 28
            let filled = runsTotal > 0 ? width * runsDone / runsTotal : width
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            let etaText = eta.map { "ETA \(Self.duration($0 > 0 ? $0 : 0))" } ?? "ETA –"
            let cached = fromCache > 0 ? " (\(fromCache) cached)" : ""
            let lookText = look.count > 1 ? "look \(look.index)/\(look.count), " : ""
            StandardError.write("\r\u{1B}[2K\(label) \(bar) \(lookText)\(runsDone)/\(runsTotal) runs\(cached), \(pointsDone)/\(pointsTotal) points complete, \(etaText)")
        } else if pointsDone != lastPointsReported {
            lastPointsReported = pointsDone
            let etaText = eta.map { ", ETA \(Self.duration($0 > 0 ? $0 : 0))" } ?? ""
            let cached = fromCache > 0 ? ", \(fromCache) from the cache" : ""
            let lookText = look.count > 1 ? "look \(look.index)/\(look.count): " : ""
            // Runs first: a point is complete only when all its runs are, so "point 0/4 done"
            // beside "1/16 runs" read as a contradiction.
            StandardError.line("\(label): \(lookText)\(runsDone)/\(runsTotal) runs done\(cached), \(pointsDone)/\(pointsTotal) points complete (\(Self.duration(elapsed)) elapsed\(etaText))")
        }
    }

    /// Ends the bar's line and prints the total time.
    func finish(_ message: String) {
        lock.lock()
        defer { lock.unlock() }
        if interactive { StandardError.write("\r\u{1B}[2K") }
        StandardError.line("\(label): \(message) in \(Self.duration(Date().timeIntervalSince(started)))")
    }

    static func duration(_ seconds: Double) -> String { CostModel.duration(seconds) }
}
