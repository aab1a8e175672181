import Foundation
import Testing
@testable import MesaReport

/// The README's tour states what the bundled notebook selected for and against, with numbers. It
/// must be the table the committed reports give (`make test` checks that those reports are
/// reproduced by a fresh run), so the README cannot drift from the runs.
@Suite("README")
struct ReadmeGlanceTests {
    static let begin = "<!-- glance:begin (scripts/readme-glance.sh writes this table from reports/) -->"
    static let end = "<!-- glance:end -->"

    @Test("the README's table at a glance is the one the committed reports give")
    func glanceMatchesReports() throws {
        let root = Fixtures.packageRoot
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: Self.begin), "README.md has no \(Self.begin) marker")
        let stop = try #require(readme.range(of: Self.end, range: start.upperBound..<readme.endIndex))
        let block = readme[start.upperBound..<stop.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)

        let results = try ReportWriter.storedResults(in: root.appendingPathComponent("reports"))
        let entries = IndexEntry.frontPageOrder(results.map(IndexEntry.init))
        let expected = ReportWriter.glanceTable(entries, linkPrefix: "reports/").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(block == expected, "README.md's table differs from reports/: run scripts/readme-glance.sh")
    }

    @Test("README and docs cite only documents in the repository, and say how to put mesascope on PATH (issue 21, item 11)")
    func citedDocumentsExist() throws {
        let root = Fixtures.packageRoot
        let docs = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)
            .filter { $0.hasSuffix(".md") }.map { "docs/\($0)" }
        let pattern = try NSRegularExpression(pattern: #"(?:docs/)?[A-Za-z0-9_-]+\.md\b"#)
        for file in ["README.md"] + docs {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let cited = String(text[Range(match.range, in: text)!])
                let candidates = [cited, "docs/\(cited)", (file as NSString).deletingLastPathComponent + "/" + cited]
                // Files of a report folder (report.md, index.md) are outputs, not documents.
                guard !["report.md", "index.md"].contains(cited) else { continue }
                #expect(candidates.contains { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path) },
                        "\(file) cites \(cited), which is not in the repository")
            }
        }
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("export PATH=\"$PWD/.build/release:$PATH\""))
        #expect(readme.contains("A **deceptive circuit** is a **detector**"))
        #expect(readme.contains("**98.75%**"))
        #expect(readme.contains("**shift −∞**"))
    }
}
