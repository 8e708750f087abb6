import Foundation
import GRUCore

/// Reads the weights of one GRU cell from a file as TensorFlow, Keras, PyTorch and numpy save
/// them: the format is told from the content (``WeightFormat``), every cell is catalogued
/// (``WeightCatalogue``), and the one a ``CellSelection`` picks is decoded and packed.
///
/// The framework is stated by a JSON file's `"variant"` or recognised from the array names
/// (with whatever prefix and suffix an export adds: `rnn/gru_cell/gates/kernel:0`,
/// `gru.weight_ih_l0`, `model.layers.0.cell.recurrent_kernel`); I and H come from the shapes,
/// and every shape is checked. Arrays that belong to no GRU are ignored.
public enum WeightFile {
    /// Larger files are refused before they are read.
    public static let maximumFileSize = 256 << 20
    /// An archive whose entries would unpack to more than this is refused, both by its declared
    /// sizes and while unpacking.
    public static let maximumUnpackedSize = 1 << 30

    /// Loads the cell `selection` picks from a weight file of any format gruscope reads.
    ///
    /// - Parameter path: the file, as the user gave it (messages start with it).
    public static func load(path: String, selection: CellSelection = CellSelection()) throws(WeightFileError) -> LoadedWeights {
        do throws(FileProblem) {
            return try load(bytes: try readFile(path), name: path, selection: selection)
        } catch {
            throw WeightFileError(message: error.message(file: path))
        }
    }

    /// Loads the cell `selection` picks from bytes already in memory (weights embedded in the
    /// binary, such as the trained examples); `name` names them in messages.
    public static func load(embedded bytes: [UInt8], name: String, selection: CellSelection = CellSelection()) throws(WeightFileError) -> LoadedWeights {
        do throws(FileProblem) {
            return try load(bytes: bytes, name: name, selection: selection)
        } catch {
            throw WeightFileError(message: error.message(file: name))
        }
    }

    /// Loads the GRU `prefix` picks (layer 0, forward, when it has several cells).
    public static func load(path: String, prefix: String?) throws(WeightFileError) -> LoadedWeights {
        try load(path: path, selection: CellSelection(prefix: prefix))
    }

    /// Every GRU cell the file holds.
    public static func catalogue(path: String) throws(WeightFileError) -> WeightCatalogue {
        do throws(FileProblem) {
            let bytes = try readFile(path)
            return try catalogue(bytes: bytes, name: path)
        } catch {
            throw WeightFileError(message: error.message(file: path))
        }
    }

    /// The catalogue of a file's bytes, with no file system involved (fuzz targets call this).
    ///
    /// - Parameter name: the path, which only tells a TensorFlow checkpoint's data shard and
    ///   goes into its message.
    static func catalogue(bytes: [UInt8], name: String) throws(FileProblem) -> WeightCatalogue {
        let format = WeightFormat.detect(bytes, name: name)
        return WeightCatalogue(format: format, cells: try format.cells(in: bytes, name: name))
    }

    /// Loads a cell from a file's bytes (fuzz targets call this).
    static func load(bytes: [UInt8], name: String, selection: CellSelection) throws(FileProblem) -> LoadedWeights {
        // The file's bytes are gone once the chosen arrays are decoded, before the weights are
        // packed: at H=1024 that keeps a 19 MB file out of the peak.
        let (decoded, info, arrayNames, others, format, notes) = try { () throws(FileProblem) in
            let catalogue = try catalogue(bytes: bytes, name: name)
            let (cell, others) = try catalogue.select(selection)
            return (try cell.decode(), cell.info, cell.arrayNames, others, catalogue.format, cell.notes)
        }()
        let weights = try decoded.weights()
        return LoadedWeights(
            weights: weights, path: name, cell: info, format: format, arrayNames: arrayNames, otherCells: others,
            initialState: decoded.initialState, notes: notes)
    }

    /// A fuzz target's way into the restricted unpickler alone: `bytes` read as a state_dict's
    /// data.pkl. Returns the number of tensors found.
    public static func exercisePickle(_ bytes: [UInt8]) -> Int {
        var unpickler = RestrictedUnpickler(bytes: bytes)
        guard let value = try? unpickler.load() else { return 0 }
        return (try? TorchStateDict.flatten(value, in: unpickler).names.count) ?? 0
    }

    /// Bytes-in entry points for fuzz targets: a catalogue, then every cell loaded, each
    /// failure a message. Returns the number of cells that loaded.
    public static func exercise(_ bytes: [UInt8], name: String = "fuzz") -> Int {
        guard let catalogue = try? catalogue(bytes: bytes, name: name) else { return 0 }
        var loaded = 0
        for cell in catalogue.cells {
            if let decoded = try? cell.decode(), (try? decoded.weights()) != nil { loaded += 1 }
        }
        return loaded
    }

    /// Why a file could not be read, from the system's error number, with what to check.
    static func unreadable(_ code: Int32) -> FileProblem {
        let reason = String(cString: strerror(code))
        if code == EACCES || code == EPERM {
            return FileProblem("cannot read it: \(reason); check the permissions of the file and of its folders (ls -l)")
        }
        return FileProblem("cannot read it: \(reason)")
    }

    /// The file's bytes, refusing what is missing, not a file, or too large, before reading it.
    private static func readFile(_ path: String) throws(FileProblem) -> [UInt8] {
        var info = stat()
        guard !path.isEmpty, stat(path, &info) == 0 else {
            let code = path.isEmpty ? ENOENT : errno
            throw code == ENOENT ? FileProblem("no such file") : unreadable(code)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw FileProblem("is a directory, not a weight file")
        default: throw FileProblem("is not a regular file (a device, pipe or socket); give a weight file")
        }
        let limit = maximumFileSize
        guard Int(info.st_size) <= limit else {
            throw FileProblem(
                "the file has \(info.st_size) bytes (\(ByteCount.text(Int(info.st_size)))), more than the "
                    + "\(ByteCount.text(limit)) gruscope reads; "
                    + "one GRU's weights are far smaller, so check that this is the right file")
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw unreadable(errno) }
        defer { close(descriptor) }
        // Read straight into the array (through Data it was two copies of a 19 MB file); one
        // byte past the size stat gave tells a file that grew since from one that did not.
        let expected = Int(info.st_size)
        let (bytes, failure) = readBytes(descriptor, offset: 0, count: expected + 1)
        if failure != 0 { throw unreadable(failure) }
        guard bytes.count <= expected else {
            throw FileProblem("the file changed while gruscope read it; try again once it is written")
        }
        return bytes
    }
}

/// Up to `count` bytes of the open file `descriptor` from byte `offset`, read straight into the
/// array and retrying interrupted reads; fewer when the file ends first, with the errno of a read
/// that failed (0 when none did). The one read loop of the weight files: whole files
/// (``WeightFile``) and an ONNX model's external data.
func readBytes(_ descriptor: Int32, offset: Int, count: Int) -> (bytes: [UInt8], failure: Int32) {
    var failure: Int32 = 0
    let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, done in
        done = 0
        if let base = buffer.baseAddress { LargeBuffer.adviseHugePages(base, byteCount: count) }
        while done < count {
            let got = pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset + done))
            if got > 0 {
                done += got
            } else if got == 0 {
                break
            } else if errno != EINTR {
                failure = errno
                break
            }
        }
    }
    return (bytes, failure)
}
