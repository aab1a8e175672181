import Foundation

/// Writes to standard error without buffering, so diagnostics and progress interleave correctly.
enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func line(_ text: String) {
        write(text + "\n")
    }

    /// Whether standard error is a terminal (progress bar) or a pipe/file (plain lines).
    static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
