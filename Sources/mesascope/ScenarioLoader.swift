import Foundation
import MesaLanguage
import MesaScenario

/// Reads and compiles scenario files, printing diagnostics in the compiler layout.
struct ScenarioLoader {
    var options: ScenarioCompiler.Options

    /// A file that compiled, with its source text for hashing and quoting.
    struct Loaded {
        var path: String
        var source: String
        var scenario: Scenario
    }

    enum Failure: Error {
        case unreadable(path: String, reason: String)
        case invalid(path: String)
    }

    /// Compiles one file; prints its diagnostics (errors and warnings) to standard error.
    func load(_ path: String) -> Result<Loaded, Failure> {
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            StandardError.line("\(path): error: cannot read the file (\(error.localizedDescription))")
            return .failure(.unreadable(path: path, reason: error.localizedDescription))
        }
        let source = String(decoding: bytes, as: UTF8.self)
        switch ScenarioCompiler.compile(source: bytes, path: path, options: options) {
        case .success(let compiled):
            if !compiled.warnings.diagnostics.isEmpty {
                StandardError.write(compiled.warnings.rendered(path: path, source: source))
            }
            return .success(Loaded(path: path, source: source, scenario: compiled.scenario))
        case .failure(let list):
            StandardError.write(list.rendered(path: path, source: source))
            return .failure(.invalid(path: path))
        }
    }

    /// Compiles every file, printing diagnostics, and hands each valid one to `body`. Every file
    /// is checked before this throws: exit 74 for an unreadable file, 65 when any was invalid.
    func loadAll(_ files: [String], _ body: (Loaded) throws -> Void) throws {
        var invalid = 0
        for file in files {
            switch load(file) {
            case .success(let loaded): try body(loaded)
            case .failure(.unreadable): throw ExitStatus.ioError
            case .failure(.invalid): invalid += 1
            }
        }
        if invalid > 0 {
            StandardError.line("\(invalid) of \(files.count) scenario file\(files.count == 1 ? "" : "s") invalid.")
            throw ExitStatus.invalidScenario
        }
    }
}
