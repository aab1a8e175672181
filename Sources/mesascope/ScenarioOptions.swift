import ArgumentParser
import MesaLanguage
import MesaPipeline

/// Options shared by every command that compiles scenarios.
struct ScenarioOptions: ParsableArguments {
    @Flag(name: .customLong("allow-large"), help: "Accept sweeps beyond the run-count and work limits.")
    var allowLarge = false

    /// A loader printing diagnostics to standard error.
    var loader: ScenarioLoader {
        var options = ScenarioCompiler.Options()
        options.allowLarge = allowLarge
        return ScenarioLoader(options: options) { StandardError.write($0) }
    }
}
