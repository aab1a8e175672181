import Foundation
import MesaEngine
import MesaScenario

/// This machine's cost model (`CostCalibration`), measured once and kept in the run cache folder as
/// `calibration.json`. It is measured again when the engine version, the CPU model or the core
/// count differ from what the file records, or when the file cannot be read.
public struct MachineCalibration: Codable, Sendable, Equatable {
    public var engineVersion: Int
    public var cpu: String
    public var cores: Int
    public var model: CostModel
    /// Seconds the two calibration workloads took.
    public var hillClimbSeconds: Double
    public var exactSeconds: Double

    static let fileName = "calibration.json"

    /// The machine's identity as calibration records it.
    static var currentMachine: (cpu: String, cores: Int) {
        let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let name = info.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        return (name, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// The calibration stored in `directory` if it is for this engine and machine.
    public static func stored(in directory: URL) -> MachineCalibration? {
        let url = directory.appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: url.path),
              let calibration = try? JSONDecoder().decode(MachineCalibration.self, from: data)
        else { return nil }
        let machine = currentMachine
        guard calibration.engineVersion == EngineVersion.current, calibration.cpu == machine.cpu,
              calibration.cores == machine.cores
        else { return nil }
        return calibration
    }

    /// The stored calibration, or a new measurement saved to `directory` when it is given;
    /// `measuring` is called before a measurement starts.
    public static func load(directory: URL?, measuring: () -> Void = {}) async throws -> MachineCalibration {
        if let directory, let stored = stored(in: directory) { return stored }
        measuring()
        return try await measure(directory: directory)
    }

    /// A new measurement (about a second and a half), saved to `directory` when it is given.
    public static func measure(directory: URL?) async throws -> MachineCalibration {
        let measurement = try await CostCalibration.measure()
        let machine = currentMachine
        let calibration = MachineCalibration(engineVersion: EngineVersion.current, cpu: machine.cpu, cores: machine.cores,
                                             model: measurement.model, hillClimbSeconds: measurement.hillClimbSeconds,
                                             exactSeconds: measurement.exactSeconds)
        if let directory { try? calibration.save(in: directory) }
        return calibration
    }

    /// What `bench --calibrate` prints.
    public var text: String {
        func ratio(_ seconds: Double, _ reference: Double) -> String { String(format: "%.3fs (%.2f× the reference machine's %.3fs)", seconds, seconds / reference, reference) }
        return [
            "\(cpu), \(cores) cores, engine \(engineVersion)",
            "  hill-climbing workload: \(ratio(hillClimbSeconds, CostCalibration.referenceHillClimbSeconds))",
            "  exact workload: \(ratio(exactSeconds, CostCalibration.referenceExactSeconds))",
        ].joined(separator: "\n")
    }

    /// Writes `calibration.json` atomically (a failure to write only costs a new measurement later).
    func save(in directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: directory.appendingPathComponent(Self.fileName), options: .atomic)
    }
}
