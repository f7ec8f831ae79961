// swift-tools-version:6.0
import PackageDescription

/// mimalloc (Debian `libmimalloc-dev`) replaces glibc's malloc in the executables: a site is
/// millions of small strings and arrays allocated and freed on every core, and glibc's malloc
/// spent a fifth of a lint run; mimalloc cuts the run's CPU time by about a tenth.
let fastAllocator: [LinkerSetting] = [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]

let package = Package(
    name: "docgen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "docgen", targets: ["docgen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Named by docgen serve, which Hummingbird already depends on.
        .package(url: "https://github.com/apple/swift-log", from: "1.14.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
    ],
    targets: [
        // The one C boundary: libcmark-gfm and its GFM extensions from Debian.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "DocgenMarkup", dependencies: ["CCmarkGFM", "CDocgenSystem"]),
        // Atomic directory exchange for swapping a built site into place, memmem, and a thread's priority.
        .target(name: "CDocgenSystem"),
        .target(name: "DocgenCore", dependencies: ["DocgenMarkup", "Yams"]),
        .target(name: "DocgenLint", dependencies: ["DocgenCore"]),
        .target(
            name: "DocgenRender",
            dependencies: ["DocgenCore", "CDocgenSystem", .product(name: "Mustache", package: "swift-mustache")]
        ),
        // The pipeline the three commands share: load, check, render, write, and the run cache's entries.
        .target(name: "DocgenEngine", dependencies: ["DocgenCore", "DocgenLint", "DocgenRender"]),
        .target(
            name: "DocgenServe",
            dependencies: [
                "CDocgenSystem", "DocgenEngine", "DocgenLint", "DocgenRender", .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"), .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "DocgenCommandLine",
            dependencies: [
                "DocgenCore", "DocgenEngine", "DocgenLint", "DocgenRender", "DocgenServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "docgen", dependencies: ["DocgenCommandLine"], linkerSettings: fastAllocator),
        .executableTarget(
            name: "docgen-bench",
            dependencies: ["DocgenCore", "DocgenEngine", "DocgenLint", "DocgenRender"],
            path: "Benchmarks/docgen-bench",
            linkerSettings: fastAllocator
        ),
        // What the fuzz targets run, also used by the test that replays their crash reproducers.
        .target(name: "DocgenFuzzing", dependencies: ["DocgenCore", "DocgenEngine", "DocgenLint", "DocgenRender"]),
        .target(name: "DocgenTestSupport", dependencies: ["DocgenCore", "DocgenLint", "DocgenMarkup"], path: "Tests/DocgenTestSupport"),
        .testTarget(name: "DocgenMarkupTests", dependencies: ["DocgenMarkup", "DocgenTestSupport"]),
        .testTarget(name: "DocgenCoreTests", dependencies: ["DocgenCore", "DocgenTestSupport"]),
        .testTarget(name: "DocgenLintTests", dependencies: ["DocgenLint", "DocgenTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "DocgenRenderTests", dependencies: ["DocgenRender", "DocgenTestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "DocgenCommandLineTests",
            dependencies: ["DocgenCommandLine", "DocgenServe", "DocgenFuzzing", "DocgenTestSupport"],
            exclude: ["Fixtures"]
        ),
    ]
)

// libFuzzer targets, only in the fuzz build (scripts/fuzz.sh sets DOCGEN_FUZZ=1 and builds with
// -sanitize=fuzzer,address): without libFuzzer's main they do not link.
if Context.environment["DOCGEN_FUZZ"] == "1" {
    package.targets.append(.target(name: "CLibFuzzer", path: "Fuzz/CLibFuzzer"))
    for (name, folder) in [("docgen-fuzz-page", "Fuzz/docgen-fuzz-page"), ("docgen-fuzz-site", "Fuzz/docgen-fuzz-site")] {
        package.targets.append(.executableTarget(name: name, dependencies: ["CLibFuzzer", "DocgenFuzzing"], path: folder))
    }
}
