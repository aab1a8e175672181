/// One point of the sweep: its coordinates on the swept axes and the fully resolved spec.
public struct RunPoint: Sendable, Hashable {
    /// Position in the Cartesian product (row-major, first axis slowest).
    public var index: Int
    /// `block.key` → value, in axis order.
    public var coordinates: [(key: String, value: SettingValue)]
    public var spec: SimulationSpec

    public static func == (a: RunPoint, b: RunPoint) -> Bool {
        a.index == b.index && a.spec == b.spec && a.coordinates.map(\.key) == b.coordinates.map(\.key)
            && a.coordinates.map(\.value) == b.coordinates.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(index)
        hasher.combine(spec)
    }
}

extension Scenario {
    /// The sweep point at `index` of the Cartesian product of `axes` (first axis slowest).
    public func point(at index: Int) -> RunPoint? {
        guard let base = simulation, index >= 0, index < pointCount else { return nil }
        var spec = base
        var coordinates: [(key: String, value: SettingValue)] = []
        var remainder = index
        var stride = pointCount
        for axis in axes {
            stride /= axis.values.count
            let value = axis.values[remainder / stride]
            remainder %= stride
            coordinates.append((axis.key, value))
            SettingCatalog.key(world: base.world, qualifiedName: axis.key)?.apply(value, to: &spec)
        }
        return RunPoint(index: index, coordinates: coordinates, spec: spec)
    }

    /// Every sweep point, in order.
    public var points: [RunPoint] { (0..<pointCount).compactMap(point(at:)) }
}
