/// A position in a scenario file.
///
/// `line` and `column` are 1-based; `column` counts Unicode scalars from the start of the line
/// (an invalid UTF-8 sequence counts as one, as it decodes to one U+FFFD). `offset` is the
/// 0-based byte offset into the file as read.
public struct SourcePosition: Sendable, Hashable, Comparable {
    /// The line, from 1.
    public var line: Int
    /// The column, from 1, in Unicode scalars.
    public var column: Int
    /// The byte offset, from 0.
    public var offset: Int
    /// Which text the position is in: 0 for the scenario file, i ≥ 1 for the i-th `--set` override.
    public var source: Int

    public init(line: Int, column: Int, offset: Int, source: Int = 0) {
        self.line = line
        self.column = column
        self.offset = offset
        self.source = source
    }

    /// The file first, then each override; within a text, by offset.
    public static func < (a: SourcePosition, b: SourcePosition) -> Bool { (a.source, a.offset) < (b.source, b.offset) }
}

/// A half-open span of a scenario file: `start` is the first character, `end` one past the last.
public struct SourceRange: Sendable, Hashable {
    /// The first character.
    public var start: SourcePosition
    /// One past the last character.
    public var end: SourcePosition

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    /// An empty range at `location` (a caret with no tildes).
    public init(at location: SourcePosition) {
        self.init(start: location, end: location)
    }

    /// The smallest range covering both.
    func union(_ other: SourceRange) -> SourceRange {
        SourceRange(start: min(start, other.start), end: max(end, other.end))
    }
}
