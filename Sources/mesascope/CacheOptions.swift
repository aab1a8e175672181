import ArgumentParser
import Foundation
import MesaEngine
import MesaPipeline

/// The run-cache options of the commands that simulate (docs/cache.md).
struct CacheOptions: ParsableArguments {

    @Option(name: .customLong("cache"), help: ArgumentHelp(
        "The run cache folder (default: $MESASCOPE_CACHE, else $XDG_CACHE_HOME/mesascope, else ~/.cache/mesascope).",
        valueName: "dir"))
    var directory: String?

    @Flag(name: .customLong("no-cache"), help: "Simulate every run and keep none.")
    var disabled = false

    func validate() throws {
        if disabled, directory != nil { throw ValidationError("--cache and --no-cache cannot be used together") }
    }

    /// The cache, unless disabled.
    var cache: RunCache? {
        disabled ? nil : RunCache(directory: location)
    }

    var location: URL { Self.location(directory) }

    /// `directory`, or the default folder.
    static func location(_ directory: String?) -> URL {
        directory.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? RunCache.defaultDirectory()
    }
}
