import APICore
import ConsoleModel

/// The `:` palette: every action offered where the user is, matched fuzzily on its id, its title and its command word
/// (the typed letters in order, anywhere), with the rest of the line as its argument (`:theme light`).
public enum CommandPalette {
    /// The actions offered in `context` that match what was typed (its first word), best first.
    public static func matches(_ typed: String, in context: ActionContext, catalogue: ActionCatalogue = .standard)
        -> [ConsoleAction]
    {
        let offered = catalogue.actions.filter { $0.isOffered(in: context) }
        let word = typed.split(separator: " ", maxSplits: 1).first.map(String.init)?.lowercased() ?? ""
        guard !word.isEmpty else { return offered.filter { $0.command != nil } + offered.filter { $0.command == nil } }
        let scored = offered.enumerated().compactMap { index, action -> (ConsoleAction, Int, Int)? in
            let scores = [
                action.command.flatMap { score(word, in: $0.word) }, score(word, in: action.id.rawValue.lowercased()),
                score(word, in: action.title.lowercased()).map { $0 - 50 },
            ]
            return scores.compactMap { $0 }.max().map { (action, $0, index) }
        }
        return scored.sorted { ($0.1, -$0.2) > ($1.1, -$1.2) }.map(\.0)
    }

    /// The argument after the command word.
    public static func argument(_ typed: String) -> String? {
        let parts = typed.split(separator: " ", maxSplits: 1)
        return parts.count > 1 ? String(parts[1]).trimmingCharacters(in: .whitespaces) : nil
    }

    /// How an action is named on its palette line: its command word and argument, else its id.
    public static func name(of action: ConsoleAction) -> String {
        guard let command = action.command else { return action.id.rawValue }
        return command.argument.map { "\(command.word) \($0)" } ?? command.word
    }

    /// Subsequence score: higher for a prefix and for adjacent letters; nil when the letters do not all appear.
    static func score(_ typed: String, in name: String) -> Int? {
        // An exact name wins over a longer one it begins ("account" over "accounts").
        var score = name == typed ? 1_000 : name.hasPrefix(typed) ? 100 : 0
        var position = name.startIndex
        var previous: String.Index?
        for character in typed {
            guard let found = name[position...].firstIndex(of: character) else { return nil }
            if let previous, name.index(after: previous) == found { score += 5 }
            score += 1
            previous = found
            position = name.index(after: found)
        }
        return score
    }
}
