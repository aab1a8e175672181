/// The diagnostics of one compilation, sorted by position. The error of a failed compile, and
/// the warnings of a successful one.
public struct DiagnosticList: Error, Sendable, Hashable {
    /// Every diagnostic, sorted by position.
    public var diagnostics: [Diagnostic]

    /// A list of `diagnostics`, kept in the given order.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// The diagnostics that are errors.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// The diagnostics that are warnings.
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// True when at least one diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The diagnostics in the compiler layout, at most `limit` of them, each followed by the
    /// source line with a caret under the range and then its notes:
    ///
    /// ```
    /// scenarios/x.mesa:12:3: error: unknown key 'instnces' in block 'environment'
    ///   instnces 4
    ///   ^~~~~~~~
    /// scenarios/x.mesa:12:3: note: did you mean 'instances'?
    /// ```
    ///
    /// `source` is the file's text (invalid UTF-8 repaired as `String(decoding:as:)` does).
    /// The result ends with a newline unless it is empty.
    /// Diagnostics about a `--set` override are named by it (`--set bias.speed=-1:1:7: error: …`)
    /// and echo its statement.
    public func rendered(path: String, source: String, overrides: [SettingOverride] = [], limit: Int = 50) -> String {
        DiagnosticRenderer(path: path, source: source, overrides: overrides.map { ($0.label, $0.statementText) })
            .render(diagnostics, limit: limit)
    }
}
