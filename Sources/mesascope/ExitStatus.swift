import ArgumentParser

/// The sysexits codes DESIGN.md promises.
enum ExitStatus {
    static let usage = ExitCode(64)
    static let invalidScenario = ExitCode(65)
    static let internalError = ExitCode(70)
    static let ioError = ExitCode(74)
    /// The conventional status of a process stopped by SIGINT.
    static let interrupted = ExitCode(130)
}
