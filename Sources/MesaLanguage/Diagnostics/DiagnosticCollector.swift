/// Gathers diagnostics during one compilation, stopping the flood after `errorLimit` errors
/// so that a hostile file costs bounded time and memory.
struct DiagnosticCollector {
    static let errorLimit = 1000

    private(set) var diagnostics: [Diagnostic] = []
    private(set) var errorCount = 0
    /// Set once the limit is reached; the lexer and parser stop when they see it.
    private(set) var isSaturated = false

    var hasErrors: Bool { errorCount > 0 }

    mutating func add(_ diagnostic: Diagnostic) {
        guard !isSaturated else { return }
        if diagnostic.severity == .error {
            errorCount += 1
            if errorCount >= Self.errorLimit {
                isSaturated = true
                diagnostics.append(.error("too many errors; stopped checking here", at: diagnostic.range))
                return
            }
        }
        diagnostics.append(diagnostic)
    }

    mutating func error(_ message: String, at range: SourceRange, notes: [Diagnostic.Note] = []) {
        add(.error(message, at: range, notes: notes))
    }

    mutating func warning(_ message: String, at range: SourceRange, notes: [Diagnostic.Note] = []) {
        add(.warning(message, at: range, notes: notes))
    }

    /// The diagnostics sorted by position (ties keep the order they were found in).
    var sorted: [Diagnostic] {
        diagnostics.enumerated()
            .sorted { ($0.element.range.start.source, $0.element.range.start.offset, $0.offset)
                < ($1.element.range.start.source, $1.element.range.start.offset, $1.offset) }
            .map(\.element)
    }
}
