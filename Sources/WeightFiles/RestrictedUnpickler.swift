/// A pickle read as data: the opcodes of protocols 2 to 5 that `torch.save` writes for a
/// state_dict, and nothing that could run code. Nothing is imported or called; the few globals
/// a state_dict names (`collections.OrderedDict`, `torch._utils._rebuild_tensor_v2`,
/// `torch._utils._rebuild_parameter` and the storage types) are recognised by name and turned
/// into plain values. Any other global is refused with its name, before anything else happens.
///
/// Hostile pickles are bounded: every length is checked against the bytes that remain before
/// anything is allocated, compound values live in one arena (indices, not references, so
/// cycles cost nothing and never leak), and every opcode consumes at least one byte, so memory
/// and time are linear in the pickle's size.
struct RestrictedUnpickler {
    /// A value on the stack or in the memo.
    enum Value: Equatable {
        case none
        case bool(Bool)
        case int(Int)
        /// An integer too wide for Int (LONG1 of up to 255 bytes), kept as its bytes.
        case bigInt([UInt8])
        case float(Double)
        case string(String)
        /// A bytes object, by length only.
        case bytes(Int)
        /// A compound value in ``objects``.
        case object(Int)
        case global(Global)
    }

    /// The globals a state_dict uses.
    enum Global: Equatable {
        case orderedDict
        case rebuildTensor
        case rebuildParameter
        /// `torch.FloatStorage` and its kin: the dtype, and bytes per element.
        case storageType(name: String, type: StoredFloat?, itemSize: Int)
    }

    /// Compound values.
    enum Object {
        case tuple([Value])
        case list([Value])
        case dict(Dictionary)
        /// A persistent id: one storage of the file, by key.
        case storage(Storage)
        case tensor(Tensor)
    }

    struct Dictionary {
        var keys: [Value] = []
        var values: [Value] = []
        /// Where each string key is, so that a repeated key is noticed at once.
        var stringIndex: [String: Int] = [:]
        /// A string key set twice (a file that would load differently in Python and here).
        var repeatedKey: String?
    }

    struct Storage: Equatable {
        let key: String
        let typeName: String
        let type: StoredFloat?
        let itemSize: Int
        /// Elements, as the persistent id states.
        let count: Int
    }

    struct Tensor {
        let storage: Storage
        let layout: TensorLayout
    }

    /// The values of compound objects; a ``Value/object(_:)`` is an index here.
    private(set) var objects: [Object] = []
    private let bytes: [UInt8]
    private var position: Int
    private var stack: [Value] = []
    private var marks: [Int] = []
    private var memo: [Int: Value] = [:]
    /// How a persistent id tuple reads (the zip and legacy formats differ).
    private let persistentIDLength: ClosedRange<Int>

    /// The offset just past the STOP opcode, once ``load()`` has finished.
    var end: Int { position }

    /// A pickle starting at `start` of `bytes`.
    init(bytes: [UInt8], start: Int = 0, persistentIDLength: ClosedRange<Int> = 5...5) {
        self.bytes = bytes
        self.position = start
        self.persistentIDLength = persistentIDLength
    }

    /// Reads up to STOP and returns the pickled value.
    mutating func load() throws(FileProblem) -> Value {
        while true {
            guard position < bytes.count else { throw FileProblem("the pickle ends before its STOP opcode; the file is truncated") }
            let opcode = bytes[position]
            position += 1
            if opcode == 0x2E {  // STOP
                guard let value = stack.popLast() else { throw damaged("STOP on an empty stack") }
                return value
            }
            try run(opcode)
        }
    }

    // MARK: Opcodes

    private mutating func run(_ opcode: UInt8) throws(FileProblem) {
        switch opcode {
        case 0x80:  // PROTO
            let version = try byte()
            guard (2...5).contains(version) else {
                throw FileProblem("it is a protocol-\(version) pickle; torch.save writes protocols 2 to 5")
            }
        case 0x95:  // FRAME: a length hint only
            _ = try fixed(8)
        case 0x7D: stack.append(newObject(.dict(Dictionary())))  // EMPTY_DICT }
        case 0x5D: stack.append(newObject(.list([])))  // EMPTY_LIST ]
        case 0x29: stack.append(newObject(.tuple([])))  // EMPTY_TUPLE )
        case 0x28: marks.append(stack.count)  // MARK (
        case 0x74: stack.append(newObject(.tuple(try popToMark())))  // TUPLE t
        case 0x85, 0x86, 0x87:  // TUPLE1, TUPLE2, TUPLE3
            let count = Int(opcode - 0x84)
            guard stack.count - (marks.last ?? 0) >= count else { throw damaged("a tuple of \(count) with too few values") }
            let items = Array(stack.suffix(count))
            stack.removeLast(count)
            stack.append(newObject(.tuple(items)))
        case 0x6C:  // LIST l
            stack.append(newObject(.list(try popToMark())))
        case 0x64:  // DICT d
            let items = try popToMark()
            let dictionary = newObject(.dict(Dictionary()))
            try setItems(items, into: dictionary)
            stack.append(dictionary)
        case 0x4E: stack.append(.none)  // NONE
        case 0x88: stack.append(.bool(true))  // NEWTRUE
        case 0x89: stack.append(.bool(false))  // NEWFALSE
        case 0x4A:  // BININT J
            let raw = Array(try fixed(4))
            stack.append(.int(Int(Int32(bitPattern: UInt32(raw[0]) | UInt32(raw[1]) << 8 | UInt32(raw[2]) << 16 | UInt32(raw[3]) << 24))))
        case 0x4B: stack.append(.int(Int(try byte())))  // BININT1 K
        case 0x4D:  // BININT2 M
            let raw = Array(try fixed(2))
            stack.append(.int(Int(raw[0]) | Int(raw[1]) << 8))
        case 0x8A:  // LONG1
            stack.append(try long(length: Int(try byte())))
        case 0x8B:  // LONG4
            let length = try length(4)
            guard length <= 64 else { throw FileProblem("it holds an integer of \(length) bytes, wider than any state_dict has") }
            stack.append(try long(length: length))
        case 0x47:  // BINFLOAT G (big-endian)
            let raw = try fixed(8)
            stack.append(.float(Double(bitPattern: raw.reduce(0) { $0 << 8 | UInt64($1) })))
        case 0x58: stack.append(.string(try utf8(length: try length(4))))  // BINUNICODE X
        case 0x8C: stack.append(.string(try utf8(length: Int(try byte()))))  // SHORT_BINUNICODE
        case 0x8D: stack.append(.string(try utf8(length: try length(8))))  // BINUNICODE8
        case 0x55:  // SHORT_BINSTRING U (Python 2 str, read as Latin-1)
            stack.append(.string(try latin1(length: Int(try byte()))))
        case 0x54:  // BINSTRING T
            stack.append(.string(try latin1(length: try length(4))))
        case 0x43: stack.append(.bytes(try skip(Int(try byte()))))  // SHORT_BINBYTES C
        case 0x42: stack.append(.bytes(try skip(try length(4))))  // BINBYTES B
        case 0x8E: stack.append(.bytes(try skip(try length(8))))  // BINBYTES8
        case 0x71: try put(Int(try byte()))  // BINPUT q
        case 0x72: try put(Int(try unsigned(4)))  // LONG_BINPUT r
        case 0x94: try put(memo.count)  // MEMOIZE
        case 0x68: try get(Int(try byte()))  // BINGET h
        case 0x6A: try get(Int(try unsigned(4)))  // LONG_BINGET j
        case 0x30:  // POP 0
            guard stack.count > (marks.last ?? 0) else { throw damaged("POP on an empty stack") }
            stack.removeLast()
        case 0x31: _ = try popToMark()  // POP_MARK 1
        case 0x32:  // DUP 2
            guard let top = stack.last, stack.count > (marks.last ?? 0) else { throw damaged("DUP on an empty stack") }
            stack.append(top)
        case 0x63:  // GLOBAL c
            let module = try line(), name = try line()
            stack.append(.global(try Self.global(module: module, name: name)))
        case 0x93:  // STACK_GLOBAL
            guard stack.count >= (marks.last ?? 0) + 2, case let .string(name) = stack.removeLast(),
                  case let .string(module) = stack.removeLast() else { throw damaged("STACK_GLOBAL without two names") }
            stack.append(.global(try Self.global(module: module, name: name)))
        case 0x52:  // REDUCE R
            guard stack.count >= (marks.last ?? 0) + 2 else { throw damaged("REDUCE with too few values") }
            let arguments = stack.removeLast(), callable = stack.removeLast()
            stack.append(try reduce(callable, arguments))
        case 0x51:  // BINPERSID Q
            guard stack.count > (marks.last ?? 0) else { throw damaged("BINPERSID on an empty stack") }
            stack.append(try persistentLoad(stack.removeLast()))
        case 0x73:  // SETITEM s
            guard stack.count >= (marks.last ?? 0) + 3 else { throw damaged("SETITEM with too few values") }
            let value = stack.removeLast(), key = stack.removeLast()
            guard let target = stack.last else { throw damaged("SETITEM without a dict") }
            try setItems([key, value], into: target)
        case 0x75:  // SETITEMS u
            let items = try popToMark()
            guard let target = stack.last else { throw damaged("SETITEMS without a dict") }
            try setItems(items, into: target)
        case 0x61:  // APPEND a
            guard stack.count >= (marks.last ?? 0) + 2 else { throw damaged("APPEND with too few values") }
            let value = stack.removeLast()
            guard let target = stack.last else { throw damaged("APPEND without a list") }
            try append([value], to: target)
        case 0x65:  // APPENDS e
            let items = try popToMark()
            guard let target = stack.last else { throw damaged("APPENDS without a list") }
            try append(items, to: target)
        case 0x62:  // BUILD b: an OrderedDict's _metadata, or a tensor's attributes; kept as data, unused
            guard stack.count >= (marks.last ?? 0) + 2 else { throw damaged("BUILD with too few values") }
            _ = stack.removeLast()
            guard case let .object(index)? = stack.last, isDictOrTensor(objects[index]) else {
                throw FileProblem(
                    "its pickle sets the state of \(describe(stack.last ?? .none)), which a state_dict never does; "
                        + Self.fix)
            }
        case 0x81, 0x92, 0x6F, 0x69:  // NEWOBJ, NEWOBJ_EX, OBJ, INST
            throw FileProblem("its pickle creates objects of a class (opcode \(Self.hex(opcode))); \(Self.fix)")
        case 0x50:  // PERSID (text)
            throw FileProblem("its pickle uses a text persistent id, which torch.save never writes; \(Self.fix)")
        case 0x82, 0x83, 0x84:  // EXT1, EXT2, EXT4
            throw FileProblem("its pickle uses the extension registry (opcode \(Self.hex(opcode))); \(Self.fix)")
        default:
            throw FileProblem(
                "its pickle holds the opcode \(Self.hex(opcode)) at byte \(position - 1), which a state_dict saved "
                    + "by torch.save never has; \(Self.fix)")
        }
    }

    // MARK: Reading bytes

    private mutating func byte() throws(FileProblem) -> UInt8 {
        guard position < bytes.count else { throw truncated() }
        position += 1
        return bytes[position - 1]
    }

    private mutating func fixed(_ count: Int) throws(FileProblem) -> ArraySlice<UInt8> {
        guard count <= bytes.count - position else { throw truncated() }
        position += count
        return bytes[(position - count)..<position]
    }

    /// A little-endian length of `size` bytes, which must fit in what remains.
    private mutating func length(_ size: Int) throws(FileProblem) -> Int {
        let value = try unsigned(size)
        guard value <= UInt64(bytes.count - position) else { throw truncated() }
        return Int(value)
    }

    /// A little-endian unsigned number of `size` bytes (at most 8).
    private mutating func unsigned(_ size: Int) throws(FileProblem) -> UInt64 {
        var value: UInt64 = 0
        for byte in try fixed(size).reversed() { value = value << 8 | UInt64(byte) }
        return value
    }

    private mutating func skip(_ count: Int) throws(FileProblem) -> Int {
        _ = try fixed(count)
        return count
    }

    private mutating func utf8(length: Int) throws(FileProblem) -> String {
        let raw = try fixed(length)
        guard let text = String(validating: raw, as: UTF8.self) else {
            throw FileProblem("its pickle holds a string that is not UTF-8 at byte \(position - length); the file is damaged")
        }
        return text
    }

    private mutating func latin1(length: Int) throws(FileProblem) -> String {
        String(String.UnicodeScalarView(try fixed(length).map { Unicode.Scalar($0) }))
    }

    /// The longest module or name a GLOBAL may give (real ones are a few dozen bytes).
    static let maximumNameLength = 256

    /// A newline-terminated ASCII line (GLOBAL's module and name), at most ``maximumNameLength`` bytes.
    private mutating func line() throws(FileProblem) -> String {
        let start = position
        while position < bytes.count, bytes[position] != 0x0A {
            position += 1
            guard position - start <= Self.maximumNameLength else {
                throw damaged("a GLOBAL name longer than \(Self.maximumNameLength) bytes")
            }
        }
        guard position < bytes.count else { throw truncated() }
        position += 1
        return String(decoding: bytes[start..<(position - 1)], as: UTF8.self)
    }

    /// Little-endian two's complement of `length` bytes.
    private mutating func long(length: Int) throws(FileProblem) -> Value {
        let raw = Array(try fixed(length))
        guard length <= 8 else { return .bigInt(raw) }
        guard length > 0 else { return .int(0) }
        var value: UInt64 = 0
        for byte in raw.reversed() { value = value << 8 | UInt64(byte) }
        if length < 8, raw[length - 1] & 0x80 != 0 { value |= ~0 << UInt64(8 * length) }
        return .int(Int(Int64(bitPattern: value)))
    }

    // MARK: The stack, the memo and the arena

    private mutating func newObject(_ object: Object) -> Value {
        objects.append(object)
        return .object(objects.count - 1)
    }

    private mutating func popToMark() throws(FileProblem) -> [Value] {
        guard let mark = marks.popLast() else { throw damaged("no MARK where one is needed") }
        let items = Array(stack[mark...])
        stack.removeLast(stack.count - mark)
        return items
    }

    private mutating func put(_ index: Int) throws(FileProblem) {
        guard let top = stack.last, stack.count > (marks.last ?? 0) else { throw damaged("a memo entry with nothing to keep") }
        memo[index] = top
    }

    private mutating func get(_ index: Int) throws(FileProblem) {
        guard let value = memo[index] else { throw damaged("a memo entry \(index) that was never stored") }
        stack.append(value)
    }

    private mutating func setItems(_ items: [Value], into target: Value) throws(FileProblem) {
        guard items.count % 2 == 0 else { throw damaged("a dict item without its value") }
        guard case let .object(index) = target, case var .dict(dictionary) = objects[index] else {
            throw FileProblem("its pickle sets items of \(describe(target)), not of a dict; \(Self.fix)")
        }
        objects[index] = .tuple([])  // lets `dictionary` be changed in place
        for pair in stride(from: 0, to: items.count, by: 2) {
            let key = items[pair], value = items[pair + 1]
            if case let .string(text) = key {
                if let existing = dictionary.stringIndex[text] {
                    dictionary.values[existing] = value
                    if dictionary.repeatedKey == nil { dictionary.repeatedKey = text }
                    continue
                }
                dictionary.stringIndex[text] = dictionary.keys.count
            }
            dictionary.keys.append(key)
            dictionary.values.append(value)
        }
        objects[index] = .dict(dictionary)
    }

    private mutating func append(_ items: [Value], to target: Value) throws(FileProblem) {
        guard case let .object(index) = target, case var .list(list) = objects[index] else {
            throw FileProblem("its pickle appends to \(describe(target)), not to a list; \(Self.fix)")
        }
        objects[index] = .tuple([])
        list.append(contentsOf: items)
        objects[index] = .list(list)
    }

    private func isDictOrTensor(_ object: Object) -> Bool {
        switch object {
        case .dict, .tensor: return true
        default: return false
        }
    }

    // MARK: Globals, REDUCE and persistent ids

    /// The fix for anything that is not a plain state_dict.
    static let fix = "gruscope reads a state_dict saved with torch.save(model.state_dict(), \"gru.pth\")"

    /// The allowed globals; anything else ends the reading, naming what was found.
    static func global(module: String, name: String) throws(FileProblem) -> Global {
        switch (module, name) {
        case ("collections", "OrderedDict"): return .orderedDict
        case ("torch._utils", "_rebuild_tensor_v2"): return .rebuildTensor
        case ("torch._utils", "_rebuild_parameter"): return .rebuildParameter
        case ("torch", _):
            let floats: [String: StoredFloat] = [
                "FloatStorage": .float32, "DoubleStorage": .float64, "HalfStorage": .float16, "BFloat16Storage": .bfloat16,
            ]
            let others: [String: Int] = [
                "LongStorage": 8, "IntStorage": 4, "ShortStorage": 2, "CharStorage": 1, "ByteStorage": 1,
                "BoolStorage": 1, "ComplexFloatStorage": 8, "ComplexDoubleStorage": 16,
            ]
            if let type = floats[name] { return .storageType(name: name, type: type, itemSize: type.size) }
            if let size = others[name] { return .storageType(name: name, type: nil, itemSize: size) }
        default:
            break
        }
        let full = OneLine.quoted(module + "." + name)
        if module.hasPrefix("torch.nn") || module.hasPrefix("__main__") {
            throw FileProblem(
                "it holds a whole pickled model (it names the class \(full)), not a state_dict, and gruscope never "
                    + "runs a pickle; \(fix)")
        }
        throw FileProblem(
            "its pickle names \(full), which a state_dict never needs, and gruscope never runs or imports anything "
                + "from a pickle; \(fix)")
    }

    private mutating func reduce(_ callable: Value, _ arguments: Value) throws(FileProblem) -> Value {
        guard case let .global(global) = callable else {
            throw FileProblem("its pickle calls \(describe(callable)); \(Self.fix)")
        }
        let args = try tuple(arguments, what: "arguments")
        switch global {
        case .orderedDict:
            guard args.isEmpty else { throw damaged("an OrderedDict built from arguments") }
            return newObject(.dict(Dictionary()))
        case .rebuildTensor:
            // (storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])
            guard (6...7).contains(args.count), case let .object(storageIndex) = args[0],
                  case let .storage(storage) = objects[storageIndex], case let .int(offset) = args[1] else {
                throw damaged("_rebuild_tensor_v2 with arguments it does not take")
            }
            let size = try integers(args[2], what: "a tensor's size")
            let stride = try integers(args[3], what: "a tensor's stride")
            return newObject(.tensor(Tensor(storage: storage, layout: TensorLayout(offset: offset, shape: size, strides: stride))))
        case .rebuildParameter:
            guard (2...3).contains(args.count), case let .object(index) = args[0], case .tensor = objects[index] else {
                throw damaged("_rebuild_parameter without a tensor")
            }
            return args[0]
        case let .storageType(name, _, _):
            throw FileProblem("its pickle calls torch.\(OneLine.clean(name)) directly; \(Self.fix)")
        }
    }

    /// `('storage', torch.FloatStorage, key, location, numel)` (zip), with a sixth item in
    /// legacy files (a view of another storage, None unless saved by a very old PyTorch).
    private mutating func persistentLoad(_ id: Value) throws(FileProblem) -> Value {
        let items = try tuple(id, what: "a persistent id")
        guard persistentIDLength.contains(items.count), case .string("storage") = items[0],
              case let .global(.storageType(name, type, itemSize)) = items[1],
              case let .string(key) = items[2], case let .int(count) = items[4], count >= 0 else {
            throw FileProblem("its pickle refers to outside data that is not a tensor storage; \(Self.fix)")
        }
        if items.count == 6, items[5] != .none {
            throw FileProblem(
                "it stores tensors as views of other storages, as only very old PyTorch versions did; load it and "
                    + "save it again with a current PyTorch: torch.save(torch.load(\"old.pt\"), \"gru.pth\")")
        }
        return newObject(.storage(Storage(key: key, typeName: name, type: type, itemSize: itemSize, count: count)))
    }

    private func tuple(_ value: Value, what: String) throws(FileProblem) -> [Value] {
        guard case let .object(index) = value, case let .tuple(items) = objects[index] else {
            throw damaged("\(what) that is not a tuple")
        }
        return items
    }

    private func integers(_ value: Value, what: String) throws(FileProblem) -> [Int] {
        var result: [Int] = []
        for item in try tuple(value, what: what) {
            guard case let .int(number) = item else { throw damaged("\(what) that is not whole numbers") }
            result.append(number)
        }
        return result
    }

    // MARK: Messages

    /// A value as a message names it.
    func describe(_ value: Value) -> String {
        switch value {
        case .none: return "None"
        case .bool: return "a boolean"
        case .int, .bigInt: return "an integer"
        case .float: return "a float"
        case .string: return "a string"
        case .bytes: return "a bytes object"
        case .global: return "a class"
        case let .object(index):
            switch objects[index] {
            case .tuple: return "a tuple"
            case .list: return "a list"
            case .dict: return "a dict"
            case .storage: return "a storage"
            case .tensor: return "a tensor"
            }
        }
    }

    private func damaged(_ what: String) -> FileProblem {
        FileProblem("its pickle is damaged: \(what) at byte \(max(0, position - 1)); save the state_dict again")
    }

    private func truncated() -> FileProblem {
        FileProblem("its pickle is cut off at byte \(position); the file is truncated")
    }

    private static func hex(_ byte: UInt8) -> String {
        "0x" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
    }
}
