/// Prose blocks are Markdown written indented inside the file; this removes the indentation.
enum ProseText {
    /// Drops a blank first and last line (the ones holding the `"""` delimiters) and removes the
    /// indentation common to all non-blank lines. Tabs and spaces each count as one column.
    static func dedent(_ raw: String) -> String {
        var lines = raw.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        func isBlank(_ line: Substring) -> Bool { line.allSatisfy { $0 == " " || $0 == "\t" } }
        if let first = lines.first, isBlank(first) { lines.removeFirst() }
        if let last = lines.last, isBlank(last) { lines.removeLast() }
        let indentation = lines.filter { !isBlank($0) }
            .map { $0.prefix { $0 == " " || $0 == "\t" }.count }
            .min() ?? 0
        return lines.map { isBlank($0) ? "" : String($0.dropFirst(indentation)) }.joined(separator: "\n")
    }
}
