import MesaEngine
import MesaReport
import MesaScenario

/// Why a pipeline step stopped, typed up to the command line, which maps each case to its exit
/// status once. Diagnostics of invalid scenarios have been printed when `invalidScenarios` is
/// thrown; every other case carries its message.
public enum PipelineError: Error, Sendable, CustomStringConvertible {
    /// The command line asked for something that cannot be done (exit 64).
    case usage(String)
    /// A file or folder named on the command line does not exist (exit 74).
    case notFound(path: String)
    /// A scenario file could not be read (exit 74).
    case unreadable(path: String, reason: String)
    /// Some scenario files have errors; their diagnostics were printed (exit 65).
    case invalidScenarios(invalid: Int, total: Int)
    /// The engine refused a run of a scenario that passed `check` (exit 65).
    case refused(path: String, SimulationError)
    /// Writing or reading a report failed (exit 65, 74 or 78 by the case).
    case report(ReportError)
    /// The run cache could not be written (exit 74). Runs are unaffected; only reuse is lost.
    case cache(path: String, reason: String)
    /// `merge` found the shards incomplete or mismatched (exit 65); the message says which.
    case incompleteShards(path: String, message: String)
    /// `merge` of sequential seeds: another look is needed and none of its runs exists yet (exit 75,
    /// EX_TEMPFAIL: run that look's shards and merge again).
    case nextLookNeeded(path: String, look: Int, of: Int)
    /// The runs still to simulate are estimated to take longer than `--max-time` (exit 65):
    /// estimated and limit wall seconds, the jobs, the files named.
    case tooLong(estimate: Double, limit: Double, jobs: Int, files: [String])
    /// The user interrupted the run (exit 130).
    case interrupted

    /// The message the command line prints (nil when the diagnostics said it all).
    public var message: String? {
        switch self {
        case .usage(let message): return "error: \(message)"
        case .notFound(let path): return "error: no such file or folder: \(path)"
        case let .unreadable(path, reason): return "\(path): error: cannot read the file (\(reason))"
        case let .invalidScenarios(invalid, total):
            return "\(invalid) of \(total) scenario file\(total == 1 ? "" : "s") invalid."
        case let .refused(path, error): return "\(path): error: \(error.description)"
        case .report(let error): return error.description
        case let .cache(path, reason): return "\(path): error: cannot write the run cache (\(reason))"
        case let .incompleteShards(path, message): return "\(path): error: cannot merge: \(message)"
        case let .nextLookNeeded(path, look, of):
            return "\(path): look \(look) of \(of) is needed: the looks so far leave a prediction undecided; run its shards (mesascope run \(path) --shard I/N --look \(look)) and merge again"
        case let .tooLong(estimate, limit, jobs, files):
            let named = files.joined(separator: " ")
            return """
                error: the runs still to simulate are estimated at about \(CostModel.duration(estimate)) with \(jobs) job\(jobs == 1 ? "" : "s") on this machine, more than --max-time \(CostModel.duration(limit)); nothing was run
                  to run it here anyway, raise the limit (--max-time \(Self.limitArgument(above: estimate)), or --max-time none)
                  to run it on a cluster, shard it: mesascope slurm \(named) (docs/cluster.md)
                """
        case .interrupted: return "Interrupted: earlier reports are untouched."
        }
    }

    /// The error as a phrase, for messages that quote it (a cache that cannot be written, in the
    /// run's warning): the path and the reason, not the Swift value.
    public var description: String {
        switch self {
        case let .cache(path, reason): return "\(path): \(reason)"
        default: return message ?? "interrupted"
        }
    }

    /// A `--max-time` worth typing with room above `estimate` (half as much again): whole minutes
    /// below 2 hours (`45m`), whole hours above (`7h`).
    static func limitArgument(above estimate: Double) -> String {
        let seconds = estimate * 1.5
        return seconds < 7200 ? "\(Int((seconds / 60).rounded(.up)))m" : "\(Int((seconds / 3600).rounded(.up)))h"
    }
}
