import Testing
@testable import MesaReport

@Suite("Markdown through cmark-gfm")
struct MarkdownRendererTests {
    @Test("a GFM table renders as an HTML table")
    func table() {
        let html = MarkdownRenderer.html(from: "| a | b |\n|---|---|\n| 1 | 2 |\n")
        #expect(html.contains("<table>"))
        #expect(html.contains("<th>a</th>"))
        #expect(html.contains("<td>2</td>"))
    }

    @Test("raw HTML and scripts in prose do not pass through")
    func rawHTMLIsDropped() {
        let html = MarkdownRenderer.html(from: "Hello <script>alert(1)</script> and <b>bold</b>\n\n<div onclick=\"x()\">block</div>\n")
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("onclick"))
        #expect(html.contains("<!-- raw HTML omitted -->"))
    }

    @Test("autolinks and strikethrough are on")
    func extensions() {
        let html = MarkdownRenderer.html(from: "See https://example.org and ~~old~~ news.\n")
        #expect(html.contains("<a href=\"https://example.org\">https://example.org</a>"))
        #expect(html.contains("<del>old</del>"))
    }

    @Test("javascript: links are not made clickable")
    func unsafeLinks() {
        let html = MarkdownRenderer.html(from: "[click](javascript:alert(1))\n")
        #expect(!html.contains("javascript:"))
    }

    @Test("200 concurrent renders under the lock give identical output")
    func concurrentRenders() async {
        let markdown = "# Title\n\n| a | b |\n|---|---|\n| 1 | ~~2~~ |\n\nhttps://example.org\n"
        let expected = MarkdownRenderer.html(from: markdown)
        let outputs = await withTaskGroup(of: String.self) { group in
            for _ in 0..<200 {
                group.addTask { MarkdownRenderer.html(from: markdown) }
            }
            var outputs: [String] = []
            for await output in group { outputs.append(output) }
            return outputs
        }
        #expect(outputs.count == 200)
        #expect(outputs.allSatisfy { $0 == expected })
    }

    @Test("headings get stable, unique ids for the table of contents")
    func headingAnchors() {
        var allocator = AnchorAllocator(reserved: ["data"])
        var contents: [TableOfContentsEntry] = []
        let html = addingHeadingAnchors(
            to: MarkdownRenderer.html(from: "## Data\n\n## A & B\n\n## A & B\n\n---\n"), allocator: &allocator, contents: &contents)
        #expect(html.contains("<h2 id=\"data-2\">Data</h2>"))
        #expect(html.contains("<h2 id=\"a-b\">A &amp; B</h2>"))
        #expect(html.contains("<h2 id=\"a-b-2\">A &amp; B</h2>"))
        #expect(html.contains("<hr />"))
        #expect(contents.map(\.text) == ["Data", "A & B", "A & B"])
    }

    @Test("scenario text is escaped as literal Markdown")
    func markdownEscaping() {
        let hostile = "<script>alert(1)</script> | *x* [a](b)"
        let html = MarkdownRenderer.html(from: hostile.markdownEscaped)
        #expect(html == "<p>&lt;script&gt;alert(1)&lt;/script&gt; | *x* [a](b)</p>\n")
    }
}
