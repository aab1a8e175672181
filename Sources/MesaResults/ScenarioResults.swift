/// Everything a run of one scenario produced: the `results.json` contract of DESIGN.md.
///
/// The report kit renders from this value alone (so `mesascope render` needs no simulation
/// and no parser). Field names are the contract's; add fields, never rename them.
public struct ScenarioResults: Codable, Sendable, Hashable {
    public var scenario: String
    public var slug: String
    public var source_sha256: String
    public var tool_version: String
    /// The scenario file verbatim, for the report's collapsible source listing.
    public var source: String
    /// Prose and blocks in source order, for the notebook layout.
    public var notebook: [NotebookEntry]
    /// Swept simulation axes in order, with whether each is geometric (log axis).
    public var axes: [AxisDescription]
    public var analytic: [AnalyticRow]
    public var analytic_findings: AnalyticFindings?
    public var runs: [RunRecord]
    public var summary: [PointSummary]
    public var findings: [Finding]
    /// Mazes with the paths chosen models took, for the report's maze figures.
    public var mazes: [MazeDrawing]
    /// The scenario file's name (no folder), which orders the front page like the files.
    public var source_file: String?

    public init(
        scenario: String, slug: String, source_sha256: String, tool_version: String, source: String,
        notebook: [NotebookEntry], axes: [AxisDescription], analytic: [AnalyticRow],
        analytic_findings: AnalyticFindings?, runs: [RunRecord], summary: [PointSummary],
        findings: [Finding], mazes: [MazeDrawing], source_file: String? = nil
    ) {
        self.scenario = scenario
        self.slug = slug
        self.source_sha256 = source_sha256
        self.tool_version = tool_version
        self.source = source
        self.notebook = notebook
        self.axes = axes
        self.analytic = analytic
        self.analytic_findings = analytic_findings
        self.runs = runs
        self.summary = summary
        self.findings = findings
        self.mazes = mazes
        self.source_file = source_file
    }
}

/// One notebook entry: prose, or a block's settings for the setup table.
public struct NotebookEntry: Codable, Sendable, Hashable {
    /// `prose` or `block`.
    public var kind: String
    /// The Markdown of a prose entry.
    public var text: String?
    /// The block name of a block entry.
    public var block: String?
    public var settings: [SettingRow]?

    public init(kind: String, text: String? = nil, block: String? = nil, settings: [SettingRow]? = nil) {
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

    public init(key: String, value: String, swept: Bool) {
        self.key = key
        self.value = value
        self.swept = swept
    }
}

/// A swept axis: its `block.key` name, values as written, and whether it is geometric.
public struct AxisDescription: Codable, Sendable, Hashable {
    public var key: String
    public var values: [PointValue]
    public var geometric: Bool

    public init(key: String, values: [PointValue], geometric: Bool) {
        self.key = key
        self.values = values
        self.geometric = geometric
    }
}
