import Foundation
@testable import MesaLanguage
import MesaScenario
import Testing

/// `docs/scenario-language.md` must document exactly what `SettingCatalog` accepts.
@Suite struct DocumentationTests {
    static let documentURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/scenario-language.md")

    /// The text under `### \`block\``, up to the next heading of that level or above.
    static func section(_ block: String, in document: String) -> String? {
        let lines = document.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: "### `\(block)`") else { return nil }
        let rest = lines[(start + 1)...]
        let end = rest.firstIndex { $0.hasPrefix("## ") || $0.hasPrefix("### ") } ?? lines.endIndex
        return lines[(start + 1)..<end].joined(separator: "\n")
    }

    @Test func everyCatalogKeyIsDocumentedInItsBlock() throws {
        let document = try String(contentsOf: Self.documentURL, encoding: .utf8)
        for block in SettingCatalog.blocks {
            let section = try #require(Self.section(block, in: document), "no section for block '\(block)'")
            for key in SettingCatalog.keys(in: block) {
                let row = section.components(separatedBy: "\n").first { $0.hasPrefix("| `\(key.name)` |") }
                #expect(row != nil, "'\(key.qualifiedName)' is not in its block's table")
                // The documented default is the catalog's.
                #expect(row?.contains("| \(key.defaultText) |") == true, "'\(key.qualifiedName)' default differs")
                #expect(row?.contains("not sweepable") == !key.isSweepable, "'\(key.qualifiedName)' sweepability differs")
            }
            // And nothing is documented that the catalog does not accept.
            let documented = section.components(separatedBy: "\n").compactMap { line -> String? in
                guard line.hasPrefix("| `") else { return nil }
                return line.dropFirst(3).split(separator: "`").first.map(String.init)
            }
            #expect(documented == SettingCatalog.keys(in: block).map(\.name), "block '\(block)' table differs from the catalog")
        }
    }

    @Test func theDocumentedExampleCompiles() throws {
        let document = try String(contentsOf: Self.documentURL, encoding: .utf8)
        let example = try #require(document.components(separatedBy: "```\n").dropFirst().first)
        let scenario = try #require(compiled(example))
        #expect(scenario.pointCount == 8 && scenario.runCount == 64)
        #expect(scenario.analytic?.instances.count == 11)
    }
}
