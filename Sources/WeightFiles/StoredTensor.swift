import GRUCore

/// The float types tensors are stored in, converted to float32 as they are read.
enum StoredFloat: Sendable, Equatable {
    case float32, float64, float16, bfloat16

    /// Bytes per value.
    var size: Int {
        switch self {
        case .float32: return 4
        case .float64: return 8
        case .float16, .bfloat16: return 2
        }
    }

    /// The name a user knows.
    var name: String {
        switch self {
        case .float32: return "float32"
        case .float64: return "float64"
        case .float16: return "float16"
        case .bfloat16: return "bfloat16"
        }
    }

    /// The little-endian value at `offset`, as float32, and as stored for messages.
    func value(in bytes: UnsafeRawBufferPointer, at offset: Int) -> (Float, Double) {
        switch self {
        case .float32:
            let value = Float(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
            return (value, Double(value))
        case .float64:
            let wide = Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            return (Float(wide), wide)
        case .float16:
            let value = Self.halfToFloat(UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt16.self)))
            return (value, Double(value))
        case .bfloat16:
            let bits = UInt32(UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt16.self))) << 16
            let value = Float(bitPattern: bits)
            return (value, Double(value))
        }
    }

    /// `count` consecutive little-endian values from the start of `bytes`, as float32, with
    /// no check of their values. One tight loop per type (float32 is a copy): converting
    /// through ``value(in:at:)`` one element at a time cost 10 ms of a 19 MB model's start.
    /// `bytes` must hold `count × size` bytes.
    func floats(in bytes: UnsafeRawBufferPointer, count: Int) -> [Float] {
        precondition(bytes.count >= count * size, "the stored values are cut short")
        return LargeBuffer.floats(count: count) { out in
            guard count > 0, let source = bytes.baseAddress else { return }
            switch self {
            case .float32:
                // Little-endian machines only (every one Swift on Linux runs on).
                UnsafeMutableRawPointer(out).copyMemory(from: source, byteCount: count * 4)
            case .float64:
                for k in 0..<count {
                    out[k] = Float(Double(bitPattern: UInt64(littleEndian: source.loadUnaligned(fromByteOffset: 8 * k, as: UInt64.self))))
                }
            case .float16:
                for k in 0..<count {
                    out[k] = Self.halfToFloat(UInt16(littleEndian: source.loadUnaligned(fromByteOffset: 2 * k, as: UInt16.self)))
                }
            case .bfloat16:
                for k in 0..<count {
                    let bits = UInt32(UInt16(littleEndian: source.loadUnaligned(fromByteOffset: 2 * k, as: UInt16.self))) << 16
                    out[k] = Float(bitPattern: bits)
                }
            }
        }
    }

    /// IEEE half precision to single, exactly (every half is a float).
    static func halfToFloat(_ half: UInt16) -> Float {
        let sign = UInt32(half >> 15) << 31
        let exponent = Int((half >> 10) & 0x1F)
        let fraction = UInt32(half & 0x3FF)
        switch exponent {
        case 0:
            // Zero or subnormal: fraction × 2^-24.
            let magnitude = Float(fraction) * Float(sign: .plus, exponent: -24, significand: 1)
            return sign == 0 ? magnitude : -magnitude
        case 0x1F:
            return Float(bitPattern: sign | 0x7F80_0000 | fraction << 13)
        default:
            return Float(bitPattern: sign | UInt32(exponent - 15 + 127) << 23 | fraction << 13)
        }
    }
}

/// A tensor's place in a buffer of stored values: PyTorch's storage offset, sizes and strides
/// (in elements), or a plain row-major block.
struct TensorLayout: Equatable {
    var offset: Int
    var shape: [Int]
    var strides: [Int]

    /// A row-major block of `shape` at element `offset`.
    static func contiguous(_ shape: [Int], offset: Int = 0) -> TensorLayout {
        var strides = [Int](repeating: 1, count: shape.count)
        var step = 1
        for axis in shape.indices.reversed() {
            strides[axis] = step
            step = step &* max(shape[axis], 1)
        }
        return TensorLayout(offset: offset, shape: shape, strides: strides)
    }

    /// Why this layout does not fit in `available` stored elements, or nil when every element
    /// it reaches is inside. A tensor may not hold more elements than its storage (no stride-0
    /// expansion), which keeps what a file can make gruscope allocate within the file's size.
    func problem(available: Int) -> String? {
        guard offset >= 0, shape.allSatisfy({ $0 >= 0 }), strides.allSatisfy({ $0 >= 0 }),
              strides.count == shape.count else {
            return "a negative size, stride or offset"
        }
        guard let count = WeightArray.elementCount(shape) else { return "more elements than can be counted" }
        if count == 0 { return offset <= available ? nil : "an offset past the end of its data" }
        guard count <= available else {
            return "\(count) elements but its data holds \(available)"
        }
        var last = offset
        for (size, stride) in zip(shape, strides) {
            let (reach, overflow1) = (size - 1).multipliedReportingOverflow(by: stride)
            let (sum, overflow2) = last.addingReportingOverflow(reach)
            guard !overflow1, !overflow2 else { return "strides that reach past any data" }
            last = sum
        }
        return last < available ? nil : "elements up to index \(last) but its data holds \(available)"
    }

    /// The values in row-major order, float32, refusing a non-finite one with its position.
    /// The layout must have passed ``problem(available:)``.
    func gather(_ bytes: UnsafeRawBufferPointer, as type: StoredFloat, name: String) throws(FileProblem) -> [Float] {
        let count = WeightArray.elementCount(shape) ?? 0
        func refuse(_ target: Int, _ wide: Double) -> FileProblem {
            let position = WeightArray.indexText(target, shape: shape)
            let what = wide.isFinite ? "\(wide), too large for float32," : (wide.isNaN ? "NaN" : wide > 0 ? "+inf" : "-inf")
            return FileProblem("array \(OneLine.quoted(name)) holds \(what) at \(position); weights must be finite numbers")
        }
        if strides == Self.contiguous(shape).strides {
            // Row-major already (npy, safetensors, most tensors): converted in one tight loop,
            // then checked in one pass; only a refused file looks for where the bad value is.
            let start = UnsafeRawBufferPointer(rebasing: bytes[(offset * type.size)...])
            let values = type.floats(in: start, count: count)
            if let target = FiniteCheck.firstNonFinite(values) {
                throw refuse(target, type.value(in: start, at: target * type.size).1)
            }
            return values
        }
        var values = [Float](repeating: 0, count: count)
        guard count > 0 else { return values }
        var index = [Int](repeating: 0, count: shape.count)
        var source = offset
        for target in 0..<count {
            let (value, wide) = type.value(in: bytes, at: source * type.size)
            guard value.isFinite else { throw refuse(target, wide) }
            values[target] = value
            var axis = shape.count - 1
            while axis >= 0 {
                index[axis] += 1
                source += strides[axis]
                if index[axis] < shape[axis] { break }
                source -= strides[axis] * shape[axis]
                index[axis] = 0
                axis -= 1
            }
        }
        return values
    }
}
