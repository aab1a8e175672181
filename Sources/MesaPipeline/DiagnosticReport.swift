import Foundation
import MesaLanguage

/// The diagnostics of one scenario file with what is needed to show them: its path, its text and
/// the `--set` overrides it was compiled with. Rendered as the compiler layout for people, or as
/// JSON objects for editors and CI (`check --format json`, docs/cli.md).
public struct DiagnosticReport: Sendable {
    public var path: String
    public var source: String
    public var overrides: [SettingOverride]
    public var diagnostics: [Diagnostic]

    public init(path: String, source: String, overrides: [SettingOverride] = [], diagnostics: [Diagnostic]) {
        self.path = path
        self.source = source
        self.overrides = overrides
        self.diagnostics = diagnostics
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// `path:line:col: severity: message`, the source line and a caret, then the notes.
    public var rendered: String {
        DiagnosticList(diagnostics).rendered(path: path, source: source, overrides: overrides)
    }

    /// One JSON object per diagnostic: file, line, column, end, severity, message and notes (each
    /// with its own file, line and column). Positions in a `--set` override name the override.
    public var json: [JSONDiagnostic] {
        diagnostics.map { diagnostic in
            JSONDiagnostic(
                file: file(of: diagnostic.range.start), line: diagnostic.range.start.line,
                column: diagnostic.range.start.column, endLine: diagnostic.range.end.line,
                endColumn: diagnostic.range.end.column, severity: diagnostic.severity.rawValue,
                message: diagnostic.message,
                notes: diagnostic.notes.map { note in
                    let at = (note.range ?? diagnostic.range).start
                    return JSONDiagnostic.Note(file: file(of: at), line: at.line, column: at.column, message: note.message)
                })
        }
    }

    private func file(of position: SourcePosition) -> String {
        position.source >= 1 && position.source <= overrides.count ? overrides[position.source - 1].label : path
    }
}

/// A diagnostic as `check --format json` prints it.
public struct JSONDiagnostic: Codable, Sendable, Hashable {
    public struct Note: Codable, Sendable, Hashable {
        public var file: String
        public var line: Int
        public var column: Int
        public var message: String
    }

    public var file: String
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    public var severity: String
    public var message: String
    public var notes: [Note]
}
