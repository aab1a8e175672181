import MesaEngine
@testable import MesaPipeline
import MesaResults
import Testing

/// The binary form of a cached run: what it writes comes back exactly, and anything malformed is
/// refused (nil), never trusted.
@Suite("Stored run codec")
struct StoredRunCodecTests {
    static let run: StoredRun = {
        var metrics = RunMetrics()
        metrics[.trainScore] = 0.75
        metrics[.loss] = .infinity
        metrics[.searchBits] = 1.0 / 3
        metrics[.mesaOptimizer] = 1
        let drawing = MazeDrawing(point: Point([]), repetition: 0, phase: .deployment, instance: 3, width: 2, height: 2,
                                  openings: [2, 12, 3, 9], start: 0, goal: 3, proxy: [1], path: [0, 1, 3],
                                  expanded: [1, 2, 3], defected: true)
        var training = drawing
        training.phase = .training
        training.defected = false
        training.expanded = []
        return StoredRun(metrics: metrics, drawings: [training, drawing])
    }()

    @Test("a run comes back exactly, metric bits and drawings included")
    func roundTrip() throws {
        let bytes = StoredRunCodec.encode(Self.run)
        let decoded = try #require(StoredRunCodec.decode(bytes[...]))
        #expect(decoded == Self.run)
        #expect(decoded.metrics[.searchBits]?.bitPattern == (1.0 / 3).bitPattern)
        // Four metrics: 2 bytes of count, then a length byte, the name and 8 bytes each.
        let names = ["train_score", "loss", "search_bits", "mesa_optimizer"].map(\.utf8.count).reduce(0, +)
        #expect(Array(bytes.prefix(2)) == [4, 0])
        // Then no checkpoints: a count of 0.
        #expect(bytes.count == 2 + 4 * 9 + names + 2 + 2 * (2 + 5 * 4 + 4 + 4 + 3 * 4) + 4 * 2 + 4 * 6 + 4 * 3 + 2)
    }

    /// A learned world's run: its checkpoints' metrics, bit for bit.
    static let learnedRun: StoredRun = {
        var final = RunMetrics()
        final[.mseUnseen] = 0.625
        final[.mesaOptimizer] = 1
        var early = RunMetrics()
        early[.mseUnseen] = 7.0 / 3
        return StoredRun(metrics: final, drawings: [],
                         checkpoints: [Checkpoint(step: 200, metrics: early), Checkpoint(step: 2000, metrics: final)])
    }()

    @Test("a learned world's checkpoints come back exactly; every truncation of them is refused")
    func checkpointsRoundTrip() throws {
        let bytes = StoredRunCodec.encode(Self.learnedRun)
        let decoded = try #require(StoredRunCodec.decode(bytes[...]))
        #expect(decoded == Self.learnedRun)
        #expect(decoded.checkpoints[0].metrics[.mseUnseen]?.bitPattern == (7.0 / 3).bitPattern)
        // Metrics (2 + 2·9 + names), no drawings (2), 2 checkpoints (2 + 2·8 + their metrics).
        let finalSize = 2 + 2 * 9 + "mse_unseen".utf8.count + "mesa_optimizer".utf8.count
        let earlySize = 2 + 9 + "mse_unseen".utf8.count
        #expect(bytes.count == finalSize + 2 + 2 + 8 + earlySize + 8 + finalSize)
        for length in 0..<bytes.count {
            #expect(StoredRunCodec.decode(bytes.prefix(length)) == nil, "truncated to \(length) bytes")
        }
    }

    @Test("every truncation, trailing bytes, an unknown metric and a bad phase are refused")
    func malformedIsRefused() {
        let bytes = StoredRunCodec.encode(Self.run)
        for length in 0..<bytes.count {
            #expect(StoredRunCodec.decode(bytes.prefix(length)) == nil, "truncated to \(length) bytes")
        }
        #expect(StoredRunCodec.decode((bytes + [0])[...]) == nil)
        // The first metric's name with one letter changed is no metric of the registry.
        var renamed = bytes
        renamed[3] = UInt8(ascii: "x")
        #expect(StoredRunCodec.decode(renamed[...]) == nil)
        var empty = RunMetrics()
        empty[.trainScore] = 1
        let bare = StoredRunCodec.encode(StoredRun(metrics: empty, drawings: Self.run.drawings))
        var phase = bare
        phase[2 + 1 + "train_score".utf8.count + 8 + 2] = 7
        #expect(StoredRunCodec.decode(phase[...]) == nil)
    }
}
