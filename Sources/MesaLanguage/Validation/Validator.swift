import MesaResults
import MesaScenario

/// Checks a parsed file against `SettingCatalog` and builds the typed `Scenario`.
///
/// Every problem is recorded; a scenario is returned only when there is no error.
struct Validator {
    /// A statement whose values all passed their checks.
    struct CheckedSetting {
        var key: SettingKey
        var statement: StatementSyntax
        /// One value when fixed; the sweep's values in order when swept.
        var values: [SettingValue]
        var isSwept: Bool
        /// Written as a `times` range.
        var isGeometric: Bool
    }

    /// A cost expression awaiting its check on [0, max_bits] (max_bits may come later in the block).
    struct PendingCost {
        var key: SettingKey
        var expression: Expression
        var range: SourceRange
    }

    /// Combinations of one statement's values beyond this are refused.
    static let maximumCombinations = 100_000
    /// No key takes more than a few values in one statement (`proxy top_right 3`).
    static let maximumComponents = 16

    let source: SourceSet
    var diagnostics: DiagnosticCollector
    var settings: [CheckedSetting] = []
    /// Keys (`block.key`) whose statements had errors: already reported, so an expectation naming
    /// one is not reported again as naming no swept setting.
    var failedSettings: Set<String> = []
    /// `seeds a ... b`: its looks, once checked.
    var seedSchedule: SeedSchedule?
    static let seedsKey = "training.seeds"
    var pendingCosts: [PendingCost] = []
    /// Error positions already reported for the current statement: a range sweep reports once.
    var reportedOffsets: Set<SourcePosition> = []
    /// The file's world (`environment { world … }`), which decides what every key means.
    var world = World.maze
    /// Where the file names its world, if it does.
    var worldRange: SourceRange?

    init(source: SourceSet, diagnostics: DiagnosticCollector) {
        self.source = source
        self.diagnostics = diagnostics
    }

    mutating func report(_ message: String, at range: SourceRange, notes: [Diagnostic.Note] = []) {
        guard reportedOffsets.insert(range.start).inserted else { return }
        diagnostics.error(message, at: range, notes: notes)
    }

    /// The scenario, or `nil` when an error was found (here or earlier).
    mutating func validate(_ file: FileSyntax) -> Scenario? {
        var seenBlocks: [String: SourceRange] = [:]
        var expectationBlocks: [BlockSyntax] = []
        (world, worldRange) = Self.declaredWorld(file)
        for case .block(let block) in file.items {
            if diagnostics.isSaturated { return nil }
            guard Self.blockNames.contains(block.name) else {
                diagnostics.error("unknown block '\(block.name)'", at: block.nameRange,
                                  notes: Suggestion.note(for: block.name, among: Self.blockNames)
                                    + [Diagnostic.Note("the blocks are \(Self.blockNames.joined(separator: ", "))")])
                continue
            }
            if let first = seenBlocks[block.name] {
                diagnostics.error("duplicate block '\(block.name)'", at: block.nameRange,
                                  notes: [Diagnostic.Note("first '\(block.name)' block is here", range: first)])
            } else {
                seenBlocks[block.name] = block.nameRange
            }
            if block.name == Self.expectationBlock {
                expectationBlocks.append(block)
            } else if !refuseBlockOfAnotherWorld(block) {
                checkStatements(of: block)
            }
        }
        checkPendingCosts()
        // After every block: expectations name swept settings wherever they are written.
        let expectations = expectationBlocks.flatMap { checkExpectations($0) }
        warnAboutIgnoredBlocks(file, seenBlocks)
        guard let header = file.header, !diagnostics.hasErrors else { return nil }
        return ScenarioBuilder(source: source, file: file, header: header, settings: settings,
                               expectations: expectations, seedSchedule: seedSchedule).scenario
    }

    private mutating func checkStatements(of block: BlockSyntax) {
        var seenKeys: [String: SourceRange] = [:]
        for statement in block.statements {
            reportedOffsets = []
            guard let key = SettingCatalog.key(world: world, block: block.name, name: statement.key) else {
                reportUnknownKey(statement, in: block)
                continue
            }
            if let first = seenKeys[key.name] {
                diagnostics.error("duplicate key '\(key.name)' in block '\(block.name)'", at: statement.keyRange,
                                  notes: [Diagnostic.Note("'\(key.name)' is first set here", range: first)])
                continue
            }
            seenKeys[key.name] = statement.keyRange
            if statement.isMalformed {
                failedSettings.insert(key.qualifiedName)
                continue
            }
            if let checked = check(statement, key: key), refuseOptimizersOfAnotherWorld(checked) {
                settings.append(checked)
            } else {
                failedSettings.insert(key.qualifiedName)
            }
        }
    }

    /// Expands the statement's sweeps into combinations and converts each.
    private mutating func check(_ statement: StatementSyntax, key: SettingKey) -> CheckedSetting? {
        let components = statement.values
        guard components.count <= Self.maximumComponents else {
            diagnostics.error("'\(key.name)' has \(components.count) values; a setting takes at most \(Self.maximumComponents)",
                              at: statement.valuesRange)
            return nil
        }
        if statement.groups.count > 1, key.kind.isSingleValued {
            let written = source.text(of: statement.valuesRange)
            let joined = written.filter { !$0.isWhitespace && $0 != "," }
            let hint = statement.groups.allSatisfy({ $0.count == 1 }) && Double(joined) != nil
                ? ": write \(joined), without the comma" : ""
            diagnostics.error("'\(key.name)' takes one value, but commas separate values, so '\(written)' is \(statement.groups.count)\(hint)",
                              at: statement.valuesRange)
            return nil
        }
        if case .budget = key.kind, components.count == 1, case .scalar(let scalar) = components[0],
           case .expression(let syntax) = scalar.kind, Self.isRelativeBudget(syntax) {
            return checkRelativeBudget(statement, syntax, key: key)
        }
        if key.qualifiedName == Self.seedsKey, components.count == 1, case .range(let range) = components[0] {
            return checkSeedSchedule(range, statement: statement, key: key)
        }
        for component in components {
            if case .range(let range) = component, range.progression == .looks {
                let following = range.following ?? ("the end", range.range)
                diagnostics.error("expected 'step' or 'times' after the range's last value, found \(following.description)",
                                  at: following.range,
                                  notes: [Diagnostic.Note("write 'a ... b step s' (a, a+s, a+2s, …) or 'a ... b times f' (a, a·f, a·f², …); 'a ... b' alone is for 'seeds' (sequential looks)")])
                return nil
            }
        }
        let isSwept = components.contains { $0.isSweep }
        if isSwept, !key.isSweepable {
            let sweep = components.first { $0.isSweep }!
            diagnostics.error("'\(key.name)' cannot be swept", at: sweep.range,
                              notes: [Diagnostic.Note("every sweep point already runs '\(key.name)' times, each with its own random stream; give one number")])
            return nil
        }
        // Per component, its options; each option is the scalars it contributes (one, or several
        // for a list element such as `anneal 0.05`).
        var alternatives: [[[ScalarSyntax]]] = []
        var isGeometric = false
        for component in components {
            switch component {
            case .scalar(let scalar): alternatives.append([[scalar]])
            case .list(let elements, _): alternatives.append(elements)
            case .range(let range):
                guard let values = expand(range, key: key) else { return nil }
                isGeometric = isGeometric || range.progression == .times
                let syntax = values.map {
                    [ScalarSyntax(kind: .expression(ExpressionSyntax(kind: .number($0), range: range.range, depth: 1)), range: range.range)]
                }
                alternatives.append(syntax)
            }
        }
        let combinations = alternatives.reduce(1.0) { $0 * Double($1.count) }
        guard combinations <= Double(Self.maximumCombinations) else {
            diagnostics.error("'\(key.name)' sweeps more than \(Self.maximumCombinations) values", at: statement.valuesRange)
            return nil
        }
        var values: [SettingValue] = []
        var failed = false
        for index in 0..<Int(combinations) {
            var remainder = index
            var chosen: [[ScalarSyntax]] = []
            for options in alternatives.reversed() {
                chosen.append(options[remainder % options.count])
                remainder /= options.count
            }
            if let value = convert(chosen.reversed().flatMap { $0 }, for: key) {
                values.append(value)
            } else {
                failed = true
            }
        }
        guard !failed, !values.isEmpty else { return nil }
        if isSwept, Set(values).count < values.count {
            diagnostics.warning("'\(key.name)' sweeps the same value more than once", at: statement.valuesRange,
                                notes: [Diagnostic.Note("each repeated value runs its sweep points again")])
        }
        if case .expression = key.kind {
            for (value, range) in zip(values, expressionRanges(alternatives)) {
                if case .expression(let e) = value { pendingCosts.append(PendingCost(key: key, expression: e, range: range)) }
            }
        }
        return CheckedSetting(key: key, statement: statement, values: values, isSwept: isSwept, isGeometric: isGeometric)
    }

    private func expressionRanges(_ alternatives: [[[ScalarSyntax]]]) -> [SourceRange] {
        alternatives.count == 1 ? alternatives[0].map { $0[0].range } : []
    }

    /// `seeds a ... b`: sequential looks at a, 2a, 4a, …, b (docs/statistics.md).
    private mutating func checkSeedSchedule(_ range: RangeSyntax, statement: StatementSyntax, key: SettingKey) -> CheckedSetting? {
        guard range.progression == .looks else {
            diagnostics.error("'seeds' takes a number, or 'a ... b' for sequential seeds; not a '\(range.progression.rawValue)' range",
                              at: range.range,
                              notes: [Diagnostic.Note("'seeds 12 ... 192' runs every point to 12 seeds, then 24, 48, 96 and 192, stopping at the first look where every prediction is decided")])
            return nil
        }
        guard let first = number(range.first, for: key, expected: "a whole number of seeds"),
              let last = number(range.last, for: key, expected: "a whole number of seeds") else { return nil }
        for (value, scalar) in [(first, range.first), (last, range.last)]
        where value != value.rounded() || value < 1 || value > 10_000 {
            diagnostics.error("a number of seeds is a whole number from 1 to 10000, got \(Expression.format(value))", at: scalar.range)
            return nil
        }
        guard last > first else {
            diagnostics.error("sequential seeds go up: the first look (\(Int(first))) must be below the cap (\(Int(last)))", at: range.range)
            return nil
        }
        guard let schedule = SeedSchedule.doubling(from: Int(first), to: Int(last)) else {
            var doubled = Int(first)
            while doubled * 2 <= Int(last) { doubled *= 2 }
            diagnostics.error("the looks double from \(Int(first)), so the cap must be \(Int(first)) times a power of two; \(Int(last)) is not",
                              at: range.last.range,
                              notes: [Diagnostic.Note("e.g. '\(Int(first)) ... \(doubled)' (looks at \(SeedSchedule.doubling(from: Int(first), to: max(doubled, Int(first) * 2))?.looks.map(String.init).joined(separator: ", ") ?? ""))")])
            return nil
        }
        seedSchedule = schedule
        return CheckedSetting(key: key, statement: statement, values: [.number(Double(schedule.cap))], isSwept: false,
                              isGeometric: false)
    }

    private mutating func expand(_ range: RangeSyntax, key: SettingKey) -> [Double]? {
        let first = number(range.first, for: key, expected: "a number as the range's first value")
        let last = number(range.last, for: key, expected: "a number as the range's last value")
        guard let incrementSyntax = range.increment else { return nil }
        let increment = number(incrementSyntax, for: key, expected: "a number after '\(range.progression.rawValue)'")
        guard let first, let last, let increment else { return nil }
        let result = range.progression == .step
            ? RangeExpansion.arithmetic(first: first, last: last, step: increment)
            : RangeExpansion.geometric(first: first, last: last, factor: increment)
        switch result {
        case .success(let values): return values
        case .failure(let problem):
            let at: SourceRange
            switch problem {
            case .nonPositiveStep, .factorTooSmall: at = incrementSyntax.range
            case .nonPositiveStart: at = range.first.range
            default: at = range.range
            }
            report(problem.message, at: at)
            return nil
        }
    }
}
