import MesaScenario

/// Compiles scenario text into a typed `Scenario`: lexing, parsing, validation against
/// `SettingCatalog`, and the run-count and work limits.
///
/// ```swift
/// switch ScenarioCompiler.compile(source: bytes, path: "scenarios/x.mesa") {
/// case .success(let compiled): run(compiled.scenario)      // compiled.warnings may be non-empty
/// case .failure(let list): print(list.rendered(path: path, source: text))
/// }
/// ```
public enum ScenarioCompiler {
    /// Limits a scenario must respect unless `allowLarge` is set.
    public struct Options: Sendable {
        /// Accept sweeps beyond `maxRuns` and `maxWork` (`--allow-large`).
        public var allowLarge: Bool
        /// The most runs (sweep points × seeds) accepted.
        public var maxRuns: Int
        /// The most estimated work accepted, in simulated agent moves (`Scenario.estimatedWork`).
        public var maxWork: Double

        public init(allowLarge: Bool = false, maxRuns: Int = 10_000, maxWork: Double = 2e11) {
            self.allowLarge = allowLarge
            self.maxRuns = maxRuns
            self.maxWork = maxWork
        }
    }

    /// A scenario that compiled, with the warnings found on the way (for `check`).
    public struct Compiled: Sendable {
        /// The typed scenario, ready to plan or run.
        public var scenario: Scenario
        /// Warnings only, sorted by position; possibly empty.
        public var warnings: DiagnosticList
    }

    /// Everything one compilation found: the scenario when there was no error, and every
    /// diagnostic (errors and warnings) sorted by position.
    public struct Analysis: Sendable {
        /// The scenario, when there was no error.
        public var scenario: Scenario?
        /// Errors and warnings, sorted by position.
        public var diagnostics: DiagnosticList
    }

    /// Compiles the bytes of a `.mesa` file (UTF-8; invalid sequences are reported, not fatal).
    /// `path` names the file in messages; nothing is read from disk.
    public static func compile(source: [UInt8], path: String, options: Options = Options()) -> Result<Compiled, DiagnosticList> {
        let analysis = analyze(source: source, path: path, options: options)
        if let scenario = analysis.scenario, !analysis.diagnostics.hasErrors {
            return .success(Compiled(scenario: scenario, warnings: analysis.diagnostics))
        }
        return .failure(analysis.diagnostics)
    }

    /// Compiles scenario text.
    public static func compile(source: String, path: String, options: Options = Options()) -> Result<Compiled, DiagnosticList> {
        compile(source: Array(source.utf8), path: path, options: options)
    }

    /// Compiles and returns every diagnostic whether or not the scenario is valid.
    public static func analyze(source: [UInt8], path: String, options: Options = Options()) -> Analysis {
        let text = SourceText(bytes: source)
        var diagnostics = DiagnosticCollector()
        let tokens = Lexer.tokenize(text, diagnostics: &diagnostics)
        var parser = Parser(tokens: tokens, diagnostics: diagnostics)
        let file = parser.parseFile()
        var validator = Validator(source: text, diagnostics: parser.diagnostics)
        var scenario = validator.validate(file)
        if let built = scenario, let header = file.header {
            validator.checkLimits(built, header: header, options: options)
            if !validator.diagnostics.hasErrors { validator.checkEngineRefusals(built, header: header) }
            if !validator.diagnostics.hasErrors { validator.warnAboutInconsistentSettings(built, header: header) }
            if validator.diagnostics.hasErrors { scenario = nil }
        }
        return Analysis(scenario: scenario, diagnostics: DiagnosticList(validator.diagnostics.sorted))
    }
}
