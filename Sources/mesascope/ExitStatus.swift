import ArgumentParser
import MesaPipeline
import MesaReport

/// The sysexits codes DESIGN.md promises, and the one place pipeline errors become them.
enum ExitStatus {
    static let usage = ExitCode(64)
    static let invalidScenario = ExitCode(65)
    static let internalError = ExitCode(70)
    static let ioError = ExitCode(74)
    /// A template that does not parse (sysexits' EX_CONFIG).
    static let invalidTemplate = ExitCode(78)
    /// sysexits' EX_TEMPFAIL: `merge` needs another look of sequential seeds first.
    static let temporaryFailure = ExitCode(75)
    /// The conventional status of a process stopped by SIGINT.
    static let interrupted = ExitCode(130)

    /// Runs `body`, printing a `PipelineError`'s message and exiting with its status.
    static func mapping<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PipelineError {
            throw exit(for: error)
        }
    }

    /// The async form of `mapping`.
    static func mapping<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as PipelineError {
            throw exit(for: error)
        }
    }

    /// Prints the error's message and returns its exit status.
    static func exit(for error: PipelineError) -> ExitCode {
        if let message = error.message { StandardError.line(message) }
        switch error {
        case .usage: return usage
        case .notFound, .unreadable, .cache: return ioError
        case .invalidScenarios, .refused, .incompleteShards, .tooLong: return invalidScenario
        case .nextLookNeeded: return temporaryFailure
        case .interrupted: return interrupted
        case .report(let report):
            switch report {
            case .invalidTemplate: return invalidTemplate
            case .missingTemplates: return usage
            case .unreadableResults, .invalidSlug: return invalidScenario
            case .fileSystem: return ioError
            }
        }
    }
}
