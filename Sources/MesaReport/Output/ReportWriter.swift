import Foundation
import MesaResults

/// Writes a scenario's report folder and the reports front page.
///
/// ```swift
/// let writer = ReportWriter(templatesDirectory: projectRoot.appendingPathComponent("templates"))
/// let folder = try writer.write(results, to: projectRoot.appendingPathComponent("reports"))
/// try writer.writeIndex(ReportWriter.storedResults(in: reportsDirectory), to: reportsDirectory)
/// ```
///
/// `reports/<slug>/` holds `index.html` (self-contained: inline CSS and SVG), `report.md`,
/// `figures/*.svg`, `results.json` and `results.csv`. The folder is replaced as a whole, so a
/// failed write leaves the previous report intact. Output is byte-identical for equal input.
public struct ReportWriter: Sendable {
    /// Where user-editable templates are read from; `nil` (or a missing file) uses the built-in ones.
    public let templatesDirectory: URL?

    /// - Parameter templatesDirectory: usually `<project>/templates`.
    public init(templatesDirectory: URL? = nil) {
        self.templatesDirectory = templatesDirectory
    }

    /// Reads and parses the templates: a missing folder or a broken template fails here, before
    /// anything is simulated.
    public func checkTemplates() throws {
        try TemplateSet.load(from: templatesDirectory).validate()
    }

    /// Writes `reportsDirectory/<slug>/` and returns its URL.
    @discardableResult
    public func write(_ results: ScenarioResults, to reportsDirectory: URL) throws -> URL {
        try write(results, document: ReportBuilder(results: results).build(), to: reportsDirectory)
    }

    /// Writes `reportsDirectory/<slug>/` from a document already built from `results`.
    @discardableResult
    package func write(_ results: ScenarioResults, document: ReportDocument, to reportsDirectory: URL) throws -> URL {
        try Self.validate(slug: results.slug)
        let destination = reportsDirectory.appendingPathComponent(results.slug, isDirectory: true)
        try writeReport(results, document: document, at: destination)
        return destination
    }

    /// Writes the report of `results` into `destination`, replacing what is there as a whole.
    public func write(_ results: ScenarioResults, at destination: URL) throws {
        try writeReport(results, document: ReportBuilder(results: results).build(), at: destination)
    }

    /// Writes `reportsDirectory/index.html` and `index.md`: every scenario (sorted by slug) with a
    /// link and its headline findings.
    public func writeIndex(_ results: [ScenarioResults], to reportsDirectory: URL) throws {
        try writeIndex(entries: results.map(IndexEntry.init), to: reportsDirectory)
    }

    /// Writes the front page from entries already made (one per report folder).
    package func writeIndex(entries unordered: [IndexEntry], to reportsDirectory: URL) throws {
        let entries = IndexEntry.frontPageOrder(unordered)
        let renderer = PageRenderer(templates: try TemplateSet.load(from: templatesDirectory))
        let html = try renderer.indexPage(for: entries)
        try DirectoryReplacement.createDirectory(reportsDirectory)
        try DirectoryReplacement.writeFile(Data(html.utf8), to: reportsDirectory.appendingPathComponent("index.html"))
        try DirectoryReplacement.writeFile(Data(Self.indexMarkdown(entries).utf8), to: reportsDirectory.appendingPathComponent("index.md"))
    }

    /// The results stored in `reportDirectory/results.json`.
    public static func readResults(from reportDirectory: URL) throws -> ScenarioResults {
        let url = reportDirectory.appendingPathComponent("results.json")
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ReportError.unreadableResults(path: url.path, message: "file missing or unreadable")
        }
        do {
            return try ResultsFiles.decode(data)
        } catch {
            throw ReportError.unreadableResults(path: url.path, message: String(describing: error))
        }
    }

    /// The report folders under `reportsDirectory` (those with a `results.json`), by name; hidden
    /// (staging) folders are skipped.
    public static func reportFolders(in reportsDirectory: URL) throws -> [URL] {
        let fileManager = FileManager.default
        guard let names = try? fileManager.contentsOfDirectory(atPath: reportsDirectory.path) else { return [] }
        return names.sorted().filter { !$0.hasPrefix(".") }.compactMap { name in
            let folder = reportsDirectory.appendingPathComponent(name, isDirectory: true)
            return fileManager.fileExists(atPath: folder.appendingPathComponent("results.json").path) ? folder : nil
        }
    }

    /// The results of every report under `reportsDirectory` (each `*/results.json`), by folder name.
    public static func storedResults(in reportsDirectory: URL) throws -> [ScenarioResults] {
        try reportFolders(in: reportsDirectory).map(readResults)
    }

    private func writeReport(_ results: ScenarioResults, document: ReportDocument, at destination: URL) throws {
        let templates = try TemplateSet.load(from: templatesDirectory)
        try DirectoryReplacement.replace(destination) { staging in
            try Self.populate(staging, with: results, document: document, templates: templates)
        }
    }

    /// Writes every file of a report into `folder`. The HTML comes last: a template error there
    /// aborts the whole replacement.
    private static func populate(_ folder: URL, with results: ScenarioResults, document: ReportDocument,
                                 templates: TemplateSet) throws {
        func write(_ data: Data, _ relativePath: String) throws {
            let url = folder.appendingPathComponent(relativePath)
            do {
                try data.write(to: url)
            } catch {
                throw ReportError.fileSystem(path: url.path, message: "cannot write (\(error.localizedDescription))")
            }
        }
        try write(ResultsFiles.json(results), "results.json")
        try write(Data(ResultsFiles.csv(results).utf8), "results.csv")
        let figures = document.figures
        if !figures.isEmpty {
            try DirectoryReplacement.createDirectory(folder.appendingPathComponent("figures", isDirectory: true))
            for figure in figures {
                try write(Data(figure.standaloneSVG.utf8), "figures/\(figure.name).svg")
            }
        }
        try write(Data(document.markdown.utf8), "report.md")
        let page = try PageRenderer(templates: templates).reportPage(for: document)
        try write(Data(page.utf8), "index.html")
    }

    static func validate(slug: String) throws {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        guard !slug.isEmpty, !slug.hasPrefix("."), slug.allSatisfy(allowed.contains) else {
            throw ReportError.invalidSlug(slug)
        }
    }

    static func indexMarkdown(_ entries: [IndexEntry]) -> String {
        var markdown = "# mesascope reports\n\n"
        if entries.isEmpty { return markdown + "No reports yet.\n" }
        // Variants (--quick, --set) are listed under their scenario but not counted.
        let scenarios = entries.filter { $0.variantLabel == nil }
        let all = scenarios.flatMap(\.predictions)
        if !all.isEmpty {
            let variants = entries.count - scenarios.count
            let note = variants == 0 ? "" : " (\(variants) variant\(variants == 1 ? "" : "s") run with --quick or --set left out)"
            markdown += "Predictions over every scenario: \(IndexEntry.verdictCounts(holds: all.filter { $0.verdict == .holds }.count, doesNotHold: all.filter { $0.verdict == .doesNotHold }.count, notShown: all.filter { $0.verdict == .notShown }.count))\(note).\n\n"
            markdown += "## At a glance\n\n" + glanceTable(scenarios) + "\n"
        }
        for entry in entries {
            markdown += "\(entry.variantLabel == nil ? "##" : "###") [\(entry.title.markdownEscaped)](\(entry.slug)/report.md)\n\n"
            if let label = entry.variantLabel { markdown += "**\(label.markdownEscaped)**\n\n" }
            if entry.headlines.isEmpty {
                markdown += "No findings computed.\n\n"
            } else {
                markdown += entry.headlines.map { "- \($0.markdownEscaped)\n" }.joined() + "\n"
            }
            markdown += "[HTML report](\(entry.slug)/index.html) · [results.json](\(entry.slug)/results.json) · [results.csv](\(entry.slug)/results.csv)\n\n"
        }
        return markdown
    }

    /// Every checked prediction in one table: scenario, claim, verdict and the numbers behind it
    /// (the README's tour is this table, its links made relative to the project).
    package static func glanceTable(_ entries: [IndexEntry], linkPrefix: String = "") -> String {
        var rows = ["| scenario | prediction | verdict | what the runs show |", "|---|---|---|---|"]
        for entry in entries {
            for (index, prediction) in entry.predictions.enumerated() {
                let scenario = index == 0 ? "[\(entry.title.markdownEscaped)](\(linkPrefix)\(entry.slug)/report.md)" : ""
                rows.append("| \(scenario) | \(prediction.claim.markdownEscaped) | **\(prediction.verdict.label)** | \((prediction.effect ?? "").markdownEscaped) |")
            }
        }
        return rows.joined(separator: "\n") + "\n"
    }
}
