import Foundation
import MesaLanguage
import MesaReport
import MesaResults

/// The rule that no report is lost silently (docs/reports.md):
///
/// - A report folder is named after the scenario's title (`reports/<slug>/`, with `-set-…` and
///   `-quick` for command-line variants) and records the file it came from (`source_file`).
/// - Two files of one invocation whose reports would share a folder are an error at both files'
///   `scenario` lines, in `check` and `plan` as in `run`.
/// - `run` refuses to replace a folder written from a file of another name, unless `--replace`.
public enum ReportFolders {
    /// Reports every file whose folder another file of `loaded` also writes; returns how many
    /// files are at fault.
    static func reportDuplicates(_ loaded: [ScenarioLoader.Loaded], to sink: (DiagnosticReport) -> Void) -> Int {
        var bySlug: [String: [ScenarioLoader.Loaded]] = [:]
        for item in loaded { bySlug[item.scenario.slug, default: []].append(item) }
        var faulty = 0
        for item in loaded {
            let others = bySlug[item.scenario.slug, default: []].filter { $0.path != item.path }
            guard !others.isEmpty else { continue }
            faulty += 1
            let names = others.map { "\($0.path):\($0.header.start.line)" }.joined(separator: ", ")
            sink(item.report([Diagnostic(
                severity: .error,
                message: "\(names) has the same title, so both would write the report folder '\(item.scenario.slug)/'",
                range: item.header,
                notes: [Diagnostic.Note("give each scenario its own title: the report folder is named after it")])]))
        }
        return faulty
    }

    /// Refuses, with a diagnostic at the `scenario` line, each scenario whose report folder under
    /// `reportsDirectory` holds the report of a file of another name. Throws
    /// `PipelineError.invalidScenarios` when any does.
    static func checkOwnership(_ loaded: [ScenarioLoader.Loaded], in reportsDirectory: URL,
                               diagnostics sink: (DiagnosticReport) -> Void) throws {
        var refused = 0
        for item in loaded {
            let folder = reportsDirectory.appendingPathComponent(item.scenario.slug, isDirectory: true)
            guard let owner = Self.owner(of: folder), owner != item.fileName else {
                continue
            }
            refused += 1
            sink(item.report([Diagnostic(
                severity: .error,
                message: "'\(folder.relativePath)/' holds the report of \(owner), another scenario with this title; running this one would replace it",
                range: item.header,
                notes: [Diagnostic.Note("give this scenario its own title (the report folder is named after it), write elsewhere with --out DIR, or pass --replace to replace that report")])]))
        }
        if refused > 0 { throw PipelineError.invalidScenarios(invalid: refused, total: loaded.count) }
    }

    /// The `source_file` a report folder records, read without decoding the rest of its results.
    static func owner(of folder: URL) -> String? {
        struct Owner: Decodable {
            var sourceFile: String?
            enum CodingKeys: String, CodingKey { case sourceFile = "source_file" }
        }
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("results.json").path) else {
            return nil
        }
        return (try? JSONDecoder().decode(Owner.self, from: data))?.sourceFile
    }
}
