import ConsoleModel
import TUIKit

/// The key contract: every binding with its help text, so the help overlay is generated and never out of date.
public struct KeyMap: Sendable {
    public var bindings: [KeyBinding]

    public init(bindings: [KeyBinding] = KeyMap.standard) {
        self.bindings = bindings
    }

    /// The action of `key` on `pane`; pane-specific bindings win over global ones.
    public func action(for key: Key, on pane: PaneID) -> Action? {
        let candidates = bindings.filter { $0.keys.contains(key) && $0.applies(on: pane) }
        return (candidates.first { $0.panes != nil } ?? candidates.first)?.action
    }

    /// The bindings shown in the help overlay of `pane`, global ones first.
    public func help(for pane: PaneID) -> [KeyBinding] {
        let specific = bindings.filter { $0.panes?.contains(pane) == true }
        let overridden = Set(specific.flatMap(\.keys))
        let global = bindings.filter { $0.panes == nil && !$0.keys.allSatisfy(overridden.contains) }
        return global + specific
    }

    /// The key contract of PRODUCT.md.
    public static let standard: [KeyBinding] = [
        KeyBinding([.character("1")], .showPane(.accounts), label: "1", help: "Accounts pane"),
        KeyBinding([.character("2")], .showPane(.members), label: "2", help: "Members pane"),
        KeyBinding([.character("3")], .showPane(.tokens), label: "3", help: "Tokens pane"),
        KeyBinding([.character("4")], .showPane(.invitations), label: "4", help: "Invitations pane"),
        KeyBinding([.tab], .nextPane, label: "Tab", help: "next pane"),
        KeyBinding([.backTab], .previousPane, label: "Shift-Tab", help: "previous pane"),
        KeyBinding([.character("j"), .down], .moveDown, label: "j ↓", help: "move down"),
        KeyBinding([.character("k"), .up], .moveUp, label: "k ↑", help: "move up"),
        KeyBinding([.character("g"), .home], .top, label: "g Home", help: "first row"),
        KeyBinding([.character("G"), .end], .bottom, label: "G End", help: "last row (loads more pages as it goes)"),
        KeyBinding([.pageDown], .pageDown, label: "PgDn", help: "page down"),
        KeyBinding([.pageUp], .pageUp, label: "PgUp", help: "page up"),
        KeyBinding([.control("d")], .halfPageDown, label: "Ctrl-d", help: "half page down"),
        KeyBinding([.control("u")], .halfPageUp, label: "Ctrl-u", help: "half page up"),
        KeyBinding([.enter], .open, label: "Enter", help: "details"),
        KeyBinding([.enter], .open, label: "Enter", help: "scope Members and Tokens to this account", panes: [.accounts]),
        KeyBinding([.enter], .tokenMenu, label: "Enter", help: "token actions", panes: [.tokens]),
        KeyBinding([.character("/")], .filter, label: "/", help: "filter rows (Esc clears)"),
        KeyBinding([.character(":")], .palette, label: ":", help: "command palette"),
        KeyBinding([.character("?")], .help, label: "?", help: "this help"),
        KeyBinding([.character("r")], .refresh, label: "r", help: "refresh (bypasses the cache)"),
        KeyBinding([.character("L")], .loadAll, label: "L", help: "load every page"),
        KeyBinding([.character("s")], .sortNext, label: "s", help: "sort by the next column"),
        KeyBinding([.character("S")], .sortReverse, label: "S", help: "reverse the sort"),
        KeyBinding([.character("y")], .copyID, label: "y", help: "copy the selected id (OSC 52, when enabled)"),
        KeyBinding([.character("d")], .toggleDetails, label: "d", help: "detail panel"),
        KeyBinding([.character("a")], .accept, label: "a", help: "accept the invitation", panes: [.invitations]),
        KeyBinding([.character("x")], .reject, label: "x", help: "reject the invitation (sent: revoke)", panes: [.invitations]),
        KeyBinding([.character("i")], .toggleInvitationMode, label: "i", help: "received / sent invitations", panes: [.invitations]),
        KeyBinding([.character("R")], .tokenMenu, label: "R", help: "token actions: Roll · Disable/Enable · Delete · Details", panes: [.tokens]),
        KeyBinding([.escape], .back, label: "Esc", help: "close / clear the filter / back"),
        KeyBinding([.character("q"), .control("c")], .quit, label: "q Ctrl-c", help: "quit"),
    ]
}
