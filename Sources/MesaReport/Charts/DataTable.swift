/// The numbers behind a figure, as a table a screen reader (or a spreadsheet) can use.
package struct DataTable: Sendable, Hashable {
    package var columns: [String]
    package var rows: [[String]]
    /// Element ids of the rows in HTML (empty strings for none), so that charts can link to them.
    package var rowIDs: [String] = []
    /// In HTML, the cells of column `column` link to `hrefs[row]` (an empty href: no link).
    package var links: (column: Int, hrefs: [String])?

    package init(columns: [String], rows: [[String]], rowIDs: [String] = [],
                 links: (column: Int, hrefs: [String])? = nil) {
        self.columns = columns
        self.rows = rows
        self.rowIDs = rowIDs
        self.links = links
    }

    package static func == (a: DataTable, b: DataTable) -> Bool {
        a.columns == b.columns && a.rows == b.rows && a.rowIDs == b.rowIDs
            && a.links?.column == b.links?.column && a.links?.hrefs == b.links?.hrefs
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(columns)
        hasher.combine(rows)
        hasher.combine(rowIDs)
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
        for (index, row) in rows.enumerated() {
            let id = index < rowIDs.count && !rowIDs[index].isEmpty ? " id=\"\(rowIDs[index].htmlEscaped)\"" : ""
            let cells = row.enumerated().map { column, text -> String in
                if let links, links.column == column, index < links.hrefs.count, !links.hrefs[index].isEmpty {
                    return "<td><a href=\"\(links.hrefs[index].htmlEscaped)\">\(text.htmlEscaped)</a></td>"
                }
                return "<td>\(text.htmlEscaped)</td>"
            }
            html += "<tr\(id)>" + cells.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }
}
