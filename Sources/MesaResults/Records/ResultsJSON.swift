import Foundation

/// The JSON form of the contract: `results.json`, and any other file that stores results
/// (the run cache). Keys are sorted (`.sortedKeys`), so bytes never depend on dictionary order;
/// a point's axis order is therefore not in its object but in `axes`. Non-finite numbers, which
/// JSON cannot carry, are written as the strings `NaN`, `Infinity` and `-Infinity`.
public enum ResultsJSON {
    private static let nonFinite = (positive: "Infinity", negative: "-Infinity", nan: "NaN")

    /// Sorted JSON ending in a newline: pretty-printed (for files people read) or on one line.
    public static func encode<T: Encodable>(_ value: T, pretty: Bool = true) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            : [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: nonFinite.positive, negativeInfinity: nonFinite.negative, nan: nonFinite.nan)
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    /// Decodes what `encode` wrote.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: nonFinite.positive, negativeInfinity: nonFinite.negative, nan: nonFinite.nan)
        return try decoder.decode(type, from: data)
    }
}
