import FuzzSupport
import Script

/// A trained example's model.toml (examples/README.md): any bytes, read strictly. An accepted
/// file has every text in both languages and at most the documented number of entries.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    guard let text = String(validating: input.remaining, as: UTF8.self),
          let model = try? ExampleModel.parse(text, file: "fuzz.toml")
    else { return 0 }
    fuzzCheck(!model.title.en.isEmpty && !model.title.zh.isEmpty, "a title is missing a language")
    fuzzCheck(model.sequences.count <= ExampleModel.largestList && model.units.count <= ExampleModel.largestList, "a list past the limit")
    fuzzCheck(model.vocabulary != nil || !model.inputs.isEmpty, "neither inputs nor a vocabulary")
    for unit in model.units {
        for check in unit.checks { fuzzCheck(ExampleModel.quantities.contains(check.quantity), "an unknown quantity was accepted") }
    }
    return 0
}
