import MesaResults

/// The HTML body of `index.html`, assembled from cmark-gfm's rendering of each Markdown block
/// and the figures' SVG, which the page template places inside `<main>`.
package struct RenderedBody: Sendable {
    /// HTML produced by cmark-gfm and by the chart code only: safe to insert unescaped.
    package var html: String
    /// Headings of levels 1–3 with their ids, in order.
    package var contents: [TableOfContentsEntry]
}

extension ReportDocument {
    /// Ids the page template uses for its own elements.
    package static let templateIDs: Set<String> = ["top", "contents", "scenario-source", "data"]

    /// Renders the body. Each Markdown block goes through cmark-gfm on its own, so an unclosed
    /// construct in a scenario's prose (a code fence, say) cannot swallow the generated sections.
    package func htmlBody() -> RenderedBody {
        var allocator = AnchorAllocator(reserved: Self.templateIDs.union(figures.map(\.elementID)))
        var contents: [TableOfContentsEntry] = []
        var html = ""
        for block in blocks {
            switch block {
            case .markdown(let text):
                html += addingHeadingAnchors(to: MarkdownRenderer.html(from: text), allocator: &allocator, contents: &contents)
            case .table(let table, let style):
                html += "<div class=\"table-scroll data-table \(style)\">\n\(table.html)</div>\n"
            case .figure(let figure, let number):
                html += Self.figureHTML(figure, number: number)
            case .collapsed(let summary, let text):
                html += "<details class=\"collapsed-findings\"><summary>\(summary.htmlEscaped)</summary>\n"
                    + MarkdownRenderer.html(from: text) + "</details>\n"
            case .collapsedTable(let summary, let table, let style):
                html += "<details class=\"collapsed-table\"><summary>\(summary.htmlEscaped)</summary>\n"
                    + "<div class=\"table-scroll data-table \(style)\">\n\(table.html)</div>\n</details>\n"
            case .answer(let items):
                let id = allocator.allocate(for: "Answer")
                contents.append(TableOfContentsEntry(level: 2, text: "Answer", id: id))
                html += Self.answerHTML(items, id: id)
            }
        }
        return RenderedBody(html: html, contents: contents.filter { $0.level <= 3 })
    }

    /// The Answer box: a section with a badge per prediction (class `badge-<verdict>`).
    static func answerHTML(_ items: [AnswerItem], id: String) -> String {
        var html = "<section class=\"answer\" aria-labelledby=\"\(id)\">\n<h2 id=\"\(id)\">Answer</h2>\n<ul class=\"answer-list\">\n"
        for item in items {
            html += "<li><span class=\"badge badge-\(item.verdict.rawValue)\">\(item.verdict.label)</span> "
            html += "<span class=\"answer-claim\">\(item.claim.htmlEscaped)</span>"
            if let effect = item.effect { html += ": <span class=\"answer-effect\">\(effect.htmlEscaped)</span>" }
            html += "."
            if let mechanism = item.mechanism {
                html += " <span class=\"answer-mechanism\"><em>Mechanism:</em> \(mechanism.htmlEscaped).</span>"
            }
            html += "</li>\n"
        }
        return html + "</ul>\n</section>\n"
    }

    static func figureHTML(_ figure: Figure, number: Int) -> String {
        """
        <figure class="report-figure" id="\(figure.elementID)">
        \(figure.inlineSVG)<figcaption><span class="figure-number">Figure \(number).</span> <span class="figure-title">\(figure.title.htmlEscaped).</span> \(figure.description.htmlEscaped)</figcaption>
        <details class="figure-data"><summary>Data for figure \(number)</summary>
        <div class="table-scroll">
        \(figure.data.html)</div>
        </details>
        </figure>

        """
    }
}
