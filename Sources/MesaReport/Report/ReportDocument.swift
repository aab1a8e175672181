import MesaResults

/// A report before it becomes a file: Markdown sections and figures in notebook order.
///
/// Markdown output joins the blocks; HTML output renders each Markdown block through cmark-gfm
/// and inlines each figure's SVG between them (safe mode would drop inline SVG inside Markdown).
package struct ReportDocument: Sendable {
    /// One piece of the report body.
    package enum Block: Sendable {
        /// GitHub-flavoured Markdown: generated (escaped) text, or a scenario's prose.
        case markdown(String)
        /// A numbered figure.
        case figure(Figure, number: Int)
        /// A table of generated values; `style` becomes a CSS class in HTML (`setup`, `summary`, …).
        case table(DataTable, style: String)
        /// Generated (escaped) Markdown shown collapsed under a one-line summary of plain text.
        case collapsed(summary: String, markdown: String)
        /// The Answer box: each prediction with its verdict badge, estimate and mechanism.
        case answer([AnswerItem])
        /// A table of generated values shown collapsed (`rows` may carry ids for links).
        case collapsedTable(summary: String, table: DataTable, style: String)
    }

    /// One line of the Answer box.
    package struct AnswerItem: Sendable, Hashable {
        package var verdict: Verdict
        package var claim: String
        package var effect: String?
        package var mechanism: String?
    }

    package var title: String
    package var slug: String
    package var toolVersion: String
    package var sourceSHA256: String
    package var source: String
    package var blocks: [Block] = []

    package init(title: String, slug: String, toolVersion: String, sourceSHA256: String, source: String) {
        self.title = title
        self.slug = slug
        self.toolVersion = toolVersion
        self.sourceSHA256 = sourceSHA256
        self.source = source
    }

    /// Every figure, in order.
    package var figures: [Figure] {
        blocks.compactMap { block in
            if case .figure(let figure, _) = block { return figure }
            return nil
        }
    }

    /// Appends Markdown.
    package mutating func append(markdown: String) {
        blocks.append(.markdown(markdown))
    }

    /// Appends a table.
    package mutating func append(table: DataTable, style: String) {
        blocks.append(.table(table, style: style))
    }

    /// Appends Markdown shown collapsed under `summary` (plain text, escaped on output).
    package mutating func append(collapsed markdown: String, summary: String) {
        blocks.append(.collapsed(summary: summary, markdown: markdown))
    }

    /// Appends the Answer box.
    package mutating func append(answer items: [AnswerItem]) {
        blocks.append(.answer(items))
    }

    /// Appends a table shown collapsed under `summary`.
    package mutating func append(collapsedTable table: DataTable, summary: String, style: String) {
        blocks.append(.collapsedTable(summary: summary, table: table, style: style))
    }

    /// Appends a figure with the next number.
    package mutating func append(figure: Figure) {
        blocks.append(.figure(figure, number: figures.count + 1))
    }
}
