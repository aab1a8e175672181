/// One problem found in a scenario file, as a value: what is wrong, where, and notes that help.
///
/// ```
/// scenarios/x.mesa:12:3: error: unknown key 'instnces' in block 'environment'
/// scenarios/x.mesa:12:3: note: did you mean 'instances'?
/// ```
public struct Diagnostic: Sendable, Hashable {
    /// How serious a diagnostic is: an error stops the scenario, a warning does not.
    public enum Severity: String, Sendable, Hashable {
        case error, warning, note
    }

    /// Extra information attached to a diagnostic, optionally pointing elsewhere in the file.
    public struct Note: Sendable, Hashable {
        /// The note's text (`did you mean 'instances'?`).
        public var message: String
        /// Where the note points; `nil` means the diagnostic's own position.
        public var range: SourceRange?

        public init(_ message: String, range: SourceRange? = nil) {
            self.message = message
            self.range = range
        }
    }

    /// Whether the diagnostic stops the scenario.
    public var severity: Severity
    /// One sentence, lowercase, without a final period (`unknown block 'environmnt'`).
    public var message: String
    /// The text the diagnostic is about; the caret goes under it.
    public var range: SourceRange
    /// Further help, printed after the source line.
    public var notes: [Note]

    public init(severity: Severity, message: String, range: SourceRange, notes: [Note] = []) {
        self.severity = severity
        self.message = message
        self.range = range
        self.notes = notes
    }

    static func error(_ message: String, at range: SourceRange, notes: [Note] = []) -> Diagnostic {
        Diagnostic(severity: .error, message: message, range: range, notes: notes)
    }

    static func warning(_ message: String, at range: SourceRange, notes: [Note] = []) -> Diagnostic {
        Diagnostic(severity: .warning, message: message, range: range, notes: notes)
    }
}
