import ArgumentParser
import MesaLanguage
import MesaPipeline

/// Options shared by every command that compiles scenarios.
struct ScenarioOptions: ParsableArguments {
    @Flag(name: .customLong("allow-large"), help: "Accept sweeps beyond the run-count and work limits.")
    var allowLarge = false

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Override a setting: block.key=value in the file's own syntax (sweeps allowed); repeatable.",
        valueName: "block.key=value"))
    var overrides: [String] = []

    @Flag(name: .customLong("quick"),
          help: "A smoke run: at most 2 seeds and a tenth of the steps, in a report folder of its own.")
    var quick = false

    func validate() throws {
        for argument in overrides where SettingOverride(argument: argument) == nil {
            throw ValidationError("--set takes block.key=value (e.g. --set bias.description_length=0.05), not '\(argument)'")
        }
    }

    /// A loader printing diagnostics to standard error.
    var loader: ScenarioLoader {
        var options = ScenarioCompiler.Options()
        options.allowLarge = allowLarge
        options.overrides = overrides.compactMap(SettingOverride.init(argument:))
        options.quick = quick
        return ScenarioLoader(options: options) { StandardError.write($0.rendered) }
    }
}
