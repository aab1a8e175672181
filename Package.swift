// swift-tools-version: 6.0
import PackageDescription

// The module list is the pipeline:
// scenario text (MesaLanguage) → typed scenario (MesaScenario) → runs (MesaEngine)
// → results (MesaResults) → reports (MesaReport), driven by the thin `mesascope` executable.
let package = Package(
    name: "mesascope",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "mesascope", targets: ["mesascope"]),
        .library(name: "MesaLanguage", targets: ["MesaLanguage"]),
        .library(name: "MesaEngine", targets: ["MesaEngine"]),
        .library(name: "MesaReport", targets: ["MesaReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .target(name: "MesaScenario"),
        .target(name: "MesaLanguage", dependencies: ["MesaScenario"]),
        .target(name: "MesaResults"),
        // The analytic model of RLO §2.1, and statistics that turn runs into summaries and findings.
        .target(name: "MesaAnalysis", dependencies: ["MesaScenario", "MesaResults"]),
        .target(name: "MesaEngine", dependencies: ["MesaScenario", "MesaResults", "MesaAnalysis"]),
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(
            name: "MesaReport",
            dependencies: [
                "MesaResults", "CCmarkGFM",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "mesascope",
            dependencies: [
                "MesaLanguage", "MesaEngine", "MesaAnalysis", "MesaReport", "MesaScenario", "MesaResults",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "MesaScenarioTests", dependencies: ["MesaScenario"]),
        .testTarget(name: "MesaLanguageTests", dependencies: ["MesaLanguage", "MesaScenario"]),
        .testTarget(name: "MesaAnalysisTests", dependencies: ["MesaAnalysis", "MesaScenario", "MesaResults"]),
        .testTarget(name: "MesaEngineTests", dependencies: ["MesaEngine", "MesaScenario", "MesaResults", "MesaLanguage"]),
        .testTarget(name: "MesaReportTests", dependencies: ["MesaReport", "MesaResults"]),
        // Runs the built `mesascope` binary: exit codes, diagnostics, reports on disk.
        .testTarget(name: "mesascopeTests", dependencies: ["mesascope"]),
    ]
)
