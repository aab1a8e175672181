/// Everything a run of one scenario produced: the `results.json` contract (docs/results-schema.md).
///
/// The report kit renders from this value alone, and `render` recomputes `summary` and `findings`
/// from `runs` and `predictions` (so a wording change needs no simulation and no parser). JSON
/// names are the contract's; add fields, never rename them.
public struct ScenarioResults: Codable, Sendable, Hashable {
    public var scenario: String
    public var slug: String
    public var sourceSHA256: String
    public var toolVersion: String
    /// The scenario file verbatim, for the report's collapsible source listing.
    public var source: String
    /// Prose and blocks in source order, for the notebook layout.
    public var notebook: [NotebookEntry]
    /// Swept simulation axes in order, with whether each is geometric (log axis).
    public var axes: [AxisDescription]
    public var analytic: [AnalyticRow]
    public var analyticFindings: AnalyticFindings?
    /// The scenario's `expect` block, checked against the runs at render time.
    public var predictions: [Prediction]
    public var runs: [RunRecord]
    public var summary: [PointSummary]
    public var findings: [Finding]
    /// Mazes with the paths chosen models took, for the report's maze figures.
    public var mazes: [MazeDrawing]
    /// The scenario file's name (no folder), which orders the front page like the files; a report
    /// folder belongs to the file it names (docs/reports.md).
    public var sourceFile: String?
    /// The scenario file's path relative to the reports folder (`../scenarios/04-diversity.mesa`):
    /// the file's identity, which decides whether a run may replace this report (docs/reports.md).
    /// Relative, so that a copied or committed reports folder stays byte-for-byte the same.
    public var sourcePath: String?
    /// Settings given on the command line (`--set block.key=value`), when any.
    public var overrides: [String]?
    /// True for a smoke run (`--quick`).
    public var quick: Bool?
    /// For a variant (`--set`, `--quick`): the folder of the scenario it varies, which the front
    /// page groups it under.
    public var variantOf: String?
    /// Sequential seeds (`seeds 12 ... 192`): the planned looks, and how many ran. Absent for a
    /// fixed number of seeds.
    public var seedSchedule: SeedSchedule?
    public var looksRun: Int?
    /// The simulated world; absent for the maze world (so maze results keep their bytes).
    public var world: World?

    /// The simulated world (the maze world when the file names none).
    public var simulatedWorld: World { world ?? .maze }

    /// Whether these are the results of a variant (`--set` or `--quick`), not of the file as written.
    public var isVariant: Bool { quick == true || !(overrides ?? []).isEmpty }

    /// The confidence level of the intervals behind the verdicts (docs/statistics.md).
    public var verdictLevel: Double { seedSchedule?.verdictLevel ?? 0.95 }

    enum CodingKeys: String, CodingKey {
        case scenario, slug, source, notebook, axes, analytic, predictions, runs, summary, findings, mazes, overrides, quick
        case seedSchedule = "seed_schedule"
        case looksRun = "looks_run"
        case sourceSHA256 = "source_sha256"
        case toolVersion = "tool_version"
        case analyticFindings = "analytic_findings"
        case sourceFile = "source_file"
        case sourcePath = "source_path"
        case variantOf = "variant_of"
        case world
    }

    public init(
        scenario: String, slug: String, sourceSHA256: String, toolVersion: String, source: String,
        notebook: [NotebookEntry], axes: [AxisDescription], analytic: [AnalyticRow],
        analyticFindings: AnalyticFindings?, predictions: [Prediction] = [], runs: [RunRecord],
        summary: [PointSummary] = [], findings: [Finding] = [], mazes: [MazeDrawing], sourceFile: String? = nil,
        overrides: [String]? = nil, quick: Bool? = nil, seedSchedule: SeedSchedule? = nil, looksRun: Int? = nil,
        world: World? = nil
    ) {
        self.world = world == .maze ? nil : world
        self.scenario = scenario
        self.slug = slug
        self.sourceSHA256 = sourceSHA256
        self.toolVersion = toolVersion
        self.source = source
        self.notebook = notebook
        self.axes = axes
        self.analytic = analytic
        self.analyticFindings = analyticFindings
        self.predictions = predictions
        self.runs = runs
        self.summary = summary
        self.findings = findings
        self.mazes = mazes
        self.sourceFile = sourceFile
        self.overrides = overrides
        self.quick = quick
        self.seedSchedule = seedSchedule
        self.looksRun = looksRun
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        scenario = try c.decode(String.self, forKey: .scenario)
        slug = try c.decode(String.self, forKey: .slug)
        sourceSHA256 = try c.decode(String.self, forKey: .sourceSHA256)
        toolVersion = try c.decode(String.self, forKey: .toolVersion)
        source = try c.decode(String.self, forKey: .source)
        notebook = try c.decode([NotebookEntry].self, forKey: .notebook)
        axes = try c.decode([AxisDescription].self, forKey: .axes)
        analytic = try c.decode([AnalyticRow].self, forKey: .analytic)
        analyticFindings = try c.decodeIfPresent(AnalyticFindings.self, forKey: .analyticFindings)
        predictions = try c.decodeIfPresent([Prediction].self, forKey: .predictions) ?? []
        runs = try c.decode([RunRecord].self, forKey: .runs)
        summary = try c.decodeIfPresent([PointSummary].self, forKey: .summary) ?? []
        findings = try c.decodeIfPresent([Finding].self, forKey: .findings) ?? []
        mazes = try c.decodeIfPresent([MazeDrawing].self, forKey: .mazes) ?? []
        sourceFile = try c.decodeIfPresent(String.self, forKey: .sourceFile)
        sourcePath = try c.decodeIfPresent(String.self, forKey: .sourcePath)
        overrides = try c.decodeIfPresent([String].self, forKey: .overrides)
        quick = try c.decodeIfPresent(Bool.self, forKey: .quick)
        variantOf = try c.decodeIfPresent(String.self, forKey: .variantOf)
        seedSchedule = try c.decodeIfPresent(SeedSchedule.self, forKey: .seedSchedule)
        looksRun = try c.decodeIfPresent(Int.self, forKey: .looksRun)
        world = try c.decodeIfPresent(World.self, forKey: .world)
    }
}

/// One notebook entry: prose, or a block's settings for the setup table.
public struct NotebookEntry: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, Hashable {
        case prose, block
    }

    public var kind: Kind
    /// The Markdown of a prose entry.
    public var text: String?
    /// The block name of a block entry.
    public var block: String?
    public var settings: [SettingRow]?

    public init(kind: Kind, text: String? = nil, block: String? = nil, settings: [SettingRow]? = nil) {
        self.kind = kind
        self.text = text
        self.block = block
        self.settings = settings
    }
}

/// One statement of a block as the setup table shows it.
public struct SettingRow: Codable, Sendable, Hashable {
    public var key: String
    public var value: String
    public var swept: Bool
    /// True when the value came from the command line (`--set`); absent otherwise.
    public var overridden: Bool?

    public init(key: String, value: String, swept: Bool, overridden: Bool? = nil) {
        self.key = key
        self.value = value
        self.swept = swept
        self.overridden = overridden
    }
}

/// A swept axis: its `block.key` name, values as written, and whether it is geometric.
public struct AxisDescription: Codable, Sendable, Hashable {
    public var key: String
    public var values: [PointValue]
    public var geometric: Bool
    /// How charts and sentences name the axis when its values are not the setting's own (a
    /// relative budget's offsets: "K − (k_fit + detector_cost)"); absent otherwise.
    public var label: String?

    public init(key: String, values: [PointValue], geometric: Bool, label: String? = nil) {
        self.key = key
        self.values = values
        self.geometric = geometric
        self.label = label
    }

    /// Whether every value is a number (or `infinite` beside numbers: a learned world's unbounded
    /// pool, charted past the largest number and left out of fits).
    public var isNumeric: Bool {
        values.contains { $0.number != nil } && values.allSatisfy { $0.number != nil || $0.isInfinite }
    }

    /// Whether the axis is fitted and charted on a log scale (`AxisScaleRule`); `infinite` takes no
    /// part in the decision.
    public var isLogarithmic: Bool {
        AxisScaleRule.isLogarithmic(values.filter { !$0.isInfinite }.map(\.number), declaredGeometric: geometric)
    }
}

/// The one rule for an axis's scale, shared by charts, fits (the trend model's predictor, N*)
/// and `plan`: a numeric axis is on a log scale when every value is positive and the axis is a
/// `times` range, or its values are spaced geometrically (three or more, successive ratios above
/// 1.2 and within 30% of each other: `[1, 2, 4, 8]`, `[1, 4, 16, 64]`), or they span two decades.
/// So a sweep written as a list and as a `times` range is fitted the same way.
public enum AxisScaleRule {
    /// Whether `values` (nil for a word) are on a log scale.
    public static func isLogarithmic(_ values: [Double?], declaredGeometric: Bool) -> Bool {
        let numbers = values.compactMap { $0 }
        guard !numbers.isEmpty, numbers.count == values.count, numbers.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            return false
        }
        return declaredGeometric || looksGeometric(numbers)
    }

    /// Geometric spacing, or a span of two decades, among three or more distinct values.
    public static func looksGeometric(_ values: [Double]) -> Bool {
        let sorted = Array(Set(values.filter { $0 > 0 && $0.isFinite })).sorted()
        guard sorted.count >= 3, let first = sorted.first, let last = sorted.last else { return false }
        if last / first >= 100 { return true }
        let ratios = zip(sorted.dropFirst(), sorted).map { $0 / $1 }
        guard let smallest = ratios.min(), let largest = ratios.max() else { return false }
        return smallest > 1.2 && largest / smallest < 1.3
    }

    /// The scale in words for `plan` and reports: "log₂ scale" or "linear scale".
    public static func name(isLogarithmic: Bool) -> String { isLogarithmic ? "log₂ scale" : "linear scale" }
}
