import MesaEngine

/// `bench`: the engine's hot path under a fixed load (see `EngineBenchmark`).
public enum Bench {
    /// Runs the benchmark and returns its report as text.
    public static func run(instances: [Int], seeds: Int, steps: Int, jobs: Int, width: Int, height: Int) async throws
        -> String
    {
        try await EngineBenchmark.run(instances: instances, seeds: seeds, steps: steps, jobs: jobs, width: width,
                                      height: height).description
    }

    /// The regression world's training throughput on one thread and on `jobs` threads.
    public static func regression(jobs: Int) async -> String {
        await Task.detached { RegressionThroughput.measure(jobs: jobs).description }.value
    }
}
