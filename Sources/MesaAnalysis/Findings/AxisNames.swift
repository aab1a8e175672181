import MesaResults

/// How sentences name swept settings: the paper's letters where it has them.
package enum AxisNames {
    /// The short name of a `block.key`: N for `environment.instances`, K for
    /// `model.parameters`, λ_DL for `bias.description_length`, μ_T for `bias.speed`, d for
    /// `deception.detector_cost`; any other key by its name alone (`false_positive`), except
    /// deployment keys, which keep their block (`deployment instances`).
    package static func short(_ key: String) -> String {
        switch key {
        case "environment.instances", "analytic.instances": return "N"
        case "model.parameters": return "K"
        case "bias.description_length": return "λ_DL"
        case "bias.speed": return "μ_T"
        case "deception.detector_cost": return "d"
        case "analytic.power": return "P"
        case "analytic.max_bits": return "x_max"
        default:
            guard let dot = key.firstIndex(of: ".") else { return key }
            let block = key[..<dot], name = key[key.index(after: dot)...]
            return block == "deployment" ? "deployment \(name)" : String(name)
        }
    }

    /// A coordinate's value as written (numbers without a trailing `.0`).
    package static func text(_ value: PointValue) -> String {
        switch value {
        case .number(let number): return NumberText.format(number, significant: 6)
        case .text(let text): return text
        }
    }

    /// "K = 256, λ_DL = 0.1"; "the single point" for a point with no coordinates.
    package static func describe(_ point: Point) -> String {
        guard !point.coordinates.isEmpty else { return "the single point" }
        return point.coordinates.map { "\(short($0.key)) = \(text($0.value))" }.joined(separator: ", ")
    }

    /// `sentence` for one slice of a multi-axis sweep: "At K = 256, search was …"; unchanged
    /// when the slice is empty.
    package static func prefixed(_ sentence: String, slice: Point) -> String {
        guard !slice.coordinates.isEmpty, let first = sentence.first else { return sentence }
        return "At \(describe(slice)), " + first.lowercased() + sentence.dropFirst()
    }
}
