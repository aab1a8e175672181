import ArgumentParser
import MesaReport

/// Prints a report-kit error and chooses its exit status: bad input files (a damaged
/// `results.json`, a broken template) are data errors (65); the rest are I/O errors (74).
enum ReportFailure {
    static func exit(for error: ReportError) -> ExitCode {
        StandardError.line("error: \(error.description)")
        switch error {
        case .unreadableResults, .invalidTemplate, .invalidSlug:
            return ExitStatus.invalidScenario
        case .fileSystem:
            return ExitStatus.ioError
        }
    }
}
