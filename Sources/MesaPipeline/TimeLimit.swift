import Foundation
import MesaEngine
import MesaScenario

/// `--max-time`: the longest a command may expect to simulate (docs/performance.md "Time
/// limits"). `run` estimates the runs the cache does not hold, on this machine with its jobs, and
/// refuses to start when the estimate exceeds the limit, before simulating anything. Unlike
/// `--allow-large` (the run-count and work limits of every scenario), it is about this machine's
/// wall time, so `--allow-large` does not lift it.
public struct TimeLimit: Sendable, Equatable {
    /// The limit in seconds; nil for none (`--max-time none`).
    public var seconds: Double?

    /// The default: half an hour.
    public static let standard = TimeLimit(seconds: 1800)

    public init(seconds: Double?) {
        self.seconds = seconds
    }

    /// Parses `none`, or a duration of hours, minutes and seconds: `90s`, `30m`, `2h`, `1h30m`,
    /// `1.5h`. Nil for anything else (or a duration of 0).
    public init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces).lowercased()
        if text == "none" {
            seconds = nil
            return
        }
        var total = 0.0, number = "", sawUnit = false
        var lastUnit = Double.infinity
        for character in text {
            if character.isNumber || character == "." {
                number.append(character)
                continue
            }
            let unit: Double
            switch character {
            case "h": unit = 3600
            case "m": unit = 60
            case "s": unit = 1
            default: return nil
            }
            // Units in decreasing order, each once, each after a number.
            guard let value = Double(number), unit < lastUnit else { return nil }
            total += value * unit
            lastUnit = unit
            number = ""
            sawUnit = true
        }
        guard sawUnit, number.isEmpty, total > 0, total.isFinite else { return nil }
        seconds = total
    }

    /// How the limit is written back (`30m00s`, `none`).
    public var text: String { seconds.map(CostModel.duration) ?? "none" }

    /// Estimated wall seconds, on this machine (`model`) with `jobs` jobs, of the runs of `loaded`
    /// that `store` does not hold yet (every look of sequential seeds), plus their reports.
    public static func estimate(_ loaded: [ScenarioLoader.Loaded], model: CostModel, jobs: Int,
                                store: RunCache?) -> Double {
        loaded.reduce(0) { $0 + estimate($1.scenario, model: model, jobs: jobs, store: store) }
    }

    static func estimate(_ scenario: Scenario, model: CostModel, jobs: Int, store: RunCache?) -> Double {
        guard scenario.simulation != nil else { return 0 }
        let seeds = max(1, scenario.seeds)
        let pointWork = scenario.pointWork
        guard let store, !pointWork.isEmpty else {
            return model.wallSeconds(scenario.work(seeds: seeds), largestRun: scenario.largestRunWork, jobs: jobs)
        }
        let sweep = SimulationSweep(scenario: scenario, jobs: jobs)
        var missing = WorkUnits.zero, largest = WorkUnits.zero, runs = 0.0
        for (point, work) in pointWork.enumerated() {
            for repetition in 0..<seeds {
                runs += 1
                if store.contains(sweep.key(RunCoordinate(point: point, repetition: repetition))) { continue }
                missing += work
                if model.seconds(work) > model.seconds(largest) { largest = work }
            }
        }
        guard missing.runs > 0 else { return 0 }
        // The report covers every run, the cached ones too.
        return model.wallSeconds(missing, largestRun: largest, jobs: jobs) + (runs - missing.runs) * model.secondsPerReportedRun
    }

    /// Throws `PipelineError.tooLong` when `estimate` seconds exceed the limit.
    public func check(estimate: Double, jobs: Int, files: [String]) throws {
        guard let seconds, estimate > seconds else { return }
        throw PipelineError.tooLong(estimate: estimate, limit: seconds, jobs: jobs, files: files)
    }
}
