// swift-tools-version:6.0
// The manifest keeps arrows pointing down: GRUCore knows nothing above it and only
// Terminal links ncurses (see README "Architecture").
import PackageDescription

let package = Package(
    name: "gruscope",
    products: [
        .executable(name: "gruscope", targets: ["gruscope"]),
        // The modules as one library, for the fuzz targets in Fuzz/ (a package of its own, built
        // with --sanitize=fuzzer; see Fuzz/README.md). The program does not use it.
        .library(
            name: "GruscopeModules",
            targets: ["GRUCore", "WeightFiles", "Localization", "Script", "Widgets", "Themes", "Teaching", "TerminalInput", "App", "Terminal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // The runtime library only: Sources/WeightFiles/ONNX/onnx.pb.swift is generated once by
        // scripts/generate-onnx-proto and committed, so the protoc plugin is never built here.
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
    ],
    targets: [
        // The cell's hot loops in C, compiled for SSE2, AVX2 and AVX-512 in one binary and picked
        // at run time (see Sources/CGRUKernel/include/CGRUKernel.h).
        .target(name: "CGRUKernel"),
        .target(name: "GRUCore", dependencies: ["CGRUKernel"]),
        // The system's zlib, for .npz entries: inflate and CRC-32.
        .systemLibrary(name: "CZlibSystem", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "WeightFiles",
            dependencies: ["GRUCore", "CZlibSystem", .product(name: "SwiftProtobuf", package: "swift-protobuf")]
        ),
        // Text for people: languages and catalogues, number spelling, display width, Unicode
        // or ASCII glyphs, user-facing errors and safe echoes of what users typed.
        .target(name: "Localization", dependencies: []),
        .target(
            name: "Script",
            dependencies: ["GRUCore", "WeightFiles", "Localization"]
        ),
        .target(name: "Widgets", dependencies: ["Localization"]),
        .target(
            name: "Themes",
            dependencies: ["Widgets", "Localization"]
        ),
        .target(
            name: "Teaching",
            dependencies: ["GRUCore", "Script", "Localization"]
        ),
        // What a terminal sends, as keys and mouse actions: the Key type and the byte decoder
        // that reads escape sequences whole, below both the screen's model and the terminal.
        .target(name: "TerminalInput"),
        .target(name: "App", dependencies: ["GRUCore", "Script", "Widgets", "Teaching", "Localization", "TerminalInput"]),
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .target(name: "CTerminalSupport"),
        .target(name: "Terminal", dependencies: ["CNcursesw", "CTerminalSupport", "TerminalInput", "Widgets", "Themes", "Localization"]),
        .executableTarget(
            name: "gruscope",
            dependencies: [
                "GRUCore", "WeightFiles", "Localization", "Script", "Themes", "Teaching", "TerminalInput", "App", "Terminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "GRUCoreTests", dependencies: ["GRUCore"]),
        .testTarget(
            name: "WeightFilesTests",
            dependencies: ["WeightFiles", "GRUCore"]
        ),
        .testTarget(name: "LocalizationTests", dependencies: ["Localization"]),
        .testTarget(name: "ScriptTests", dependencies: ["Script", "GRUCore", "WeightFiles", "Localization"]),
        .testTarget(name: "WidgetsTests", dependencies: ["Widgets", "Localization"]),
        .testTarget(name: "ThemesTests", dependencies: ["Themes", "Widgets", "Localization"]),
        .testTarget(name: "TeachingTests", dependencies: ["Teaching", "Script", "GRUCore", "Localization"]),
        .testTarget(
            name: "AppTests",
            dependencies: ["App", "Widgets", "Themes", "Script", "GRUCore", "Localization", "Teaching", "TerminalInput", "WeightFiles"]
        ),
        .testTarget(name: "TerminalInputTests", dependencies: ["TerminalInput"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "TerminalInput", "Widgets", "Themes", "Localization"]),
        .testTarget(name: "EndToEndTests", dependencies: ["gruscope"]),
        // The README's limits table against the constants in the code.
        .testTarget(name: "LimitsTests", dependencies: ["GRUCore", "WeightFiles", "Script", "Teaching", "Themes", "Widgets", "Localization", "App", "TerminalInput"]),
        // The trained example models of examples/ against PyTorch's traces and their own metadata.
        .testTarget(
            name: "ExampleModelTests",
            dependencies: ["GRUCore", "WeightFiles", "Script"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
