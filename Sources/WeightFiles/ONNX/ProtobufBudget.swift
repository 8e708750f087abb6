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
        let ends = VarintEnds(bytes)
        guard let estimate = scan(bytes, ends, from: 0, to: bytes.count, depth: 0, failure: &failure) else { throw failure }
        return estimate
    }

    /// The estimate for the message in `bytes[start..<end]`, or nil (with where it failed) when
    /// those bytes are not a message.
    private static func scan(
        _ bytes: UnsafeRawBufferPointer, _ ends: VarintEnds, from start: Int, to end: Int, depth: Int, failure: inout Malformed
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
                flat = max(flat, ends.count(from: offset, to: payloadEnd) &* 8)
                var nested: Estimate?
                if depth + 1 < maximumDepth {
                    var ignored = Malformed(offset: 0, truncated: false)
                    nested = scan(bytes, ends, from: offset, to: payloadEnd, depth: depth + 1, failure: &ignored)
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

    /// How many bytes below 0x80 (each ends a varint) any range of the message holds, in constant
    /// time: a weight tensor's payload is counted once per level that encloses it, so counting
    /// byte by byte is most of the scan's time on a large model. It keeps a running count at
    /// every block of 256 bytes (one 32-bit count a block: 1/64 of the message) and counts the
    /// bytes of the two partial blocks at the ends.
    struct VarintEnds {
        static let block = 256
        let bytes: UnsafeRawBufferPointer
        /// `before[k]`: the bytes below 0x80 in the first k blocks.
        let before: [UInt32]

        init(_ bytes: UnsafeRawBufferPointer) {
            self.bytes = bytes
            let blocks = bytes.count / Self.block
            var before = [UInt32](repeating: 0, count: blocks + 1)
            var total = 0
            for k in 0..<blocks {
                total &+= ProtobufBudget.varintEnds(bytes, from: k * Self.block, to: (k + 1) * Self.block)
                before[k + 1] = UInt32(truncatingIfNeeded: total)
            }
            self.before = before
        }

        /// The bytes below 0x80 in `bytes[start..<end]`.
        func count(from start: Int, to end: Int) -> Int {
            let firstWhole = (start + Self.block - 1) / Self.block, lastWhole = end / Self.block
            guard firstWhole < lastWhole else { return ProtobufBudget.varintEnds(bytes, from: start, to: end) }
            return ProtobufBudget.varintEnds(bytes, from: start, to: firstWhole * Self.block)
                &+ Int(before[lastWhole] &- before[firstWhole])
                &+ ProtobufBudget.varintEnds(bytes, from: lastWhole * Self.block, to: end)
        }
    }

    /// How many bytes of `bytes[start..<end]` are below 0x80, eight at a time.
    static func varintEnds(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int {
        var count = 0
        var index = start
        let highBits: UInt64 = 0x8080_8080_8080_8080
        while end - index >= 8 {
            let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            count &+= 8 &- (word & highBits).nonzeroBitCount
            index &+= 8
        }
        while index < end {
            if bytes[index] < 0x80 { count &+= 1 }
            index &+= 1
        }
        return count
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
