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
}
