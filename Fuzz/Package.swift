// swift-tools-version:6.0
// The fuzz targets, a package of their own so the main build is untouched: it depends on the
// main package by path and is always built with libFuzzer,
//
//     swift build --package-path Fuzz --sanitize=fuzzer -c release
//
// (scripts/fuzz does that and runs them; Fuzz/README.md explains how to add a target).
//
// Every folder in Targets/ is one target, an executable named `fuzz-FOLDER` whose one Swift
// file defines `LLVMFuzzerTestOneInput`; its seed corpus is Corpus/FOLDER. Adding a folder is
// all it takes to add a target.
import Foundation
import PackageDescription

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
let names = ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Targets").path)) ?? [])
    .filter { !$0.hasPrefix(".") }
    .sorted()

let package = Package(
    name: "gruscope-fuzz",
    dependencies: [
        .package(name: "gruscope", path: ".."),
    ],
    targets: [
        .target(name: "FuzzSupport"),
    ] + names.map { name in
        .executableTarget(
            name: "fuzz-" + name,
            dependencies: ["FuzzSupport", .product(name: "GruscopeModules", package: "gruscope")],
            path: "Targets/" + name)
    },
    swiftLanguageModes: [.v6]
)
