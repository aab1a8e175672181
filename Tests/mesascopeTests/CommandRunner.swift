import Foundation

/// Runs the built `mesascope` binary in a folder and captures what it printed.
struct CommandRunner {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The folder holding the test bundle and the `mesascope` executable it depends on.
    static var binary: URL {
        Bundle.main.bundleURL.appendingPathComponent("mesascope")
    }

    var directory: URL
    /// The executable run; the debug build's by default.
    var binary: URL = CommandRunner.binary
    /// Extra environment variables. Unless set here, the run cache is a folder inside `directory`
    /// (`MESASCOPE_CACHE`), so tests neither share one nor touch the user's.
    var environment: [String: String] = [:]
    /// Whether the cache folder starts with this machine's calibration (measured once per test
    /// process by `bench --calibrate`), so that each `plan` does not measure it again.
    var sharesCalibration = true

    /// `calibration.json` as `bench --calibrate` measured it once for this test process.
    static let sharedCalibration: Data? = {
        guard let folder = try? TemporaryFolder() else { return nil }
        defer { folder.remove() }
        let cache = folder.url.appendingPathComponent("cache")
        let runner = CommandRunner(directory: folder.url, sharesCalibration: false)
        guard (try? runner.run(["bench", "--calibrate", "--cache", cache.path]))?.status == 0 else { return nil }
        return FileManager.default.contents(atPath: cache.appendingPathComponent("calibration.json").path)
    }()

    /// Runs `mesascope arguments…`, waiting at most `timeout` seconds.
    func run(_ arguments: [String], timeout: TimeInterval = 120) throws -> Outcome {
        let process = start(arguments)
        let deadline = Date().addingTimeInterval(timeout)
        while process.process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.process.isRunning { process.process.terminate() }
        return process.finish()
    }

    /// A started process whose output is collected into temporary files (no pipe deadlock).
    struct Started {
        var process: Process
        var stdoutURL: URL
        var stderrURL: URL

        func finish() -> Outcome {
            process.waitUntilExit()
            let out = (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? ""
            let err = (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? ""
            try? FileManager.default.removeItem(at: stdoutURL)
            try? FileManager.default.removeItem(at: stderrURL)
            return Outcome(status: process.terminationStatus, stdout: out, stderr: err)
        }
    }

    func start(_ arguments: [String]) -> Started {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var variables = ProcessInfo.processInfo.environment
        let cache = directory.appendingPathComponent(".mesascope-cache")
        variables["MESASCOPE_CACHE"] = cache.path
        // The shared calibration is the debug build's: never given to another binary (a release
        // build is about 8 times faster, and would be refused by `--max-time` on the debug speed).
        if sharesCalibration, binary == CommandRunner.binary, environment["MESASCOPE_CACHE"] == nil,
           ["plan", "run"].contains(arguments.first ?? ""),
           !FileManager.default.fileExists(atPath: cache.appendingPathComponent("calibration.json").path),
           let calibration = Self.sharedCalibration {
            try? FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
            try? calibration.write(to: cache.appendingPathComponent("calibration.json"))
        }
        variables.merge(environment) { $1 }
        process.environment = variables
        let id = UUID().uuidString
        let stdoutURL = FileManager.default.temporaryDirectory.appendingPathComponent("mesascope-\(id).out")
        let stderrURL = FileManager.default.temporaryDirectory.appendingPathComponent("mesascope-\(id).err")
        FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.standardOutput = try? FileHandle(forWritingTo: stdoutURL)
        process.standardError = try? FileHandle(forWritingTo: stderrURL)
        try? process.run()
        return Started(process: process, stdoutURL: stdoutURL, stderrURL: stderrURL)
    }
}

/// A fresh temporary folder, removed by `remove()`.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("mesascope-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    func read(_ name: String) throws -> Data {
        try Data(contentsOf: url.appendingPathComponent(name))
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
