import Foundation

/// A headless Chromium run with a timeout.
public struct HeadlessBrowser: Sendable {
    public let executable: URL

    /// `chromium` (or `chromium-browser`, `google-chrome`) from PATH.
    public static func find() -> HeadlessBrowser? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser", "google-chrome"] {
                let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return HeadlessBrowser(executable: candidate) }
            }
        }
        return nil
    }

    public struct Timeout: Error, CustomStringConvertible {
        public let seconds: Double
        public var description: String { "chromium did not finish within \(seconds) s" }
    }

    /// Runs the browser headless with `arguments` and a private profile under `profile`; returns stdout.
    public func run(_ arguments: [String], profile: URL, timeout: Double = 60) throws -> String {
        let process = Process()
        process.executableURL = executable
        let userData = profile.appendingPathComponent(".chromium-profile-\(UUID().uuidString)")
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                             "--no-first-run", "--user-data-dir=\(userData.path)"] + arguments
        // Files, not pipes: a large DOM would fill a pipe and block the browser.
        let output = profile.appendingPathComponent(".chromium-out-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        defer {
            try? handle.close()
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: userData)
        }
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                Thread.sleep(forTimeInterval: 1)
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                process.waitUntilExit()
                throw Timeout(seconds: timeout)
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return String(decoding: try Data(contentsOf: output), as: UTF8.self)
    }
}
