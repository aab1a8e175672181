/// Turns decoded source into tokens, reporting malformed input as diagnostics and carrying on.
///
/// Lexical rules: `#` comments to the end of the line; newline and `;` are tokens (they end
/// statements); identifiers `[A-Za-z_][A-Za-z0-9_]*`; numbers `12`, `0.05`, `1e-3`; strings
/// `"…"` with `\"`, `\\`, `\n`, `\t`; prose `"""…"""` across lines; punctuation
/// `{ } [ ] ( ) , ... + - * / ^`. Spaces, tabs, carriage returns and a byte-order mark are blank.
struct Lexer {
    private let source: SourceText
    /// The source's scalars and byte offsets, held directly: the hot loop reads them per character.
    private let scalars: [Unicode.Scalar]
    private let byteOffsets: [Int]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    /// The text's number in `SourcePosition.source`.
    private let sourceID: Int
    private(set) var tokens: [Token] = []

    private init(source: SourceText, sourceID: Int) {
        self.source = source
        self.scalars = source.scalars
        self.byteOffsets = source.byteOffsets
        self.sourceID = sourceID
    }

    /// The tokens of `source`, always ending with `.endOfFile`; positions carry `sourceID`.
    static func tokenize(_ source: SourceText, diagnostics: inout DiagnosticCollector, sourceID: Int = 0) -> [Token] {
        var lexer = Lexer(source: source, sourceID: sourceID)
        lexer.run(&diagnostics)
        return lexer.tokens
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        let i = index + ahead
        return i < scalars.count ? scalars[i] : nil
    }

    private var location: SourcePosition { location(of: index) }

    /// The location of scalar `i`, which must be on the current line.
    private func location(of i: Int) -> SourcePosition {
        SourcePosition(line: line, column: i - lineStart + 1, offset: byteOffsets[min(i, scalars.count)], source: sourceID)
    }

    private mutating func advanceLine() {
        index += 1
        line += 1
        lineStart = index
    }

    private mutating func append(_ kind: Token.Kind, from start: SourcePosition) {
        tokens.append(Token(kind: kind, range: SourceRange(start: start, end: location)))
    }

    private mutating func run(_ diagnostics: inout DiagnosticCollector) {
        var invalid = source.invalidScalarIndices[...]
        // Consecutive unexpected characters make one diagnostic naming the first few.
        var unexpectedRun: (start: SourcePosition, shown: [String], count: Int)?
        func flushUnexpected(_ diagnostics: inout DiagnosticCollector, at end: SourcePosition) {
            guard let run = unexpectedRun else { return }
            let more = run.count > run.shown.count ? " …" : ""
            diagnostics.error("unexpected character\(run.count > 1 ? "s" : "") \(run.shown.joined(separator: " "))\(more)",
                              at: SourceRange(start: run.start, end: end))
            unexpectedRun = nil
        }
        while index < scalars.count, !diagnostics.isSaturated {
            // Invalid UTF-8 is reported wherever it stands, even inside a string or a comment.
            while let first = invalid.first, first < index { invalid.removeFirst() }
            let scalar = scalars[index]
            let start = location
            if !Self.isUnexpected(scalar) || invalid.first == index { flushUnexpected(&diagnostics, at: start) }
            switch scalar {
            case " ", "\t", "\r", "\u{FEFF}":
                index += 1
            case "\n":
                index += 1
                append(.newline, from: start)
                line += 1
                lineStart = index
            case "#":
                while let next = peek(), next != "\n" {
                    reportInvalid(&invalid, &diagnostics)
                    index += 1
                }
            case ";": index += 1; append(.semicolon, from: start)
            case "{": index += 1; append(.leftBrace, from: start)
            case "}": index += 1; append(.rightBrace, from: start)
            case "[": index += 1; append(.leftBracket, from: start)
            case "]": index += 1; append(.rightBracket, from: start)
            case "(": index += 1; append(.leftParen, from: start)
            case ")": index += 1; append(.rightParen, from: start)
            case ",": index += 1; append(.comma, from: start)
            case "+": index += 1; append(.plus, from: start)
            case "-": index += 1; append(.minus, from: start)
            case "*": index += 1; append(.star, from: start)
            case "/": index += 1; append(.slash, from: start)
            case "^": index += 1; append(.caret, from: start)
            case ".":
                if peek(1) == ".", peek(2) == "." {
                    index += 3
                    append(.ellipsis, from: start)
                } else {
                    index += 1
                    diagnostics.error("unexpected '.'; a range is written 'a ... b step s'", at: SourceRange(start: start, end: location))
                }
            case "\"":
                if peek(1) == "\"", peek(2) == "\"" {
                    lexProse(&invalid, &diagnostics)
                } else {
                    lexString(&invalid, &diagnostics)
                }
            case _ where Self.isDigit(scalar):
                lexNumber(&diagnostics)
            case _ where Self.isIdentifierStart(scalar):
                let name = lexIdentifierText()
                append(.identifier(name), from: start)
            default:
                if invalid.first == index {
                    reportInvalid(&invalid, &diagnostics)
                } else if let run = unexpectedRun {
                    unexpectedRun = (run.start, run.count < 5 ? run.shown + [Self.quoted(scalar)] : run.shown, run.count + 1)
                } else {
                    unexpectedRun = (start, [Self.quoted(scalar)], 1)
                }
                index += 1
            }
        }
        flushUnexpected(&diagnostics, at: location)
        tokens.append(Token(kind: .endOfFile, range: SourceRange(at: location)))
    }

    /// Reports the invalid UTF-8 at `index`, if that is where the next invalid sequence stands.
    private func reportInvalid(_ invalid: inout ArraySlice<Int>, _ diagnostics: inout DiagnosticCollector) {
        guard invalid.first == index else { return }
        invalid.removeFirst()
        let start = location
        let end = SourcePosition(line: line, column: start.column + 1, offset: byteOffsets[index + 1], source: sourceID)
        diagnostics.error("invalid UTF-8", at: SourceRange(start: start, end: end))
    }

    private mutating func lexIdentifierText() -> String {
        var view = String.UnicodeScalarView()
        while let next = peek(), Self.isIdentifierContinue(next) {
            view.append(next)
            index += 1
        }
        return String(view)
    }

    private mutating func lexNumber(_ diagnostics: inout DiagnosticCollector) {
        let start = location
        var text = ""
        func digits(_ lexer: inout Lexer) {
            while let next = lexer.peek(), Lexer.isDigit(next) {
                text.unicodeScalars.append(next)
                lexer.index += 1
            }
        }
        digits(&self)
        if peek() == ".", let after = peek(1), Self.isDigit(after) {
            text += "."
            index += 1
            digits(&self)
        }
        if let e = peek(), e == "e" || e == "E" {
            let signed = peek(1) == "+" || peek(1) == "-"
            if let first = peek(signed ? 2 : 1), Self.isDigit(first) {
                text += "e"
                if signed { text.unicodeScalars.append(peek(1)!) }
                index += signed ? 2 : 1
                digits(&self)
            }
        }
        let value = Double(text) ?? .infinity
        // `9x9`: the size separator written without spaces.
        if peek() == "x", let after = peek(1), Self.isDigit(after) {
            append(.number(value), from: start)
            let xStart = location
            index += 1
            append(.identifier("x"), from: xStart)
            return
        }
        if let next = peek(), Self.isIdentifierContinue(next) {
            let suffix = lexIdentifierText()
            diagnostics.error("invalid number '\(text)\(suffix.prefix(40))'", at: SourceRange(start: start, end: location))
            append(.number(value), from: start)
            return
        }
        if !value.isFinite {
            diagnostics.error("number '\(text.prefix(40))' is too large", at: SourceRange(start: start, end: location))
        }
        append(.number(value.isFinite ? value : 0), from: start)
    }

    private mutating func lexString(_ invalid: inout ArraySlice<Int>, _ diagnostics: inout DiagnosticCollector) {
        let start = location
        index += 1
        var view = String.UnicodeScalarView()
        while true {
            guard let next = peek(), next != "\n" else {
                diagnostics.error("unterminated string; close it with '\"' on the same line",
                                  at: SourceRange(start: start, end: location))
                break
            }
            reportInvalid(&invalid, &diagnostics)
            if next == "\"" {
                index += 1
                break
            }
            if next == "\\" {
                let escapeStart = location
                switch peek(1) {
                case "\""?: view.append("\""); index += 2
                case "\\"?: view.append("\\"); index += 2
                case "n"?: view.append("\n"); index += 2
                case "t"?: view.append("\t"); index += 2
                case let other?:
                    index += other == "\n" ? 1 : 2
                    let shown = Self.quoted(other).hasPrefix("'") ? "'\\\(other)'" : "\\ followed by \(Self.quoted(other))"
                    diagnostics.error("unknown escape \(shown) in string; use \\\" \\\\ \\n or \\t",
                                      at: SourceRange(start: escapeStart, end: location))
                case nil:
                    index += 1
                }
                continue
            }
            view.append(next)
            index += 1
        }
        append(.string(String(view)), from: start)
    }

    private mutating func lexProse(_ invalid: inout ArraySlice<Int>, _ diagnostics: inout DiagnosticCollector) {
        let start = location
        index += 3
        var view = String.UnicodeScalarView()
        while true {
            guard let next = peek() else {
                diagnostics.error("unterminated prose block; close it with '\"\"\"'",
                                  at: SourceRange(start: start, end: SourcePosition(line: start.line, column: start.column + 3,
                                                                                    offset: start.offset + 3, source: sourceID)))
                break
            }
            if next == "\"", peek(1) == "\"", peek(2) == "\"" {
                index += 3
                break
            }
            reportInvalid(&invalid, &diagnostics)
            view.append(next)
            if next == "\n" { advanceLine() } else { index += 1 }
        }
        append(.prose(ProseText.dedent(String(view))), from: start)
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    static func isIdentifierStart(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 0x41 && s.value <= 0x5A) || (s.value >= 0x61 && s.value <= 0x7A) || s == "_"
    }

    static func isIdentifierContinue(_ s: Unicode.Scalar) -> Bool { isIdentifierStart(s) || isDigit(s) }

    /// True for characters that start no token (runs of them make one diagnostic).
    private static func isUnexpected(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case " ", "\t", "\r", "\u{FEFF}", "\n", "#", ";", "{", "}", "[", "]", "(", ")", ",", "+", "-", "*", "/", "^", ".", "\"":
            return false
        default:
            return !isIdentifierContinue(s)
        }
    }

    /// A character as a message shows it: `'@'`, or `U+0000` for invisible ones.
    static func quoted(_ s: Unicode.Scalar) -> String {
        let invisible: Set<Unicode.GeneralCategory> = [
            .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned,
        ]
        if invisible.contains(s.properties.generalCategory) || s.value == 0xFFFD {
            return "U+" + String(s.value, radix: 16, uppercase: true).leftPadded(to: 4)
        }
        return "'\(s)'"
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
