import Foundation
@testable import MesaResults
import Testing

@Suite("results.json layout")
struct ResultsJSONTests {
    struct Sample: Codable, Equatable {
        struct Run: Codable, Equatable {
            var name: String
            var values: [Double]
        }
        var empty: [Int]
        var runs: [Run]
        var title: String
    }

    @Test("a line per top-level member and per element of a top-level array; strings untouched")
    func linePerElement() throws {
        let sample = Sample(empty: [], runs: [Run(name: "a, {b}: [c]", values: [1, 0.5]), Run(name: "say \"x\"", values: [])],
                            title: "t")
        let data = try ResultsJSON.encode(sample, layout: .linePerElement)
        let expected = """
            {
              "empty": [],
              "runs": [
                {"name":"a, {b}: [c]","values":[1,0.5]},
                {"name":"say \\"x\\"","values":[]}
              ],
              "title": "t"
            }

            """
        #expect(String(decoding: data, as: UTF8.self) == expected)
        #expect(try ResultsJSON.decode(Sample.self, from: data) == sample)
    }

    @Test("the layout is the compact form re-laid, and decodes to the same value (non-finite numbers, escapes)")
    func onlyWhitespace() throws {
        let sample = Sample(empty: [3], runs: [Run(name: "\\", values: [.infinity])], title: "{\"}")
        let laid = try ResultsJSON.encode(sample, layout: .linePerElement)
        let compact = try ResultsJSON.encode(sample, layout: .compact)
        let stripped = ResultsJSON.linePerElement(Array(compact.dropLast()))
        #expect(Data(stripped) + [0x0A] == laid)
        #expect(try ResultsJSON.decode(Sample.self, from: laid) == sample)
    }

    typealias Run = Sample.Run
}
