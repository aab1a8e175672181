/// Prints diagnostics as `path:line:col: severity: message`, the source line and a caret line.
struct DiagnosticRenderer {
    /// Longer source lines are echoed as a window around the caret, never whole.
    static let maximumEchoWidth = 120
    static let contextBeforeCaret = 40

    /// Per source (the file, then each `--set` override): how it is named, and its lines.
    private let sources: [(path: String, lines: [Substring])]
    private var path: String { sources[0].path }

    init(path: String, source: String, overrides: [(label: String, text: String)] = []) {
        // Split on "\n" only: the lexer counts lines the same way.
        sources = [(path, source.split(separator: "\n", omittingEmptySubsequences: false))]
            + overrides.map { ($0.label, $0.text.split(separator: "\n", omittingEmptySubsequences: false)) }
    }

    func render(_ diagnostics: [Diagnostic], limit: Int) -> String {
        var output = ""
        let shown = diagnostics.prefix(max(0, limit))
        for diagnostic in shown {
            output += header(diagnostic.range.start, diagnostic.severity.rawValue, diagnostic.message)
            output += echo(diagnostic.range)
            for note in diagnostic.notes {
                output += header((note.range ?? diagnostic.range).start, "note", note.message)
            }
        }
        let hidden = diagnostics.dropFirst(shown.count)
        if !hidden.isEmpty {
            let errors = hidden.filter { $0.severity == .error }.count
            let others = hidden.count - errors
            var parts: [String] = []
            if errors > 0 { parts.append("\(errors) more error\(errors == 1 ? "" : "s")") }
            if others > 0 { parts.append("\(others) more warning\(others == 1 ? "" : "s")") }
            output += "\(path): and \(parts.joined(separator: " and ")) not shown\n"
        }
        return output
    }

    private func header(_ location: SourcePosition, _ severity: String, _ message: String) -> String {
        let name = location.source < sources.count ? sources[location.source].path : path
        return "\(name):\(location.line):\(location.column): \(severity): \(message)\n"
    }

    /// The source line of `range` and a `^~~~` line under it, both windowed and sanitized.
    private func echo(_ range: SourceRange) -> String {
        guard range.start.source < sources.count else { return "" }
        let lines = sources[range.start.source].lines
        let lineIndex = range.start.line - 1
        guard lineIndex >= 0, lineIndex < lines.count else { return "" }
        var scalars = Array(lines[lineIndex].unicodeScalars)
        if scalars.last == "\r" { scalars.removeLast() }
        let caret = max(0, min(range.start.column - 1, scalars.count))
        let span: Int
        if range.end.line == range.start.line {
            span = max(1, range.end.column - range.start.column)
        } else {
            span = max(1, scalars.count - caret)
        }
        var start = 0, end = scalars.count
        if scalars.count > Self.maximumEchoWidth {
            start = max(0, caret - Self.contextBeforeCaret)
            end = min(scalars.count, start + Self.maximumEchoWidth - 6)
        }
        var text = start > 0 ? "..." : ""
        let caretColumn = text.count + caret - start
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end].map(Self.printable))
        text += String(view)
        if end < scalars.count { text += "..." }
        let visibleSpan = max(1, min(span, end - caret))
        let marker = String(repeating: " ", count: caretColumn) + "^" + String(repeating: "~", count: visibleSpan - 1)
        return text + "\n" + marker + "\n"
    }

    /// Tabs become spaces and control or bidirectional-override characters become `?`, so the
    /// caret stays aligned and the echo cannot rewrite the terminal.
    private static func printable(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x09: return " "
        case 0x00..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069: return "?"
        default: return scalar
        }
    }
}
