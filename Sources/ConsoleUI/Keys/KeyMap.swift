import APICore
import ConsoleModel
import TUIKit

/// The keys of every catalogue action, after `[keys]` in the config: what a key does, the `?` lines and the hints.
///
/// Generated from the catalogue; a binding the provider cannot do is not offered (no key is dead).
public struct KeyMap: Sendable {
    public let catalogue: ActionCatalogue
    /// The keys each action answers to now.
    public private(set) var keys: [ActionID: [Key]]
    /// What `[keys]` asked that could not be done as written, each naming the action(s) concerned.
    public private(set) var warnings: [String] = []

    /// The catalogue's keys, rebound by `bindings` (`[keys]` of the config: action id → key names, `[]` or `""`
    /// unbinds).
    public init(catalogue: ActionCatalogue = .standard, bindings: [String: [String]] = [:]) {
        self.catalogue = catalogue
        keys = Dictionary(uniqueKeysWithValues: catalogue.actions.map { ($0.id, $0.keys) })
        var rebound: [ActionID] = []
        for (name, keyNames) in bindings.sorted(by: { $0.key < $1.key }) {
            let id = ActionID(name)
            guard catalogue[id] != nil else {
                warnings.append("[keys] \"\(name)\": no such action" + suggestion(for: name))
                continue
            }
            var parsed: [Key] = []
            for keyName in keyNames where !keyName.isEmpty {
                if let key = KeyName.parse(keyName) {
                    if !parsed.contains(key) { parsed.append(key) }
                } else {
                    warnings.append(
                        "[keys] \"\(name)\" = \"\(keyName)\": not a key (try \"x\", \"Ctrl-x\", \"F2\", \"Enter\", \"PgDn\")"
                    )
                }
            }
            keys[id] = parsed
            rebound.append(id)
        }
        resolveConflicts(rebound)
    }

    /// A rebound key is taken from any other action that had it on the same pane, with a warning naming both.
    private mutating func resolveConflicts(_ rebound: [ActionID]) {
        for id in rebound {
            guard let action = catalogue[id] else { continue }
            for key in keys[id] ?? [] {
                for other in catalogue.actions where other.id != id && keys[other.id]?.contains(key) == true {
                    guard let panes = Self.sharedPanes(action, other) else { continue }
                    keys[other.id]?.removeAll { $0 == key }
                    let left = keys[other.id].map { $0.isEmpty ? "no key now" : "keeps \(KeyName.label($0))" } ?? ""
                    warnings.append(
                        "[keys] \(KeyName.label(key)) is bound to both \(id) and \(other.id) (\(panes)): \(id) gets it, "
                            + "\(other.id) \(left)")
                }
            }
        }
    }

    /// Where two actions both apply, said in words; nil when they never meet on one pane.
    private static func sharedPanes(_ one: ConsoleAction, _ other: ConsoleAction) -> String? {
        switch (one.panes, other.panes) {
        case (nil, nil): return "every pane"
        case (let panes?, nil), (nil, let panes?): return Self.names(panes)
        case (let one?, let other?):
            let shared = one.intersection(other)
            return shared.isEmpty ? nil : Self.names(shared)
        }
    }

    private static func names(_ panes: Set<PaneID>) -> String {
        "on " + panes.sorted { $0.rawValue < $1.rawValue }.map(\.title).joined(separator: ", ")
    }

    private func suggestion(for name: String) -> String {
        let noun = name.split(separator: ".").first.map(String.init) ?? name
        let near = catalogue.ids.filter { $0.rawValue.hasPrefix(noun + ".") }.prefix(6).map(\.rawValue)
        return near.isEmpty
            ? " (see `orgtui` ? help or the README for the ids)" : " (did you mean \(near.joined(separator: ", "))?)"
    }

    // MARK: - Lookup

    /// The action `key` runs in `context`: one of the pane's own actions before a general one.
    public func action(for key: Key, in context: ActionContext) -> ConsoleAction? {
        let candidates = catalogue.actions.filter { keys[$0.id]?.contains(key) == true && $0.isOffered(in: context) }
        return candidates.first { $0.panes != nil } ?? candidates.first
    }

    /// The effective keys of `id`, as the help writes them ("" when it has none).
    public func label(for id: ActionID) -> String { KeyName.label(keys[id] ?? []) }

    /// How to reach an action from its pane: its key, the menu key and its letter (`R d`), or its palette command.
    public func reach(_ id: ActionID) -> String {
        let own = label(for: id)
        if !own.isEmpty { return own }
        guard let action = catalogue[id] else { return "" }
        if let letter = action.menuKey, !label(for: "tokens.menu").isEmpty {
            return "\(label(for: "tokens.menu")) \(letter)"
        }
        return action.command.map { ":\($0.word)" } ?? ""
    }
}
