/// Tells an ONNX model from other bytes without decoding it: the file must parse, to its last
/// byte, as protobuf fields that ModelProto has, with the wire type each of them has, and hold
/// a graph (field 7); or start with ir_version and such fields and stop inside one, as a model
/// cut off does (the ONNX reader then says where). Linear in the file and allocation-free.
enum ONNXSniffer {
    /// ModelProto's fields and their wire types (0 varint, 2 length-delimited): ir_version 1,
    /// producer_name 2, producer_version 3, domain 4, model_version 5, doc_string 6, graph 7,
    /// opset_import 8, metadata_props 14, training_info 20, functions 25, configuration 26.
    private static func wireType(ofField field: UInt64) -> UInt64? {
        switch field {
        case 1, 5: return 0
        case 2, 3, 4, 6, 7, 8, 14, 20, 25, 26: return 2
        default: return nil
        }
    }

    static func looksLikeModel(_ bytes: [UInt8]) -> Bool {
        var position = 0
        var hasGraph = false
        func varint() -> UInt64? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while position < bytes.count, shift < 64 {
                let byte = bytes[position]
                position += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return value }
                shift += 7
            }
            return nil
        }
        var startsWithVersion = false
        while position < bytes.count {
            guard let key = varint(), let expected = wireType(ofField: key >> 3), key & 7 == expected else {
                return startsWithVersion && position >= bytes.count
            }
            if position == bytes.count { return startsWithVersion }
            if expected == 0 {
                guard varint() != nil else { return startsWithVersion && position >= bytes.count }
                if key == 0x08, position <= 11 { startsWithVersion = true }
            } else {
                guard let length = varint() else { return startsWithVersion && position >= bytes.count }
                guard length <= UInt64(bytes.count - position) else { return startsWithVersion }
                position += Int(length)
                if key >> 3 == 7 { hasGraph = true }
            }
        }
        return hasGraph
    }
}
