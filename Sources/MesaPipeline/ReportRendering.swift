import Foundation
import MesaAnalysis
import MesaReport
import MesaResults

/// `render`: rebuild reports from their stored `results.json` — summaries, findings, sentences and
/// captions are recomputed from the runs, so a wording or template change needs no simulation.
public struct ReportRendering: Sendable {
    public var templatesDirectory: URL?

    public init(templatesDirectory: URL?) {
        self.templatesDirectory = templatesDirectory
    }

    /// Re-renders one report folder; returns its results.
    @discardableResult
    public func render(reportFolder: URL) throws -> ScenarioResults {
        do {
            try ReportWriter(templatesDirectory: templatesDirectory).checkTemplates()
            let results = ResultsAnalysis.complete(try ReportWriter.readResults(from: reportFolder))
            try ReportWriter(templatesDirectory: templatesDirectory).write(results, at: reportFolder)
            return results
        } catch let error as ReportError {
            throw PipelineError.report(error)
        }
    }

    /// Re-renders every report under `reportsDirectory` and its front page; returns how many.
    public func renderAll(in reportsDirectory: URL) throws -> Int {
        let folders: [URL]
        do {
            try ReportWriter(templatesDirectory: templatesDirectory).checkTemplates()
            folders = try ReportWriter.reportFolders(in: reportsDirectory)
        } catch let error as ReportError {
            throw PipelineError.report(error)
        }
        guard !folders.isEmpty else {
            throw PipelineError.unreadable(path: reportsDirectory.path, reason: "no results.json under it; run `mesascope run` first")
        }
        for folder in folders { try render(reportFolder: folder) }
        try writeIndex(in: reportsDirectory)
        return folders.count
    }

    /// The front-page entries of every report folder under `reportsDirectory`, read once; folders
    /// named in `skipping` (about to be rewritten) are not read.
    func storedEntries(in reportsDirectory: URL, skipping: Set<String> = []) throws -> [String: IndexEntry] {
        do {
            let folders = try ReportWriter.reportFolders(in: reportsDirectory).filter { !skipping.contains($0.lastPathComponent) }
            let entries = try folders.map(ReportWriter.readResults).map(IndexEntry.init)
            return Dictionary(entries.map { ($0.slug, $0) }, uniquingKeysWith: { _, last in last })
        } catch let error as ReportError {
            throw PipelineError.report(error)
        }
    }

    /// Writes the front page from `entries`.
    func writeIndex(_ entries: [String: IndexEntry], in reportsDirectory: URL) throws {
        do {
            try ReportWriter(templatesDirectory: templatesDirectory).writeIndex(entries: Array(entries.values), to: reportsDirectory)
        } catch let error as ReportError {
            throw PipelineError.report(error)
        }
    }

    /// Rebuilds `reports/index.html` from every report folder's `results.json`, so the index lists
    /// all reports present, not only the ones this invocation ran.
    public func writeIndex(in reportsDirectory: URL) throws {
        do {
            let writer = ReportWriter(templatesDirectory: templatesDirectory)
            try writer.writeIndex(try ReportWriter.storedResults(in: reportsDirectory), to: reportsDirectory)
        } catch let error as ReportError {
            throw PipelineError.report(error)
        }
    }
}

/// Where report templates come from.
public enum TemplateFolder {
    /// An explicit folder, else `./templates` when it exists, else the built-in copies.
    public static func resolve(_ explicit: String?) -> URL? {
        if let explicit { return URL(fileURLWithPath: explicit, isDirectory: true) }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: "templates", isDirectory: &isFolder), isFolder.boolValue {
            return URL(fileURLWithPath: "templates", isDirectory: true)
        }
        return nil
    }
}
