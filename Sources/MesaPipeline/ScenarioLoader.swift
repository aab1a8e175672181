import Foundation
import MesaLanguage
import MesaScenario

/// Reads and compiles scenario files, handing diagnostics (in the compiler layout) to a sink.
public struct ScenarioLoader: Sendable {
    public var options: ScenarioCompiler.Options
    /// Receives each file's diagnostics, errors and warnings alike (rendered to standard error by
    /// the CLI, or printed as JSON).
    public var diagnostics: @Sendable (DiagnosticReport) -> Void

    public init(options: ScenarioCompiler.Options = .init(), diagnostics: @escaping @Sendable (DiagnosticReport) -> Void) {
        self.options = options
        self.diagnostics = diagnostics
    }

    /// A file that compiled, with its source text for hashing and quoting.
    public struct Loaded: Sendable {
        public var path: String
        public var source: String
        public var scenario: Scenario
        /// The `scenario "…"` line, where diagnostics about the file as a whole point.
        public var header: SourceRange

        /// The file's name without its folder: what its report folder records.
        public var fileName: String { URL(fileURLWithPath: path).lastPathComponent }

        /// A report of diagnostics about this file.
        func report(_ diagnostics: [Diagnostic]) -> DiagnosticReport {
            DiagnosticReport(path: path, source: source, diagnostics: diagnostics)
        }
    }

    /// Compiles one file: the scenario, or nil after reporting its errors.
    public func load(_ path: String) throws -> Loaded? {
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw PipelineError.unreadable(path: path, reason: error.localizedDescription)
        }
        let source = String(decoding: bytes, as: UTF8.self)
        switch ScenarioCompiler.compile(source: bytes, path: path, options: options) {
        case .success(let compiled):
            if !compiled.warnings.diagnostics.isEmpty {
                diagnostics(DiagnosticReport(path: path, source: source, overrides: options.overrides,
                                             diagnostics: compiled.warnings.diagnostics))
            }
            return Loaded(path: path, source: source, scenario: compiled.scenario, header: compiled.header)
        case .failure(let list):
            diagnostics(DiagnosticReport(path: path, source: source, overrides: options.overrides, diagnostics: list.diagnostics))
            return nil
        }
    }

    /// Compiles every file, reporting diagnostics, and returns the valid ones. Every file is checked
    /// before this throws: `.unreadable` for an unreadable file, `.invalidScenarios` when any was
    /// invalid.
    public func loadAll(_ files: [String], each: (Loaded) throws -> Void = { _ in }) throws -> [Loaded] {
        var loaded: [Loaded] = []
        var invalid = 0
        for file in files {
            if let scenario = try load(file) {
                try each(scenario)
                loaded.append(scenario)
            } else {
                invalid += 1
            }
        }
        invalid += ReportFolders.reportDuplicates(loaded, to: diagnostics)
        if invalid > 0 { throw PipelineError.invalidScenarios(invalid: invalid, total: files.count) }
        return loaded
    }
}
