import ConsoleUI

/// The catalogue entries the scripting CLI runs: each write subcommand is named after one, and its help is the
/// entry's title and help, so the console and the CLI describe an action in the same words.
enum ScriptCatalogue {
    /// "Roll the token: …" for `tokens.roll`: the entry's title and one-line help.
    static func abstract(_ id: String) -> String {
        guard let action = ActionCatalogue.standard[ActionID(id)] else { return id }
        return "\(action.title) (\(id))."
    }
}
