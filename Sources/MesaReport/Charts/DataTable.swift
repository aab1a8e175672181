/// The numbers behind a figure, as a table a screen reader (or a spreadsheet) can use.
package struct DataTable: Sendable, Hashable {
    package var columns: [String]
    package var rows: [[String]]

    package init(columns: [String], rows: [[String]]) {
        self.columns = columns
        self.rows = rows
    }

    /// A GitHub-flavoured Markdown table; every cell is escaped as literal text.
    package var markdown: String {
        var lines = ["| " + columns.map(\.markdownEscaped).joined(separator: " | ") + " |"]
        lines.append("|" + columns.map { _ in " --- |" }.joined())
        for row in rows {
            lines.append("| " + row.map { $0.isEmpty ? " " : $0.markdownEscaped }.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// An HTML table with a header row; every cell is HTML-escaped.
    package var html: String {
        var html = "<table>\n<thead>\n<tr>"
        for column in columns { html += "<th scope=\"col\">\(column.htmlEscaped)</th>" }
        html += "</tr>\n</thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>" + row.map { "<td>\($0.htmlEscaped)</td>" }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }
}
