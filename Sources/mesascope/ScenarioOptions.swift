import ArgumentParser
import MesaLanguage

/// Options shared by every command that compiles scenarios.
struct ScenarioOptions: ParsableArguments {
    @Flag(name: .customLong("allow-large"), help: "Accept sweeps beyond the run-count and work limits.")
    var allowLarge = false

    var compilerOptions: ScenarioCompiler.Options {
        var options = ScenarioCompiler.Options()
        options.allowLarge = allowLarge
        return options
    }
}
