import Foundation

/// The JSON form of the contract: `results.json`, and any other file that stores results
/// (the run cache). Keys are sorted (`.sortedKeys`), so bytes never depend on dictionary order;
/// a point's axis order is therefore not in its object but in `axes`. Non-finite numbers, which
/// JSON cannot carry, are written as the strings `NaN`, `Infinity` and `-Infinity`.
public enum ResultsJSON {
    private static let nonFinite = (positive: "Infinity", negative: "-Infinity", nan: "NaN")

    /// How the JSON is laid out in lines.
    public enum Layout: Sendable {
        /// Foundation's indented form, a line per value: for small files people read.
        case pretty
        /// One line.
        case compact
        /// A line per top-level key and a line per element of a top-level array, each element
        /// compact: `results.json`, whose runs would make the indented form several times larger
        /// (a 2,688-run scenario: 2.9 MB indented, 2.0 MB this way), while a run stays one line to
        /// read, grep or diff.
        case linePerElement
    }

    /// Sorted JSON ending in a newline, laid out as `layout` says.
    public static func encode<T: Encodable>(_ value: T, layout: Layout = .pretty) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = layout == .pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            : [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: nonFinite.positive, negativeInfinity: nonFinite.negative, nan: nonFinite.nan)
        var data = try encoder.encode(value)
        if layout == .linePerElement { data = Data(linePerElement(Array(data))) }
        data.append(0x0A)
        return data
    }

    /// Compact JSON re-laid: a line per member of the top-level object (indented two spaces, with
    /// a space after its colon) and a line per element of an array that is a top-level member's
    /// value (indented four). Bytes inside strings are copied as they are; empty containers stay
    /// `[]` and `{}`. Linear in the input.
    static func linePerElement(_ json: [UInt8]) -> [UInt8] {
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        var out: [UInt8] = []
        out.reserveCapacity(json.count + json.count / 16)
        var broken: [Bool] = []   // per open container: whether its members go on lines of their own
        var inString = false, escaped = false
        func newline(_ depth: Int) {
            out.append(0x0A)
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
        }
        for (index, byte) in json.enumerated() {
            if inString {
                out.append(byte)
                if escaped { escaped = false } else if byte == backslash { escaped = true } else if byte == quote { inString = false }
                continue
            }
            switch byte {
            case quote:
                inString = true
                out.append(byte)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                out.append(byte)
                let closes = index + 1 < json.count && (json[index + 1] == UInt8(ascii: "}") || json[index + 1] == UInt8(ascii: "]"))
                let breaks = !closes && (broken.isEmpty || (broken.count == 1 && byte == UInt8(ascii: "[")))
                broken.append(breaks)
                if breaks { newline(broken.count) }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if broken.removeLast() { newline(broken.count) }
                out.append(byte)
            case UInt8(ascii: ","):
                out.append(byte)
                if broken.last == true { newline(broken.count) }
            case UInt8(ascii: ":"):
                out.append(byte)
                if broken.count == 1 { out.append(UInt8(ascii: " ")) }
            default:
                out.append(byte)
            }
        }
        return out
    }

    /// Decodes what `encode` wrote.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: nonFinite.positive, negativeInfinity: nonFinite.negative, nan: nonFinite.nan)
        return try decoder.decode(type, from: data)
    }
}
