import Foundation
import Testing

/// Checks of the model too heavy for the debug build (about 9× slower): they run the release
/// binary named by `MESASCOPE_RELEASE_BINARY` on small scenarios and read their results.json.
/// `make test` builds it and sets the variable; without it these tests are skipped, unless
/// `MESASCOPE_REQUIRE_RELEASE=1`, when they fail.
@Suite(.serialized)
struct ModelChecksTests {
    static var release: URL? {
        ProcessInfo.processInfo.environment["MESASCOPE_RELEASE_BINARY"].map { URL(fileURLWithPath: $0) }
    }

    static var required: Bool { ProcessInfo.processInfo.environment["MESASCOPE_REQUIRE_RELEASE"] == "1" }

    /// The runs of `scenario` run by the release binary: (point, metrics) pairs.
    static func runs(_ scenario: String) throws -> [(point: [String: Any], metrics: [String: Any])] {
        guard let binary = release else {
            if required { Issue.record("MESASCOPE_RELEASE_BINARY is not set") }
            return []
        }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("check.mesa", scenario)
        let runner = CommandRunner(directory: folder.url, binary: binary)
        let outcome = try runner.run(["run", "check.mesa", "--out", "out"], timeout: 600)
        try #require(outcome.status == 0, "\(outcome.stderr)")
        let reports = try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("out").path)
        let slug = try #require(reports.first { !$0.hasPrefix(".") && !$0.hasPrefix("index") })
        let data = try folder.read("out/\(slug)/results.json")
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let runs = try #require(object["runs"] as? [[String: Any]])
        return runs.map { ($0["point"] as? [String: Any] ?? [:], $0["metrics"] as? [String: Any] ?? [:]) }
    }

    @Test("diversity under exact selection (7×7, search_cost 16·x, K = 256, λ_DL = 0.02): table at N = 1, search at N = 64")
    func diversity() throws {
        let runs = try Self.runs("""
            scenario "Diversity check"
            environment { maze 7 x 7; instances [1, 64] }
            deployment { instances 10 }
            model { parameters 256; search_cost 16 * x; max_bits 6 }
            training { optimizer exact; seeds 3 }
            bias { description_length 0.02 }
            """)
        guard !runs.isEmpty else { return }
        func share(_ n: Int) -> Double {
            let at = runs.filter { ($0.point["environment.instances"] as? Int) == n }
            return Double(at.filter { ($0.metrics["mesa_optimizer"] as? Int) == 1 }.count) / Double(at.count)
        }
        #expect(share(1) < 0.5, "share selecting search at N = 1: \(share(1))")
        #expect(share(64) > 0.5, "share selecting search at N = 64: \(share(64))")
    }
}
