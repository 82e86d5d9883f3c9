import APICore
import ConsoleModel
import TUIKit

/// One line of the `?` overlay: how to reach the action and what it does.
public struct HelpLine: Sendable, Hashable {
    public var label: String
    public var text: String
    public var id: ActionID
}

extension KeyMap {
    /// The `?` lines of the pane in `context`: the pane's own actions first, then the keys of every pane, then the
    /// palette commands. Every action the provider has on that pane is listed, whatever the state.
    public func help(in context: ActionContext) -> [HelpLine] {
        let provided = catalogue.actions.filter {
            $0.applies(on: context.pane) && $0.isProvided(by: context.capabilities)
        }
        let own = provided.filter { $0.panes != nil }
        let ownKeys = Set(own.flatMap { keys[$0.id] ?? [] })
        let general = provided.filter { action in
            let bound = keys[action.id] ?? []
            return action.panes == nil && !bound.isEmpty && !bound.allSatisfy(ownKeys.contains)
        }
        let commands = provided.filter { action in
            action.panes == nil && (keys[action.id] ?? []).isEmpty
        }
        return (own + general + commands).map { line(for: $0) }
    }

    private func line(for action: ConsoleAction) -> HelpLine {
        let bound = keys[action.id] ?? []
        var shown = KeyName.label(bound)
        if let menuKey = action.menuKey {
            let menu = label(for: "tokens.menu")
            shown = ([shown] + (menu.isEmpty ? [] : ["\(menu) \(menuKey)"])).filter { !$0.isEmpty }.joined(
                separator: " ")
        }
        if shown.isEmpty { shown = ":" + (action.command?.word ?? action.id.rawValue) }
        return HelpLine(label: shown, text: action.help, id: action.id)
    }

    /// The status line's key hints in `context`: the pane's first, "`<key> <what>`" for each offered action with one.
    public func hints(in context: ActionContext) -> [String] {
        catalogue.actions
            .filter { $0.hint != nil && $0.isOffered(in: context) }
            .compactMap { action -> (Int, String)? in
                guard let hint = action.hint, let key = keys[action.id]?.first, let text = hint.label(context) else {
                    return nil
                }
                return (hint.order, KeyName.label(key) + " " + text)
            }
            .enumerated()
            .sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }
            .map(\.element.1)
    }
}
