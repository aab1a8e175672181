import Foundation

/// A setting given on the command line, `--set block.key=value`: the value in the file's own
/// syntax (sweeps allowed), replacing the file's statement of that key or adding it.
///
/// ```
/// mesascope run s.mesa --set bias.description_length=0.05 --set 'environment.maze=9 x 9'
/// ```
public struct SettingOverride: Sendable, Hashable {
    public var block: String
    public var key: String
    public var value: String

    /// `block.key=value`, or nil when the argument does not have that shape.
    public init?(argument: String) {
        guard let equals = argument.firstIndex(of: "=") else { return nil }
        let name = argument[..<equals]
        guard let dot = name.firstIndex(of: "."), dot != name.startIndex, name.index(after: dot) != name.endIndex else {
            return nil
        }
        block = String(name[..<dot])
        key = String(name[name.index(after: dot)...])
        value = String(argument[argument.index(after: equals)...])
        guard !key.contains("."), !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
    }

    /// The argument as written on the command line.
    public var argument: String { "\(block).\(key)=\(value)" }

    /// What the parser reads: the statement `key value`.
    var statementText: String { "\(key) \(value)" }

    /// How diagnostics name the override's text.
    public var label: String { "--set \(argument)" }
}
