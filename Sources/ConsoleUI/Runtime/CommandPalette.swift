import APICore
import Foundation

/// The `:` commands, matched fuzzily (the typed letters in order, anywhere in the name).
public enum CommandPalette {
    /// One palette command.
    public struct Command: Sendable, Hashable {
        public var name: String
        public var help: String
        /// Whether the command takes an argument after a space (`theme light`).
        public var takesArgument: Bool
        /// The command exists only when the provider has one of these; empty means always.
        public var requires: ProviderCapabilities = []
    }

    public static let commands: [Command] = [
        Command(name: "readonly", help: "toggle read-only mode (refuse every write)", takesArgument: false),
        Command(name: "theme", help: "switch theme: theme NAME", takesArgument: true),
        Command(name: "profile", help: "switch profile (and provider): profile NAME", takesArgument: true),
        Command(name: "refresh", help: "reload the current pane from the server", takesArgument: false),
        Command(name: "loadall", help: "load every page of the current pane", takesArgument: false),
        Command(name: "members", help: "members with a status: members pending|accepted|all", takesArgument: true),
        Command(name: "accounts", help: "accounts whose name contains: accounts TEXT", takesArgument: true),
        Command(name: "sent", help: "invitations the scope sent", takesArgument: false),
        Command(name: "received", help: "invitations you received", takesArgument: false, requires: .answerInvitations),
        Command(name: "user", help: "the signed-in user", takesArgument: false),
        Command(
            name: "accept", help: "accept an invitation by the token from its email: accept TOKEN", takesArgument: true,
            requires: .acceptInvitationTokens),
        Command(
            name: "sso", help: "the SSO connection of the organization in scope (or selected)", takesArgument: false,
            requires: .manageSSO),
        Command(name: "audit", help: "audit log of the scope: audit [since YYYY-MM-DD]", takesArgument: true, requires: .readAuditLog),
        Command(name: "billing", help: "billing history and profile", takesArgument: false, requires: .readBilling),
        Command(name: "subs", help: "subscriptions of the scope", takesArgument: false, requires: .readBilling),
        Command(
            name: "account", help: "the account's details · account new NAME · account profile · account move",
            takesArgument: true, requires: .administerAccounts),
        Command(name: "orgs", help: "legacy organizations (leave with D)", takesArgument: false, requires: .leaveOrganizations),
        Command(name: "details", help: "toggle the detail panel", takesArgument: false),
        Command(name: "help", help: "key bindings", takesArgument: false),
        Command(name: "quit", help: "quit orgtui", takesArgument: false),
    ]

    /// Commands the provider has that match what was typed (its first word), best first.
    public static func matches(_ typed: String, capabilities: ProviderCapabilities) -> [Command] {
        let available = commands.filter { $0.requires.isEmpty || !$0.requires.isDisjoint(with: capabilities) }
        let word = typed.split(separator: " ", maxSplits: 1).first.map(String.init)?.lowercased() ?? ""
        guard !word.isEmpty else { return available }
        let scored = available.compactMap { command -> (Command, Int)? in
            score(word, in: command.name).map { (command, $0) }
        }
        return scored.sorted { $0.1 > $1.1 }.map(\.0)
    }

    /// The argument after the command word.
    public static func argument(_ typed: String) -> String? {
        let parts = typed.split(separator: " ", maxSplits: 1)
        return parts.count > 1 ? String(parts[1]).trimmingCharacters(in: .whitespaces) : nil
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
