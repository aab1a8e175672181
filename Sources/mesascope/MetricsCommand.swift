import ArgumentParser
import MesaPipeline

/// `mesascope metrics`: every per-run metric, what it means, and whether an `expect` line may name it.
struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "List the per-run metrics (as a Markdown table): what `expect` lines and results.csv name."
    )

    func run() {
        print(MetricReference.markdown, terminator: "")
    }
}
