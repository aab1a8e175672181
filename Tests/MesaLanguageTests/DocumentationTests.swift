import Foundation
@testable import MesaLanguage
import MesaResults
import MesaScenario
import Testing

/// `docs/scenario-language.md` must document exactly what `SettingCatalog` accepts.
@Suite struct DocumentationTests {
    static let documentURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/scenario-language.md")

    /// The text under `### \`block\`` (the maze world's, or `### \`block\` (regression)`), up to
    /// the next heading of that level or above.
    static func section(_ block: String, world: World = .maze, in document: String) -> String? {
        let lines = document.components(separatedBy: "\n")
        let heading = world == .maze ? "### `\(block)`" : "### `\(block)` (\(world.rawValue))"
        guard let start = lines.firstIndex(of: heading) else { return nil }
        let rest = lines[(start + 1)...]
        let end = rest.firstIndex { $0.hasPrefix("## ") || $0.hasPrefix("### ") } ?? lines.endIndex
        return lines[(start + 1)..<end].joined(separator: "\n")
    }

    @Test(arguments: World.allCases)
    func everyCatalogKeyIsDocumentedInItsBlock(world: World) throws {
        let document = try String(contentsOf: Self.documentURL, encoding: .utf8)
        for block in SettingCatalog.blocks(of: world) where world == .maze || block != "analytic" {
            let section = try #require(Self.section(block, world: world, in: document), "no section for block '\(block)' of \(world)")
            for key in SettingCatalog.keys(in: block, world: world) {
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
            #expect(documented == SettingCatalog.keys(in: block, world: world).map(\.name),
                    "block '\(block)' table of \(world) differs from the catalog")
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
