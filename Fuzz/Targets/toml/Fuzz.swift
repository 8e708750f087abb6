import FuzzSupport
import Localization

/// gruscope's TOML reader alone, on any text: no trap, no deep recursion, and what it reads
/// survives a round trip. Each top-level value, written back as TOML (`debugDescription`: one
/// line, inline tables, escaped strings), reads back to the same value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = fuzzText(data, size)
    guard let table = try? TOMLParser.parse(text) else { return 0 }
    let written = table.map { key, value in TOMLValue.table(singleEntry(key, value)).debugDescription.dropFirst(2).dropLast(2) + "\n" }
        .joined()
    let again: TOMLTable
    do {
        again = try TOMLParser.parse(written)
    } catch {
        fuzzCheck(false, "the reader refused what it wrote: \(error.message) (line \(error.line))")
        return 0
    }
    fuzzCheck(TOMLValue.table(again).debugDescription == TOMLValue.table(table).debugDescription, "a round trip changed a value")
    return 0
}

private func singleEntry(_ key: String, _ value: TOMLValue) -> TOMLTable {
    var table = TOMLTable()
    table[key] = value
    return table
}
