import Foundation
import MesaResults

/// Hand-built results: an analytic grid (f = x², P = 100, whose closed form is x* = min(N/2, 10))
/// and a small simulation sweep over N with four seeds per point, a detector and two mazes.
enum Fixtures {
    static let instanceValues: [Double] = [1, 2, 4, 8, 16]

    static func results(
        title: String = "Diversity selects for search", prose: String = "We sweep *N* and watch the share of mesa-optimizers."
    ) -> ScenarioResults {
        let analytic = [1.0, 2, 4, 8, 16, 32].map { n -> AnalyticRow in
            let x = min(n / 2, 10)
            let tuning = (100 - x * x) / n
            return AnalyticRow(power: 100, instances: n, cost: "x^2", maxBits: 20, xStar: x, jStar: tuning + x,
                               tuningShare: tuning, mesaShare: x)
        }
        let runs = instanceValues.flatMap { n in (0..<4).map { repetition in run(n: n, repetition: repetition) } }
        return ScenarioResults(
            scenario: title, slug: "diversity", sourceSHA256: String(repeating: "ab", count: 32), toolVersion: "0.1.0",
            source: "title \"\(title)\"\n\n```prose\n\(prose)\n```\n\nsimulation {\n  instances sweep 1, 2, 4, 8, 16\n}\n",
            notebook: [
                NotebookEntry(kind: .prose, text: "## Question\n\n" + prose),
                NotebookEntry(kind: .block, block: "analytic", settings: [
                    SettingRow(key: "P", value: "100", swept: false),
                    SettingRow(key: "cost", value: "x^2", swept: false),
                    SettingRow(key: "N", value: "1, 2, 4, 8, 16, 32", swept: true),
                ]),
                NotebookEntry(kind: .prose, text: "Now the simulation, with a [link](https://example.org)."),
                NotebookEntry(kind: .block, block: "environment", settings: [
                    SettingRow(key: "instances", value: "1, 2, 4, 8, 16", swept: true),
                    SettingRow(key: "size", value: "3x3", swept: false),
                ]),
                NotebookEntry(kind: .block, block: "model", settings: [
                    SettingRow(key: "parameters", value: "24", swept: false),
                ]),
                NotebookEntry(kind: .prose, text: "Closing remarks."),
            ],
            axes: [AxisDescription(key: "environment.instances", values: instanceValues.map(PointValue.number), geometric: true)],
            analytic: analytic,
            analyticFindings: AnalyticFindings(
                onset: 1, crossover: 16, saturation: 32,
                curves: [AnalyticCurveFindings(power: 100, cost: "x^2", maxBits: 20, onset: 1, crossover: 16, saturation: 32)]),
            runs: runs,
            summary: instanceValues.map { n in summary(of: runs.filter { $0.point["environment.instances"] == .number(n) }, n: n) },
            findings: [
                Finding(kind: .analytic, metric: "mesa_share", axis: "N", value: 16,
                        sentence: "In the analytic model the mesa share exceeds the tuning share from N = 16 on."),
                Finding(kind: .crossover, metric: "mesa_optimizer", axis: "environment.instances", value: 4, lo: 2, hi: 8,
                        sentence: "Search was selected in at least half of the runs from N ≈ 4 (95% interval 2–8) on."),
            ],
            mazes: [maze(phase: .training, defected: false), maze(phase: .deployment, defected: true)])
    }

    static func point(_ n: Double) -> Point {
        Point([Point.Coordinate(key: "environment.instances", value: .number(n))])
    }

    /// Search takes over with N; at N = 4 the seeds split (bimodal), as near a crossover.
    static func run(n: Double, repetition: Int) -> RunRecord {
        let mesa = n >= 8 || (n == 4 && repetition % 2 == 0)
        let share = mesa ? 0.9 + 0.02 * Double(repetition) : 0.05 * Double(repetition)
        let metrics = RunMetrics([
            .trainScore: 0.8 + 0.01 * Double(repetition), .deployScore: mesa ? 0.7 : 0.1, .searchBits: mesa ? 3 : 0,
            .mesaOptimizer: mesa ? 1 : 0, .deceptive: repetition == 3 ? 1 : 0, .defectionRate: repetition == 3 ? 0.5 : 0,
            .proxyPursuit: 0.1, .expansionsPerEpisode: mesa ? 12.5 : 0, .loss: 0.25, .paramsTable: mesa ? 10 : 22,
            .paramsSearch: mesa ? 12 : 0, .paramsDetector: repetition == 3 ? 2 : 0, .kFit: 30,
            .searchDecisionShare: share, .budget: 24, .detectorCost: 2,
        ])
        return RunRecord(point: point(n), seed: UInt64(1000 + Int(n) * 10 + repetition), repetition: repetition,
                         optimizer: .exact, metrics: metrics)
    }

    /// Means with a simple ±0.1 band (the real intervals are the engine's business).
    static func summary(of runs: [RunRecord], n: Double) -> PointSummary {
        func estimate(_ metric: Metric) -> Estimate {
            let mean = runs.map { $0.metrics[metric]! }.reduce(0, +) / Double(runs.count)
            return Estimate(mean: mean, lo: max(0, mean - 0.1), hi: mean + 0.1)
        }
        return PointSummary(point: point(n), n: runs.count, metrics: [
            .mesaOptimizer: estimate(.mesaOptimizer),
            .trainScore: estimate(.trainScore),
            .deployScore: estimate(.deployScore),
            .deceptive: estimate(.deceptive),
            .defectionRate: estimate(.defectionRate),
        ])
    }

    /// A 3×3 maze: a corridor along the top row, down the right column, back along the bottom row.
    static func maze(phase: Phase, defected: Bool) -> MazeDrawing {
        // Bits: 1 N, 2 E, 4 S, 8 W.
        let openings: [UInt8] = [2, 2 | 8, 8 | 4, 0, 0, 1 | 4, 2, 2 | 8, 8 | 1]
        return MazeDrawing(point: point(4), repetition: 7, phase: phase, instance: 1, width: 3, height: 3, openings: openings,
                           start: 0, goal: 6, proxy: [8], path: defected ? [0, 1, 2, 5, 8] : [0, 1, 2, 5, 8, 7, 6],
                           defected: defected)
    }

    /// A fresh empty folder under the system's temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mesareport-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The package root, found from this file's path.
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Every regular file under `folder`, by relative path, with its bytes.
    static func files(in folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return files
        }
        for case let url as URL in enumerator {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
            files[relative] = try Data(contentsOf: url)
        }
        return files
    }
}
