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
        /// Accept sweeps beyond `maxRuns` and `maxSeconds` (`--allow-large`).
        public var allowLarge: Bool
        /// The most runs (sweep points × seeds) accepted.
        public var maxRuns: Int
        /// The most estimated work accepted, in single-thread seconds on the reference machine
        /// (`Scenario.work(seeds:)` priced by `CostModel.reference`): a day by default.
        public var maxSeconds: Double

        /// Settings given on the command line (`--set`), applied over the file's in order.
        public var overrides: [SettingOverride]
        /// A smoke run (`--quick`): few seeds and a tenth of the steps, in a report folder of its own.
        public var quick: Bool

        public init(allowLarge: Bool = false, maxRuns: Int = 10_000, maxSeconds: Double = 86_400,
                    overrides: [SettingOverride] = [], quick: Bool = false) {
            self.allowLarge = allowLarge
            self.maxRuns = maxRuns
            self.maxSeconds = maxSeconds
            self.overrides = overrides
            self.quick = quick
        }
    }

    /// A scenario that compiled, with the warnings found on the way (for `check`).
    public struct Compiled: Sendable {
        /// The typed scenario, ready to plan or run.
        public var scenario: Scenario
        /// Warnings only, sorted by position; possibly empty.
        public var warnings: DiagnosticList
        /// Where the `scenario "…"` line is, for diagnostics about the file as a whole.
        public var header: SourceRange
    }

    /// Everything one compilation found: the scenario when there was no error, and every
    /// diagnostic (errors and warnings) sorted by position.
    public struct Analysis: Sendable {
        /// The scenario, when there was no error.
        public var scenario: Scenario?
        /// Errors and warnings, sorted by position.
        public var diagnostics: DiagnosticList
        /// The `scenario "…"` line, when the file has one.
        public var header: SourceRange?
    }

    /// Compiles the bytes of a `.mesa` file (UTF-8; invalid sequences are reported, not fatal).
    /// `path` names the file in messages; nothing is read from disk.
    public static func compile(source: [UInt8], path: String, options: Options = Options()) -> Result<Compiled, DiagnosticList> {
        let analysis = analyze(source: source, path: path, options: options)
        if let scenario = analysis.scenario, let header = analysis.header, !analysis.diagnostics.hasErrors {
            return .success(Compiled(scenario: scenario, warnings: analysis.diagnostics, header: header))
        }
        return .failure(analysis.diagnostics)
    }

    /// Compiles scenario text.
    public static func compile(source: String, path: String, options: Options = Options()) -> Result<Compiled, DiagnosticList> {
        compile(source: Array(source.utf8), path: path, options: options)
    }

    /// Compiles and returns every diagnostic whether or not the scenario is valid.
    public static func analyze(source: [UInt8], path: String, options: Options = Options()) -> Analysis {
        var sources = SourceSet(texts: [SourceText(bytes: source)])
        var diagnostics = DiagnosticCollector()
        let tokens = Lexer.tokenize(sources.file, diagnostics: &diagnostics)
        var parser = Parser(tokens: tokens, diagnostics: diagnostics)
        var file = parser.parseFile()
        var overridden: [StatementSyntax] = []
        for (index, override) in options.overrides.enumerated() {
            let text = SourceText(bytes: Array(override.statementText.utf8))
            sources.texts.append(text)
            var collector = parser.diagnostics
            var overrideParser = Parser(tokens: Lexer.tokenize(text, diagnostics: &collector, sourceID: index + 1),
                                        diagnostics: collector)
            if let statement = overrideParser.parseOverride(block: override.block) {
                file.apply(statement, toBlock: override.block)
                overridden.append(statement)
            }
            parser.diagnostics = overrideParser.diagnostics
        }
        var validator = Validator(source: sources, diagnostics: parser.diagnostics)
        var scenario = validator.validate(file)
        if var built = scenario {
            built.overrides = options.overrides.map(\.argument)
            if options.quick { built = built.quick() }
            scenario = built
        }
        if let built = scenario, let header = file.header {
            validator.checkLimits(built, header: header, options: options)
            if !validator.diagnostics.hasErrors { validator.checkEngineRefusals(built, header: header) }
            if !validator.diagnostics.hasErrors { validator.warnAboutInconsistentSettings(built, header: header) }
            if validator.diagnostics.hasErrors { scenario = nil }
        }
        return Analysis(scenario: scenario, diagnostics: DiagnosticList(validator.diagnostics.sorted),
                        header: file.header?.range)
    }
}
