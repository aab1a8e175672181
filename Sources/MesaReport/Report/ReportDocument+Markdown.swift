/// `report.md`: the report as GitHub-flavoured Markdown, figures referenced as `figures/*.svg`.
extension ReportDocument {
    /// The whole `report.md`.
    package var markdown: String {
        var parts = ["# \(title.markdownEscaped)\n", metadataLine + "\n"]
        for block in blocks {
            switch block {
            case .markdown(let text):
                parts.append(text.hasSuffix("\n") ? text : text + "\n")
            case .table(let table, _):
                parts.append(table.markdown)
            case .collapsed(let summary, let text):
                parts.append("<details><summary>\(summary.htmlEscaped)</summary>\n\n\(text.hasSuffix("\n") ? text : text + "\n")\n</details>\n")
            case .collapsedTable(let summary, let table, _):
                parts.append("<details><summary>\(summary.htmlEscaped)</summary>\n\n\(table.markdown)\n</details>\n")
            case .answer(let items):
                parts.append(Self.answerMarkdown(items))
            case .figure(let figure, let number):
                parts.append("""
                    ![Figure \(number): \(figure.title.markdownEscaped)](figures/\(figure.name).svg)

                    **Figure \(number).** \(figure.title.markdownEscaped). \(figure.description.markdownEscaped)

                    <details><summary>Data</summary>

                    \(figure.data.markdown)
                    </details>

                    """)
            }
        }
        parts.append("## Scenario source\n\n" + Self.fencedCode(source, language: "text"))
        parts.append("## Data\n\n[results.json](results.json) · [results.csv](results.csv)\n")
        return parts.joined(separator: "\n")
    }

    /// The Answer box as a block quote: each prediction, its verdict, estimate and mechanism.
    static func answerMarkdown(_ items: [AnswerItem]) -> String {
        var text = "> **Answer**\n>\n"
        for item in items {
            var line = "> - **\(item.verdict.label).** \(item.claim.markdownEscaped)"
            if let effect = item.effect { line += ": \(effect.markdownEscaped)" }
            line += "."
            if let mechanism = item.mechanism { line += " *Mechanism:* \(mechanism.markdownEscaped)." }
            text += line + "\n"
        }
        return text
    }

    /// The line under the title: scenario slug, tool version, source hash (all escaped).
    var metadataLine: String {
        "Scenario \(slug.markdownEscaped) · mesascope \(toolVersion.markdownEscaped) · source SHA-256 \(sourceSHA256.markdownEscaped)"
    }

    /// `text` in a fenced code block whose fence is longer than any backtick run inside it, so the
    /// text cannot close the block early.
    static func fencedCode(_ text: String, language: String) -> String {
        var longestRun = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longestRun = max(longestRun, run)
        }
        let fence = String(repeating: "`", count: max(3, longestRun + 1))
        let body = text.hasSuffix("\n") || text.isEmpty ? text : text + "\n"
        return "\(fence)\(language)\n\(body)\(fence)\n"
    }
}
