import MesaResults

/// A scenario after validation: every setting typed, defaulted and range-checked, with the
/// swept settings listed as axes. This is what the engine runs; it never sees source text
/// except to quote it in a report.
public struct Scenario: Sendable {
    /// The title from `scenario "…"`.
    public var title: String
    /// A file-system-safe name derived from the title (`diversity-pays-for-search`).
    public var slug: String
    /// The file's text, verbatim, for the report's source listing and its hash.
    public var source: String
    /// Prose and blocks in source order: the report is laid out in this order.
    public var notebook: [NotebookItem]
    /// The `analytic` block, when the file has one.
    public var analytic: AnalyticSpec?
    /// The simulation settings with every swept key at its first value; `nil` for an
    /// analytic-only file (no `environment` block).
    public var simulation: SimulationSpec?
    /// Swept simulation settings, in source order; the runs are their Cartesian product.
    public var axes: [SweepAxis]
    /// Repetitions of every sweep point (`training.seeds`, never swept): the most a point runs
    /// (the cap of a sequential schedule).
    public var seeds: Int
    /// How the seeds come: one look of `seeds`, or sequential looks (`seeds 12 ... 192`).
    public var seedSchedule: SeedSchedule
    /// The predictions of the `expect` block, in source order, checked against the runs.
    public var expectations: [Prediction]
    /// Settings given on the command line (`--set block.key=value`), as written, in order.
    public var overrides: [String] = [] {
        didSet { slug = Self.variantSlug(base: baseSlug, overrides: overrides, quick: isQuick) }
    }
    /// A smoke run (`--quick`): 2 seeds and a tenth of the hill-climbing or Adam steps (and of a
    /// learned world's evaluation sequences).
    public private(set) var isQuick = false
    /// The slug the title gives, before any variant suffix.
    public private(set) var baseSlug: String

    public init(
        title: String, slug: String, source: String, notebook: [NotebookItem],
        analytic: AnalyticSpec?, simulation: SimulationSpec?, axes: [SweepAxis], seeds: Int,
        seedSchedule: SeedSchedule? = nil, expectations: [Prediction] = []
    ) {
        self.title = title
        self.slug = slug
        baseSlug = slug
        self.source = source
        self.notebook = notebook
        self.analytic = analytic
        self.simulation = simulation
        self.axes = axes
        self.seeds = seedSchedule?.cap ?? seeds
        self.seedSchedule = seedSchedule ?? .fixed(seeds)
        self.expectations = expectations
    }

    /// The number of sweep points (1 when nothing is swept, 0 without a simulation).
    public var pointCount: Int {
        guard simulation != nil else { return 0 }
        return axes.reduce(1) { $0 * $1.values.count }
    }

    /// The number of runs at most: points × seeds (the cap of a sequential schedule).
    public var runCount: Int { pointCount * seeds }
    /// The number of runs at least: points × the first look's seeds.
    public var minimumRunCount: Int { pointCount * seedSchedule.minimum }

    /// Seeds of a quick run, at most.
    public static let quickSeeds = 2
    /// A quick run divides hill-climbing steps by this.
    public static let quickStepDivisor = 10

    /// The smoke-run variant: at most `quickSeeds` seeds and a tenth of the hill-climbing steps
    /// (at least 1), in its own report folder (`<slug>-quick`).
    public func quick() -> Scenario {
        var quick = self
        quick.isQuick = true
        quick.seeds = min(seedSchedule.minimum, Self.quickSeeds)
        quick.seedSchedule = .fixed(quick.seeds)
        quick.simulation?.training.seeds = quick.seeds
        if let steps = simulation?.training.steps {
            quick.simulation?.training.steps = max(1, steps / Self.quickStepDivisor)
        }
        // The regression world: a tenth of the Adam steps and of the evaluation sequences.
        if let regression = simulation?.regression {
            quick.simulation?.regression.steps = max(1, regression.steps / Self.quickStepDivisor)
            quick.simulation?.regression.evaluationSequences = max(10, regression.evaluationSequences / Self.quickStepDivisor)
        }
        // The teacher world: a tenth of each phase's steps and of the evaluation inputs.
        if let teacher = simulation?.teacher {
            quick.simulation?.teacher.steps = max(1, teacher.steps / Self.quickStepDivisor)
            quick.simulation?.teacher.phase2Steps = teacher.phase2Steps / Self.quickStepDivisor
            quick.simulation?.teacher.evaluationInputs = max(16, teacher.evaluationInputs / Self.quickStepDivisor)
        }
        quick.axes = axes.map { axis in
            // The teacher world's phase 2 may be empty; every other step count keeps at least one.
            let least: Int
            switch axis.key {
            case "training.steps": least = 1
            case "training.phase2_steps" where simulation?.world == .teacher: least = 0
            default: return axis
            }
            var shortened = axis
            shortened.values = axis.values.map { value in
                value.number.map { .number(Double(max(least, Int($0) / Self.quickStepDivisor))) } ?? value
            }
            return shortened
        }
        quick.slug = Self.variantSlug(base: baseSlug, overrides: overrides, quick: true)
        return quick
    }

    /// `<slug>`, `<slug>-set-<the overrides>` (`-set-parameters-1024`), with `-quick` for a quick
    /// run: a variant never writes into the folder of the unmodified scenario.
    static func variantSlug(base: String, overrides: [String], quick: Bool) -> String {
        var slug = base
        if !overrides.isEmpty {
            slug += "-set-" + overrideName(overrides)
        }
        return quick ? slug + "-quick" : slug
    }

    /// The overrides as a folder name that reads as them: `parameters-1024` for
    /// `model.parameters=1024`, `seeds-3-speed-0.1` for two. The block is left out unless another
    /// block has a key of that name (`environment.instances-4`). A value with other characters than
    /// letters, digits, `.` and `_` (a list, a range, a negative number), or a name longer than 48
    /// characters, could make two different overrides read the same: those get the first 8 hex
    /// digits of the overrides' SHA-256 instead of (or after) the readable part, so folder names
    /// stay unique.
    static func overrideName(_ overrides: [String]) -> String {
        let hash = String(SHA256.hex(Array(overrides.joined(separator: "\n").utf8)).prefix(8))
        var parts: [String] = []
        var lossless = true
        for override in overrides {
            guard let equals = override.firstIndex(of: "="), let dot = override[..<equals].firstIndex(of: ".") else {
                return hash
            }
            let block = String(override[..<dot])
            let key = String(override[override.index(after: dot)..<equals])
            let value = override[override.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            let shared = Set(SettingCatalog.keys.filter { $0.name == key }.map(\.block)).count > 1
            let plain = !value.isEmpty && value.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "_"
            }
            lossless = lossless && plain
            // Words of letters, digits, `.` and `_`; a word of dots alone (`...`) says nothing.
            let readable = value.map { ($0.isLetter || $0.isNumber) && $0.isASCII || $0 == "." || $0 == "_" ? String($0) : "-" }.joined()
                .split(separator: "-").filter { !$0.allSatisfy { $0 == "." } }.joined(separator: "-")
            parts.append((shared ? "\(block).\(key)" : key) + "-" + readable)
        }
        let name = parts.joined(separator: "-")
        if lossless && name.count <= 48 { return name }
        return name.count <= 39 ? name + "-" + hash : hash
    }
}

/// One entry of the notebook, in the order the file gives it.
public enum NotebookItem: Sendable, Hashable {
    /// A `"""` prose block: GitHub-flavoured Markdown, common indentation removed.
    case prose(String)
    /// A settings block with its statements as written.
    case block(BlockOutline)
}

/// A block as the report's setup table shows it.
public struct BlockOutline: Sendable, Hashable {
    public var name: String
    public var settings: [SettingOutline]

    public init(name: String, settings: [SettingOutline]) {
        self.name = name
        self.settings = settings
    }
}

/// One statement of a block: its key, its value as written, whether it is swept, and whether it
/// was set on the command line (`--set`).
public struct SettingOutline: Sendable, Hashable {
    public var key: String
    public var text: String
    public var isSwept: Bool
    public var isOverridden: Bool

    public init(key: String, text: String, isSwept: Bool, isOverridden: Bool = false) {
        self.key = key
        self.text = text
        self.isSwept = isSwept
        self.isOverridden = isOverridden
    }
}

/// A swept setting: its `block.key` name and the values it takes, in order.
public struct SweepAxis: Sendable, Hashable {
    /// `block.key`, e.g. `environment.instances`.
    public var key: String
    public var values: [SettingValue]
    /// True when the values were written as a `times` range: charts use a log axis and
    /// crossovers are interpolated in log space.
    public var isGeometric: Bool
    /// How charts name the axis when its values are not the setting's own (a relative budget's
    /// offsets: "K − (k_fit + detector_cost)").
    public var label: String?

    public init(key: String, values: [SettingValue], isGeometric: Bool, label: String? = nil) {
        self.key = key
        self.values = values
        self.isGeometric = isGeometric
        self.label = label
    }
}
