/// A scenario file decoded leniently: one Unicode scalar per valid UTF-8 sequence and one
/// U+FFFD per maximal invalid subsequence (the same repair `String(decoding:as:)` makes, so
/// columns agree with the repaired text the renderer echoes).
struct SourceText {
    /// The decoded scalars.
    let scalars: [Unicode.Scalar]
    /// `byteOffsets[i]` is where scalar `i` starts; one extra entry holds the byte count.
    let byteOffsets: [Int]
    /// Indices of the scalars that replace invalid UTF-8.
    let invalidScalarIndices: [Int]
    /// The repaired text.
    let text: String

    init(bytes: [UInt8]) {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        var invalid: [Int] = []
        scalars.reserveCapacity(bytes.count)
        offsets.reserveCapacity(bytes.count + 1)
        var offset = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte < 0x80 {
                // ASCII, nearly every byte of a scenario file: no decoder needed.
                scalars.append(Unicode.Scalar(byte))
                offsets.append(offset)
                offset += 1
                continue
            }
            var parser = Unicode.UTF8.ForwardParser()
            var iterator = bytes[offset...].makeIterator()
            offsets.append(offset)
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                scalars.append(Unicode.UTF8.decode(encoded))
                offset += encoded.count
            case .error(let length):
                invalid.append(scalars.count)
                scalars.append("\u{FFFD}")
                offset += length
            case .emptyInput:
                offset = bytes.count
            }
        }
        offsets.append(bytes.count)
        self.scalars = scalars
        self.byteOffsets = offsets
        self.invalidScalarIndices = invalid
        self.text = String(decoding: bytes, as: UTF8.self)
    }

    /// The scalar index at byte `offset` (the first scalar starting at or after it).
    func scalarIndex(atByte offset: Int) -> Int {
        var low = 0, high = byteOffsets.count - 1
        while low < high {
            let middle = (low + high) / 2
            if byteOffsets[middle] < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The text of `range`, as written.
    func text(of range: SourceRange) -> String {
        let start = scalarIndex(atByte: range.start.offset)
        let end = max(start, scalarIndex(atByte: range.end.offset))
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[start..<min(end, scalars.count)])
        return String(result)
    }
}
