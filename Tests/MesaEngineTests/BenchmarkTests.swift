import Foundation
import MesaEngine
import Testing

/// The performance target of docs/performance.md, run only on request
/// (`MESASCOPE_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter BenchmarkTests`).
@Suite("Benchmark", .enabled(if: ProcessInfo.processInfo.environment["MESASCOPE_BENCH"] != nil))
struct BenchmarkTests {
    @Test("8 N × 8 seeds × 20,000 steps on 9×9 mazes, with 1 and 2 jobs")
    func hotPath() async throws {
        let steps = Int(ProcessInfo.processInfo.environment["MESASCOPE_BENCH_STEPS"] ?? "") ?? 20_000
        let two = try await EngineBenchmark.run(steps: steps, jobs: 2)
        print(two)
        let one = try await EngineBenchmark.run(steps: steps, jobs: 1, perInstanceRows: false)
        print(one)
        print("speed-up 1 → 2 jobs: \(one.seconds / two.seconds)")
        #expect(two.runs == 64 && one.runs == 64)
        #expect(two.rows.count == 8)
    }
}
