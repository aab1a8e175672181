import Foundation
import MesaEngine
import MesaResults

/// The binary form of a cached run (docs/cache.md): about ten times faster to read than JSON, which
/// is what an unchanged rerun of the notebook spends its time on. Little-endian throughout:
///
///     metrics:  UInt16 count, then per metric: UInt8 name length, the name in UTF-8, Float64
///     drawings: UInt16 count, then per drawing: UInt8 phase (0 training, 1 deployment), UInt8
///               defected, Int32 instance, width, height, start, goal, then openings (UInt32
///               count + bytes), proxy, path and expanded (each UInt32 count + Int32s)
///     checkpoints: UInt16 count (0 for a maze run), then per checkpoint: Int64 step, then its
///               metrics as above
///
/// Metrics are stored by name, so the registry's order may change freely; a drawing's point and
/// repetition are not stored (the sweep that reads the run supplies them).
enum StoredRunCodec {
    static func encode(_ run: StoredRun) -> [UInt8] {
        var out: [UInt8] = []
        encode(run.metrics, to: &out)
        append(UInt16(run.drawings.count), to: &out)
        for drawing in run.drawings {
            out.append(drawing.phase == .training ? 0 : 1)
            out.append(drawing.defected ? 1 : 0)
            for value in [drawing.instance, drawing.width, drawing.height, drawing.start, drawing.goal] {
                append(Int32(truncatingIfNeeded: value), to: &out)
            }
            append(UInt32(drawing.openings.count), to: &out)
            out += drawing.openings
            for cells in [drawing.proxy, drawing.path, drawing.expanded] {
                append(UInt32(cells.count), to: &out)
                for cell in cells { append(Int32(truncatingIfNeeded: cell), to: &out) }
            }
        }
        append(UInt16(run.checkpoints.count), to: &out)
        for checkpoint in run.checkpoints {
            append(Int64(checkpoint.step), to: &out)
            encode(checkpoint.metrics, to: &out)
        }
        return out
    }

    private static func encode(_ metrics: RunMetrics, to out: inout [UInt8]) {
        let present = metrics.present
        append(UInt16(present.count), to: &out)
        for (metric, value) in present {
            let name = Array(metric.name.utf8)
            out.append(UInt8(name.count))
            out += name
            append(value.bitPattern, to: &out)
        }
    }

    private static func decodeMetrics(_ reader: inout Reader) -> RunMetrics? {
        var metrics = RunMetrics()
        guard let count = reader.read(UInt16.self) else { return nil }
        for _ in 0..<count {
            guard let length = reader.byte(), let name = reader.bytes(Int(length)),
                  let metric = Metric(name: String(decoding: name, as: UTF8.self)),
                  let bits = reader.read(UInt64.self) else { return nil }
            metrics[metric] = Double(bitPattern: bits)
        }
        return metrics
    }

    /// The run in `bytes`, or nil for anything malformed (a short read, an unknown metric).
    static func decode(_ bytes: ArraySlice<UInt8>) -> StoredRun? {
        var reader = Reader(bytes: bytes)
        guard let metrics = decodeMetrics(&reader) else { return nil }
        guard let drawingCount = reader.read(UInt16.self) else { return nil }
        var drawings: [MazeDrawing] = []
        drawings.reserveCapacity(Int(drawingCount))
        for _ in 0..<drawingCount {
            guard let phase = reader.byte(), phase <= 1, let defected = reader.byte(),
                  let instance = reader.read(Int32.self), let width = reader.read(Int32.self),
                  let height = reader.read(Int32.self), let start = reader.read(Int32.self),
                  let goal = reader.read(Int32.self), let openingCount = reader.read(UInt32.self),
                  let openings = reader.bytes(Int(openingCount)),
                  let proxy = reader.cells(), let path = reader.cells(), let expanded = reader.cells()
            else { return nil }
            drawings.append(MazeDrawing(
                point: Point([]), repetition: 0, phase: phase == 0 ? .training : .deployment, instance: Int(instance),
                width: Int(width), height: Int(height), openings: Array(openings), start: Int(start), goal: Int(goal),
                proxy: proxy, path: path, expanded: expanded, defected: defected != 0))
        }
        var checkpoints: [Checkpoint] = []
        guard let checkpointCount = reader.read(UInt16.self) else { return nil }
        for _ in 0..<checkpointCount {
            guard let step = reader.read(Int64.self), let metrics = decodeMetrics(&reader) else { return nil }
            checkpoints.append(Checkpoint(step: Int(step), metrics: metrics))
        }
        guard reader.isAtEnd else { return nil }
        return StoredRun(metrics: metrics, drawings: drawings, checkpoints: checkpoints)
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out += $0 }
    }

    /// Reads little-endian values from a byte slice, failing (nil) past its end.
    struct Reader {
        var bytes: ArraySlice<UInt8>

        var isAtEnd: Bool { bytes.isEmpty }

        mutating func byte() -> UInt8? { bytes.popFirst() }

        mutating func bytes(_ count: Int) -> ArraySlice<UInt8>? {
            guard count >= 0, bytes.count >= count else { return nil }
            defer { bytes = bytes.dropFirst(count) }
            return bytes.prefix(count)
        }

        mutating func read<T: FixedWidthInteger>(_ type: T.Type) -> T? {
            guard let raw = bytes(MemoryLayout<T>.size) else { return nil }
            var value: T = 0
            for (shift, byte) in raw.enumerated() { value |= T(truncatingIfNeeded: byte) << (8 * shift) }
            return value
        }

        mutating func cells() -> [Int]? {
            guard let count = read(UInt32.self), bytes.count >= Int(count) * 4 else { return nil }
            var cells: [Int] = []
            cells.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard let cell = read(Int32.self) else { return nil }
                cells.append(Int(cell))
            }
            return cells
        }
    }
}
