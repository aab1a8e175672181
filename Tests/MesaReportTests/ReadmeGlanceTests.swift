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
}
