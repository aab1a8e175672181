import MesaScenario

/// Recursive-descent parser for the file structure: header, prose, blocks and statements.
///
/// ```
/// file      := 'scenario' STRING item*
/// item      := prose | block
/// block     := IDENT '{' statement* '}'
/// statement := IDENT value+ (',' value+)*
/// ```
/// On an error it records a diagnostic and skips to the end of the statement, so one run reports
/// every problem. Nothing here recurses on the input's nesting except expressions, whose depth
/// is capped (see `Parser+Expressions.swift`).
struct Parser {
    /// Unwinds to the nearest statement boundary; the diagnostic is already recorded.
    struct Failure: Error {}

    var tokens: [Token]
    var index = 0
    var diagnostics: DiagnosticCollector

    init(tokens: [Token], diagnostics: DiagnosticCollector) {
        self.tokens = tokens
        self.diagnostics = diagnostics
    }

    var current: Token { tokens[index] }

    func peek(_ ahead: Int) -> Token { tokens[min(index + ahead, tokens.count - 1)] }

    var atEnd: Bool { current.kind == .endOfFile || diagnostics.isSaturated }

    mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    /// The range of the token before the current one (the end of what was just parsed).
    var previousRange: SourceRange { tokens[max(0, index - 1)].range }

    mutating func fail(_ message: String, at range: SourceRange, notes: [Diagnostic.Note] = []) -> Failure {
        diagnostics.error(message, at: range, notes: notes)
        return Failure()
    }

    mutating func skipSeparators() {
        while current.isStatementSeparator { advance() }
    }

    /// The next token that is not a newline, without consuming anything.
    func nextSignificant(from offset: Int) -> Token {
        var i = offset
        while peek(i).kind == .newline { i += 1 }
        return peek(i)
    }

    // MARK: File

    mutating func parseFile() -> FileSyntax {
        var file = FileSyntax(header: nil, items: [])
        skipSeparators()
        file.header = parseHeader()
        while true {
            skipSeparators()
            if atEnd { break }
            switch current.kind {
            case .prose(let text):
                file.items.append(.prose(ProseSyntax(text: text, range: current.range)))
                advance()
            case .identifier(let name) where nextSignificant(from: 1).kind == .leftBrace:
                file.items.append(.block(parseBlock(name: name)))
            case .identifier("scenario") where file.header == nil:
                diagnostics.error("the 'scenario' header must come first in the file", at: current.range)
                skipTopLevelItem()
            case .identifier("scenario"):
                diagnostics.error("a file has one 'scenario' header", at: current.range,
                                  notes: file.header.map { [Diagnostic.Note("the header is here", range: $0.range)] } ?? [])
                skipTopLevelItem()
            case .identifier(let name):
                diagnostics.error("setting '\(name)' outside a block; write it inside a block such as 'model { … }'",
                                  at: current.range)
                skipTopLevelItem()
            default:
                diagnostics.error("expected a block name or a prose block, found \(current.description)", at: current.range)
                skipTopLevelItem()
            }
        }
        return file
    }

    private mutating func parseHeader() -> HeaderSyntax? {
        let start = current.range
        guard current.identifier == "scenario" else {
            let found = atEnd ? "an empty file" : current.description
            diagnostics.error("a scenario file starts with 'scenario \"Title\"', found \(found)", at: start)
            // Carry on with the items so that their errors are reported too.
            let startsItem: Bool
            switch current.kind {
            case .prose: startsItem = true
            case .identifier: startsItem = nextSignificant(from: 1).kind == .leftBrace
            default: startsItem = false
            }
            if !startsItem { skipTopLevelItem() }
            return nil
        }
        advance()
        guard case .string(let title) = current.kind else {
            diagnostics.error("expected the scenario's title as a string after 'scenario', found \(current.description)",
                              at: current.range)
            skipTopLevelItem()
            return nil
        }
        let header = HeaderSyntax(title: title, range: start.union(current.range))
        advance()
        if !current.isStatementSeparator && current.kind != .endOfFile {
            diagnostics.error("expected end of line after the scenario's title, found \(current.description)", at: current.range)
            skipTopLevelItem()
        }
        return header
    }

    /// Skips to the end of the line, or past a brace group that starts on it, counting braces
    /// with a counter (never recursion) so that any nesting depth is safe.
    private mutating func skipTopLevelItem() {
        var depth = 0
        while !atEnd {
            switch current.kind {
            case .leftBrace: depth += 1
            case .rightBrace: depth = max(0, depth - 1)
            case .newline where depth == 0: return
            default: break
            }
            advance()
        }
    }

    // MARK: Blocks

    private mutating func parseBlock(name: String) -> BlockSyntax {
        let nameRange = current.range
        advance()
        skipSeparators()
        let openBrace = current.range
        advance()
        var block = BlockSyntax(name: name, nameRange: nameRange, openBrace: openBrace, statements: [])
        let openedHere = [Diagnostic.Note("block '\(name)' opened here", range: openBrace)]
        while true {
            skipSeparators()
            if diagnostics.isSaturated { return block }
            switch current.kind {
            case .rightBrace:
                advance()
                return block
            case .endOfFile:
                diagnostics.error("expected '}' at the end of block '\(name)'", at: current.range, notes: openedHere)
                return block
            case .prose:
                diagnostics.error("expected '}' before the prose block: block '\(name)' is not closed",
                                  at: current.range, notes: openedHere)
                return block
            case .identifier(let next) where peek(1).kind == .leftBrace:
                diagnostics.error("expected '}' before block '\(next)': block '\(name)' is not closed",
                                  at: current.range, notes: openedHere)
                return block
            case .identifier(let key):
                let keyRange = current.range
                do {
                    block.statements.append(try parseStatement())
                } catch {
                    // Keep the key so that an unknown or duplicate key is still reported.
                    block.statements.append(StatementSyntax(key: key, keyRange: keyRange, groups: [],
                                                            valuesRange: keyRange, isMalformed: true))
                    skipToStatementEnd()
                }
            default:
                diagnostics.error("expected a setting name, found \(current.description)", at: current.range)
                if current.kind == .leftBrace { advance() }
                skipToStatementEnd()
            }
        }
    }

    // MARK: Statements

    /// The one statement of a `--set` override for `block`: its key and values, then the end. The
    /// block must be one the language has (`expect` lines are not overridden).
    mutating func parseOverride(block: String) -> StatementSyntax? {
        guard SettingCatalog.blocks.contains(block) else {
            diagnostics.error("unknown block '\(block)' in --set", at: current.range,
                              notes: Suggestion.note(for: block, among: SettingCatalog.blocks)
                                  + [Diagnostic.Note("--set takes block.key=value; the blocks are \(SettingCatalog.blocks.joined(separator: ", "))")])
            return nil
        }
        do {
            let statement = try parseStatement()
            if current.kind != .endOfFile {
                diagnostics.error("--set takes one setting; found \(current.description) after its value", at: current.range)
                return nil
            }
            return statement
        } catch {
            return nil
        }
    }

    private mutating func parseStatement() throws(Failure) -> StatementSyntax {
        guard let key = current.identifier else { throw fail("expected a setting name", at: current.range) }
        let keyRange = current.range
        advance()
        var groups: [[ValueSyntax]] = [[]]
        while true {
            if canStartValue(current) {
                groups[groups.count - 1].append(try parseValue())
            } else if current.kind == .comma {
                if groups[groups.count - 1].isEmpty {
                    throw fail("expected a value before ','", at: current.range)
                }
                advance()
                groups.append([])
            } else {
                break
            }
        }
        if groups[groups.count - 1].isEmpty {
            let message = groups.count == 1 ? "missing value for '\(key)'" : "expected a value after ','"
            throw fail(message, at: current.kind == .newline || current.kind == .endOfFile ? SourceRange(at: previousRange.end) : current.range)
        }
        switch current.kind {
        case .newline, .semicolon, .rightBrace, .endOfFile:
            break
        default:
            throw fail("expected the end of the '\(key)' setting, found \(current.description)", at: current.range)
        }
        let values = groups.flatMap { $0 }
        let valuesRange = values[0].range.union(values[values.count - 1].range)
        return StatementSyntax(key: key, keyRange: keyRange, groups: groups, valuesRange: valuesRange)
    }

    /// Skips to a newline, `;`, `}` or the end, leaving the separator for the caller.
    mutating func skipToStatementEnd() {
        while !atEnd {
            switch current.kind {
            case .newline, .semicolon, .rightBrace: return
            default: advance()
            }
        }
    }

    func canStartValue(_ token: Token) -> Bool {
        switch token.kind {
        case .number, .identifier, .string, .leftBracket, .leftParen, .minus: return true
        default: return false
        }
    }
}
