import ArgumentParser

/// The `mesascope` command: a thin layer over the language, engine and report modules.
@main
struct Mesascope: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mesascope",
        abstract: "Run experiments on the arguments of the learned-optimization literature.",
        discussion: """
            Scenario files (scenarios/*.mesa) describe an analytic model and simulated mazes in which \
            search-style and heuristic-style models compete under one parameter budget. mesascope \
            checks them, runs them and writes notebook-style reports.

            Exit codes: 0 success, 64 usage, 65 invalid scenario (or shards that do not merge), 70 internal \
            error, 74 I/O error, 75 another look of seeds needed (merge), 78 invalid template, 130 interrupted.
            """,
        version: ToolVersion.current,
        subcommands: [NewCommand.self, CheckCommand.self, PlanCommand.self, RunCommand.self, MergeCommand.self, SlurmCommand.self,
                      RenderCommand.self, BenchCommand.self,
                      PreviewCommand.self, MetricsCommand.self, CacheCommand.self]
    )
}

/// The version recorded in every `results.json`.
enum ToolVersion {
    static let current = "0.1.0"
}
