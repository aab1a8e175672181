import Foundation
import Mustache

/// A Mustache parse error in words a template author can act on.
enum TemplateProblem {
    static func message(_ error: Error, text: String, line: Int, column: Int) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "the template does not parse" }
        switch error {
        case .sectionCloseNameIncorrect:
            if let open = openSections(in: text, before: line, column).last {
                return "this closes a section, but the open section is '\(open)'"
            }
            return "this closes a section that was never opened"
        case .expectedSectionEnd:
            if let open = openSections(in: text, before: Int.max, 0).last {
                return "expected the end of section '\(open)' ({{/\(open)}})"
            }
            return "expected the end of a section"
        case .unfinishedName: return "a tag's name is not finished (missing '}}'?)"
        case .invalidSetDelimiter: return "a set-delimiter tag ({{=<% %>=}}) is malformed"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inherited section"
        case .illegalTokenInsideInheritSection: return "only block definitions may stand inside an inherited partial"
        case .textInsideInheritSection: return "text may not stand inside an inherited partial"
        case .invalidConfigVariableSyntax: return "a configuration tag ({{% … }}) is malformed"
        case .unrecognisedConfigVariable: return "unknown configuration variable in a {{% … }} tag"
        }
    }

    /// The names of the sections opened (`{{#x}}`, `{{^x}}`) and not yet closed before `line`:`column`.
    static func openSections(in text: String, before line: Int, _ column: Int) -> [String] {
        var stack: [String] = []
        var currentLine = 1, currentColumn = 1
        var index = text.startIndex
        while index < text.endIndex {
            if currentLine > line || (currentLine == line && currentColumn >= column) { break }
            if text[index...].hasPrefix("{{"), let close = text[index...].range(of: "}}") {
                let tag = text[text.index(index, offsetBy: 2)..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if let kind = tag.first {
                    let name = String(tag.dropFirst()).trimmingCharacters(in: .whitespaces)
                    if kind == "#" || kind == "^" { stack.append(name) }
                    if kind == "/", stack.last == name { stack.removeLast() }
                }
            }
            if text[index] == "\n" { currentLine += 1; currentColumn = 1 } else { currentColumn += 1 }
            index = text.index(after: index)
        }
        return stack
    }
}
