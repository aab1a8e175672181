import MesaResults
import MesaScenario

/// Settings are per world (`environment { world regression }`): a key means what its world says,
/// and a key, block or optimizer of another world is a diagnostic at its line.
extension Validator {
    /// The world the file names (`maze` when it names none or names one that does not exist, which
    /// the `world` statement's own check reports), and where it is named.
    static func declaredWorld(_ file: FileSyntax) -> (world: World, range: SourceRange?) {
        for case .block(let block) in file.items where block.name == "environment" {
            for statement in block.statements where statement.key == "world" {
                if statement.values.count == 1, case .scalar(let scalar) = statement.values[0],
                   let word = scalar.word, let world = World(rawValue: word) {
                    return (world, statement.keyRange)
                }
                return (.maze, statement.keyRange)
            }
        }
        return (.maze, nil)
    }

    /// Where the note of a world diagnostic points the reader.
    var worldNote: Diagnostic.Note {
        if let worldRange {
            return Diagnostic.Note("this file's world is \(world.rawValue), set here", range: worldRange)
        }
        return Diagnostic.Note("this file names no world, so it is the maze world; 'world regression' in 'environment' selects the regression world")
    }

    /// An error when `block` has no key in this file's world (`bias` in the regression world).
    mutating func refuseBlockOfAnotherWorld(_ block: BlockSyntax) -> Bool {
        guard block.name != "analytic", SettingCatalog.keys(in: block.name, world: world).isEmpty else { return false }
        let homes = World.allCases.filter { !SettingCatalog.keys(in: block.name, world: $0).isEmpty }
        diagnostics.error("block '\(block.name)' belongs to \(homes.map(\.displayName).joined(separator: " and ")), not to \(world.displayName)",
                          at: block.nameRange, notes: [worldNote])
        return true
    }

    /// The error for a key this world lacks: misplaced in another world, another block, or misspelt.
    mutating func reportUnknownKey(_ statement: StatementSyntax, in block: BlockSyntax) {
        let otherWorlds = World.allCases.filter {
            $0 != world && SettingCatalog.key(world: $0, block: block.name, name: statement.key) != nil
        }
        if !otherWorlds.isEmpty {
            diagnostics.error("'\(statement.key)' is a key of \(otherWorlds.map(\.displayName).joined(separator: " and ")), not of \(world.displayName)",
                              at: statement.keyRange, notes: [worldNote])
            return
        }
        // A key that exists, exactly, in another block is more likely misplaced than misspelt: say
        // where it belongs rather than suggest a near name here.
        let homes = SettingCatalog.keys.filter { $0.name == statement.key && $0.worlds.contains(world) }.map { "'\($0.block)'" }
        let notes = homes.isEmpty
            ? Suggestion.note(for: statement.key, among: SettingCatalog.keys(in: block.name, world: world).map(\.name))
            : [Diagnostic.Note("'\(statement.key)' is a key of block\(homes.count > 1 ? "s" : "") \(homes.joined(separator: " and "))")]
        diagnostics.error("unknown key '\(statement.key)' in block '\(block.name)'", at: statement.keyRange, notes: notes)
    }

    /// An error for each optimizer value that does not train this world's models.
    mutating func refuseOptimizersOfAnotherWorld(_ checked: CheckedSetting) -> Bool {
        guard checked.key.qualifiedName == "training.optimizer" else { return true }
        var fits = true
        for case .word(let word) in checked.values {
            guard let optimizer = Optimizer(rawValue: word), !optimizer.applies(to: world) else { continue }
            let fitting = Optimizer.allCases.filter { $0.applies(to: world) }.map { "'\($0.rawValue)'" }
            diagnostics.error("'\(word)' does not train \(world.displayName)'s models; use \(fitting.joined(separator: " or "))",
                              at: checked.statement.valuesRange, notes: [worldNote])
            fits = false
        }
        return fits
    }
}
