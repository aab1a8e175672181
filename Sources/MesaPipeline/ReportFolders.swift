import Foundation
import MesaLanguage
import MesaReport
import MesaResults

/// The rule that no report is lost silently (docs/reports.md):
///
/// - A report folder is named after the scenario's title (`reports/<slug>/`, with `-set-…` and
///   `-quick` for command-line variants) and records the file it came from (`source_file`, its
///   name; `source_path`, its path relative to the reports folder).
/// - Two files of one invocation whose reports would share a folder are an error at both files'
///   `scenario` lines, in `check` and `plan` as in `run`.
/// - `run` refuses to replace a folder written from another file (another path), unless `--replace`.
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
    /// `reportsDirectory` holds the report of another file: another `source_path` (the file's path
    /// relative to the reports folder), or for a report written before paths were recorded,
    /// another `source_file` name. Throws `PipelineError.invalidScenarios` when any does.
    static func checkOwnership(_ loaded: [ScenarioLoader.Loaded], in reportsDirectory: URL,
                               diagnostics sink: (DiagnosticReport) -> Void) throws {
        var refused = 0
        for item in loaded {
            let folder = reportsDirectory.appendingPathComponent(item.scenario.slug, isDirectory: true)
            guard let owner = Self.owner(of: folder) else { continue }
            let ownerName: String
            if let recorded = owner.path {
                guard recorded != SourcePath.relative(item.path, to: reportsDirectory) else { continue }
                ownerName = SourcePath.display(recorded, in: reportsDirectory)
            } else {
                guard let name = owner.name, name != item.fileName else { continue }
                ownerName = name
            }
            refused += 1
            sink(item.report([Diagnostic(
                severity: .error,
                message: "'\(folder.relativePath)/' holds the report of \(ownerName), another scenario with this title; running this one would replace it",
                range: item.header,
                notes: [Diagnostic.Note("give this scenario its own title (the report folder is named after it), write elsewhere with --out DIR, or pass --replace to replace that report")])]))
        }
        if refused > 0 { throw PipelineError.invalidScenarios(invalid: refused, total: loaded.count) }
    }

    /// The file a report folder records (`source_file`, `source_path`), read without decoding the
    /// rest of its results.
    static func owner(of folder: URL) -> (name: String?, path: String?)? {
        struct Owner: Decodable {
            var sourceFile: String?
            var sourcePath: String?
            enum CodingKeys: String, CodingKey {
                case sourceFile = "source_file"
                case sourcePath = "source_path"
            }
        }
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("results.json").path),
              let owner = try? JSONDecoder().decode(Owner.self, from: data)
        else { return nil }
        return (owner.sourceFile, owner.sourcePath)
    }
}
