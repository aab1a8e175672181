// swift-tools-version: 6.0
import PackageDescription

// The module list is the pipeline, and dependencies point one way (docs/architecture.md):
//
//   MesaResults   the contract: run records, the metric registry, predictions, results.json
//   MesaScenario  the typed scenario                                   → MesaResults
//   MesaLanguage  scenario text → typed scenario, diagnostics          → MesaScenario, MesaResults
//   MesaAnalytic  the analytic model of RLO §2.1                       → MesaScenario, MesaResults
//   MesaEngine    environments, models, optimizers, sweeps → runs      → MesaScenario, MesaResults
//   MesaAnalysis  runs → summaries, statistics, findings (sentences)   → MesaResults
//   MesaReport    results → Markdown, SVG, HTML (cmark-gfm, Mustache)  → MesaResults
//   MesaPipeline  compile → sweep → analyse → write; render; run cache → all of the above
//   MesaPreview   the live preview: watcher, HTTP server (FlyingFox)   → MesaPipeline
//   mesascope     the thin command line                                 → MesaPipeline
let package = Package(
    name: "mesascope",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "mesascope", targets: ["mesascope"]),
        .library(name: "MesaPipeline", targets: ["MesaPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .target(name: "MesaResults"),
        .target(name: "MesaScenario", dependencies: ["MesaResults"]),
        .target(name: "MesaLanguage", dependencies: ["MesaScenario", "MesaResults"]),
        .target(name: "MesaAnalytic", dependencies: ["MesaScenario", "MesaResults"]),
        .target(name: "MesaEngine", dependencies: ["MesaScenario", "MesaResults", "MesaLearning"]),
        .target(name: "MesaAnalysis", dependencies: ["MesaResults"]),
        // Learned worlds' numerics: random streams, Adam, the regression world and its learner,
        // hand-written gradients. Depends on nothing, so it can be tested and benchmarked alone.
        .target(name: "MesaLearning"),
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
        .target(
            name: "MesaPipeline",
            dependencies: ["MesaResults", "MesaScenario", "MesaLanguage", "MesaAnalytic", "MesaEngine",
                           "MesaAnalysis", "MesaReport"]
        ),
        .target(
            name: "MesaPreview",
            dependencies: ["MesaPipeline", "MesaLanguage", "MesaEngine",
                           .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .executableTarget(
            name: "mesascope",
            dependencies: [
                "MesaPipeline", "MesaPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "MesaResultsTests", dependencies: ["MesaResults"]),
        .testTarget(name: "MesaScenarioTests", dependencies: ["MesaScenario"]),
        .testTarget(name: "MesaLanguageTests", dependencies: ["MesaLanguage", "MesaScenario", "MesaResults"]),
        .testTarget(name: "MesaAnalyticTests", dependencies: ["MesaAnalytic", "MesaScenario", "MesaResults"]),
        // Statistics/Fixtures holds reference values from statsmodels and firthmodels, read from
        // the source tree; Statistics/make_fixtures.py regenerates them.
        .testTarget(name: "MesaAnalysisTests", dependencies: ["MesaAnalysis", "MesaResults"],
                    exclude: ["Statistics/Fixtures", "Statistics/make_fixtures.py"]),
        .testTarget(name: "MesaEngineTests", dependencies: ["MesaEngine", "MesaScenario", "MesaResults", "MesaLanguage"]),
        .testTarget(name: "MesaLearningTests", dependencies: ["MesaLearning"]),
        // Helpers shared by the test targets (a headless browser), built only for tests.
        .target(name: "MesaTestSupport", path: "Tests/MesaTestSupport"),
        .testTarget(name: "MesaReportTests", dependencies: ["MesaReport", "MesaResults", "MesaTestSupport"]),
        .testTarget(name: "MesaPipelineTests",
                    dependencies: ["MesaPipeline", "MesaLanguage", "MesaScenario", "MesaResults", "MesaAnalysis"]),
        .testTarget(name: "MesaPreviewTests", dependencies: ["MesaPreview"]),
        // Runs the built `mesascope` binary: exit codes, diagnostics, reports on disk.
        .testTarget(name: "mesascopeTests", dependencies: ["mesascope", "MesaTestSupport"]),
    ]
)
