/// What decoding a protobuf message can cost, bounded from the wire format alone, before
/// swift-protobuf decodes it.
///
/// A message's encoding can be far smaller than its decoded form: an empty nested message takes
/// 2 bytes on the wire and a few hundred in memory, a packed repeated int64 of zeros takes 1 byte
/// per element and 8 decoded. The wire format does not say which length-delimited fields are
/// messages, so the scan reads each one both ways: as a nested message (when its bytes parse as
/// one, within ``maximumDepth`` levels) and as a string or packed array, and counts the dearer.
/// The count is therefore an upper bound on what the real schema decodes, found in time
/// proportional to the bytes times the depth, with no allocation.
enum ProtobufBudget {
    /// Nesting followed by the scan, and allowed to the decoder (ONNX's GRU models nest 5 deep:
    /// model, graph, node, attribute, tensor; a GRU inside a Loop body adds 3 levels).
    static let maximumDepth = 16
    /// What a decoded message is counted as (its storage object and bookkeeping), in bytes.
    static let messageCost = 256
    /// What any decoded field is counted as, besides its payload.
    static let fieldCost = 16
    /// Nested messages allowed (each costs decoding time whatever its size); a GRU model has
    /// tens of nodes, a large exported network tens of thousands.
    static let maximumMessages = 200_000

    /// What decoding would take at most.
    struct Estimate: Equatable {
        /// Bytes of memory.
        var bytes: Int
        /// Messages, the outermost one included.
        var messages: Int
    }

    /// Where the bytes stop being a protobuf message.
    struct Malformed: Error, Equatable {
        /// The offset of the first byte that cannot be read.
        let offset: Int
        /// Whether the bytes end inside a field (a cut-off file) rather than hold a wrong one.
        let truncated: Bool
    }

    /// What decoding `bytes` can take at most.
    static func estimate(of bytes: UnsafeRawBufferPointer) throws(Malformed) -> Estimate {
        var failure = Malformed(offset: 0, truncated: false)
        guard let estimate = scan(bytes, from: 0, to: bytes.count, depth: 0, failure: &failure) else { throw failure }
        return estimate
    }

    /// The estimate for the message in `bytes[start..<end]`, or nil (with where it failed) when
    /// those bytes are not a message.
    private static func scan(
        _ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int, depth: Int, failure: inout Malformed
    ) -> Estimate? {
        var offset = start
        var cost = messageCost
        var messages = 1
        while offset < end {
            let fieldStart = offset
            guard let tag = varint(bytes, &offset, end) else {
                failure = Malformed(offset: fieldStart, truncated: offset >= end)
                return nil
            }
            let field = tag >> 3
            guard field >= 1, field <= 0x1FFF_FFFF else {
                failure = Malformed(offset: fieldStart, truncated: false)
                return nil
            }
            cost = saturating(cost, fieldCost)
            switch tag & 7 {
            case 0:
                guard varint(bytes, &offset, end) != nil else {
                    failure = Malformed(offset: fieldStart, truncated: offset >= end)
                    return nil
                }
            case 1, 5:
                let width = tag & 7 == 1 ? 8 : 4
                guard end - offset >= width else {
                    failure = Malformed(offset: fieldStart, truncated: true)
                    return nil
                }
                offset += width
            case 2:
                guard let length = varint(bytes, &offset, end), length <= UInt64(end - offset) else {
                    failure = Malformed(offset: fieldStart, truncated: true)
                    return nil
                }
                let payloadEnd = offset + Int(length)
                var flat = Int(length)
                // Read as a packed repeated varint, every byte below 0x80 ends one 8-byte element.
                var elements = 0
                for index in offset..<payloadEnd where bytes[index] < 0x80 { elements += 1 }
                flat = max(flat, elements &* 8)
                var nested: Estimate?
                if depth + 1 < maximumDepth {
                    var ignored = Malformed(offset: 0, truncated: false)
                    nested = scan(bytes, from: offset, to: payloadEnd, depth: depth + 1, failure: &ignored)
                }
                cost = saturating(cost, max(flat, nested?.bytes ?? 0))
                messages = saturating(messages, nested?.messages ?? 0)
                offset = payloadEnd
            default:
                // Groups (3, 4) are not used by ONNX; 6 and 7 do not exist.
                failure = Malformed(offset: fieldStart, truncated: false)
                return nil
            }
        }
        return Estimate(bytes: cost, messages: messages)
    }

    /// A base-128 varint of at most 10 bytes, or nil when it runs past `end` or is longer.
    private static func varint(_ bytes: UnsafeRawBufferPointer, _ offset: inout Int, _ end: Int) -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < end, shift < 70 {
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }

    private static func saturating(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }
}
