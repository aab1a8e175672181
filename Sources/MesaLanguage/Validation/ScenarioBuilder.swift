import MesaResults
import MesaScenario

/// Assembles the typed `Scenario` from checked settings (only called when there is no error).
struct ScenarioBuilder {
    let source: SourceSet
    let file: FileSyntax
    let header: HeaderSyntax
    let settings: [Validator.CheckedSetting]
    let expectations: [Prediction]
    let seedSchedule: SeedSchedule?

    var scenario: Scenario {
        Scenario(title: header.title, slug: Slug.make(from: header.title), source: source.file.text, notebook: notebook,
                 analytic: analytic, simulation: simulation, axes: axes, seeds: seeds, seedSchedule: seedSchedule,
                 expectations: simulation == nil ? [] : expectations)
    }

    private var notebook: [NotebookItem] {
        var swept: [SourcePosition: Bool] = [:]
        for setting in settings { swept[setting.statement.keyRange.start] = setting.isSwept }
        return file.items.map { item in
            switch item {
            case .prose(let prose):
                return .prose(prose.text)
            case .block(let block):
                let outlines = block.statements.map { statement in
                    SettingOutline(key: statement.key, text: source.text(of: statement.valuesRange),
                                   isSwept: swept[statement.keyRange.start] ?? false,
                                   isOverridden: statement.keyRange.start.source != 0)
                }
                return .block(BlockOutline(name: block.name, settings: outlines))
            }
        }
    }

    private var blockNames: Set<String> {
        Set(file.items.compactMap { if case .block(let b) = $0 { return b.name } else { return nil } })
    }

    private var analytic: AnalyticSpec? {
        guard blockNames.contains("analytic") else { return nil }
        var spec = AnalyticSpec()
        for setting in settings where setting.key.block == "analytic" {
            setting.key.apply(setting.values, to: &spec)
            if setting.key.name == "instances" { spec.instancesGeometric = setting.isGeometric }
        }
        return spec
    }

    private var simulationSettings: [Validator.CheckedSetting] {
        settings.filter { $0.key.block != "analytic" }
    }

    /// Every fixed key applied and every swept key at its first value.
    private var simulation: SimulationSpec? {
        let blocks = blockNames
        guard blocks.contains("environment") else { return nil }
        var spec = SimulationSpec()
        if blocks.contains("deception") { spec.deception = DeceptionSpec() }
        for setting in simulationSettings {
            setting.key.apply(setting.values[0], to: &spec)
        }
        // A learned world trains with Adam unless the file says otherwise (and the validator
        // refuses every other optimizer there).
        if spec.world != .maze, !simulationSettings.contains(where: { $0.key.qualifiedName == "training.optimizer" }) {
            spec.training.optimizer = .adam
        }
        // The teacher world's `deception` block names its trigger, not the maze's priced detector.
        if spec.world != .maze { spec.deception = nil }
        return spec
    }

    private var axes: [SweepAxis] {
        guard blockNames.contains("environment") else { return [] }
        return simulationSettings.filter(\.isSwept).map { setting in
            var label: String?
            if case .relativeBudget(let budget) = setting.values.first { label = budget.axisLabel }
            return SweepAxis(key: setting.key.qualifiedName, values: setting.values, isGeometric: setting.isGeometric,
                             label: label)
        }
    }

    private var seeds: Int {
        let written = settings.first { $0.key.qualifiedName == "training.seeds" }?.values.first?.number
        return written.map { Int($0) } ?? TrainingSpec().seeds
    }
}
