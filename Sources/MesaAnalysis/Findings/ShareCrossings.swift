/// How a share moves across one half along a swept axis, told honestly: a single crossing can be
/// stated with a crossover; a share that crosses back is said to be above half only where it is;
/// and nothing is claimed from fewer than `minimumValues` swept values.
package enum ShareCrossings: Equatable {
    /// Fewer than `minimumValues` swept values: no crossover is stated.
    case tooFewValues
    /// At or above one half at every swept value.
    case alwaysAbove
    /// Below one half at every swept value.
    case alwaysBelow
    /// One crossing: below then at or above (rising), or the reverse.
    case single(rising: Bool)
    /// The share crosses one half more than once; `above` lists the index stretches at or above it.
    case nonMonotone(above: [ClosedRange<Int>])

    /// No crossover (or interval) is ever stated from fewer swept values than this.
    package static let minimumValues = 3

    /// The classification of the means `shares` (in axis order) against `level`.
    package init(_ shares: [Double], level: Double = 0.5) {
        guard shares.count >= Self.minimumValues else {
            self = .tooFewValues
            return
        }
        let above = shares.map { $0 >= level }
        var stretches: [ClosedRange<Int>] = []
        for (index, isAbove) in above.enumerated() where isAbove {
            if let last = stretches.last, last.upperBound == index - 1 {
                stretches[stretches.count - 1] = last.lowerBound...index
            } else {
                stretches.append(index...index)
            }
        }
        let changes = zip(above, above.dropFirst()).filter { $0 != $1 }.count
        switch changes {
        case 0: self = above[0] ? .alwaysAbove : .alwaysBelow
        case 1: self = .single(rising: !above[0])
        default: self = .nonMonotone(above: stretches)
        }
    }
}
