import Foundation

/// Finds scenario files: each argument is a `.mesa` file or a folder searched (not recursively)
/// for `*.mesa`, in name order so runs and indexes are deterministic.
enum ScenarioFiles {
    struct NotFound: Error, CustomStringConvertible {
        let path: String
        var description: String { "error: no such file or folder: \(path)" }
    }

    static func resolve(_ arguments: [String]) throws -> [String] {
        var files: [String] = []
        for argument in arguments {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder) else {
                throw NotFound(path: argument)
            }
            if isFolder.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: argument)
                files += names.filter { $0.hasSuffix(".mesa") }.sorted().map {
                    URL(fileURLWithPath: argument).appendingPathComponent($0).relativePath
                }
            } else {
                files.append(argument)
            }
        }
        return files
    }
}
