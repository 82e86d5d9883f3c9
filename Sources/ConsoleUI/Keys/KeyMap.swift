import APICore
import ConsoleModel
import TUIKit

/// The key contract: every binding with its help text, so the help overlay is generated and never out of date.
///
/// Bindings that need a capability the provider lacks do not exist for it: no key is dead.
public struct KeyMap: Sendable {
    public var bindings: [KeyBinding]

    public init(bindings: [KeyBinding] = KeyMap.standard) {
        self.bindings = bindings
    }

    /// The action of `key` on `pane`; pane-specific bindings win over global ones.
    public func action(for key: Key, on pane: PaneID, capabilities: ProviderCapabilities) -> Action? {
        let candidates = bindings.filter {
            $0.keys.contains(key) && $0.applies(on: pane) && $0.isAvailable(with: capabilities)
        }
        return (candidates.first { $0.panes != nil } ?? candidates.first)?.action
    }

    /// The bindings shown in the help overlay of `pane`, global ones first.
    public func help(for pane: PaneID, capabilities: ProviderCapabilities) -> [KeyBinding] {
        let available = bindings.filter { $0.isAvailable(with: capabilities) }
        let specific = available.filter { $0.panes?.contains(pane) == true }
        let overridden = Set(specific.flatMap(\.keys))
        let global = available.filter { $0.panes == nil && !$0.keys.allSatisfy(overridden.contains) }
        return (global + specific).map { $0.described(for: capabilities) }
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
        KeyBinding([.enter], .open, label: "Enter", help: "open: put it in scope (Esc steps back)", panes: [.accounts]),
        KeyBinding([.enter], .open, label: "Enter", help: "token actions (a service account: its credentials)", panes: [.tokens]),
        KeyBinding([.character("/")], .filter, label: "/", help: "filter rows (Esc clears)"),
        KeyBinding([.character(":")], .palette, label: ":", help: "command palette"),
        KeyBinding([.character("?")], .help, label: "?", help: "this help"),
        KeyBinding([.character("r")], .refresh, label: "r", help: "refresh (bypasses the cache)"),
        KeyBinding([.character("L")], .loadAll, label: "L", help: "load every page"),
        KeyBinding([.character("s")], .sortNext, label: "s", help: "sort by the next column"),
        KeyBinding([.character("S")], .sortReverse, label: "S", help: "reverse the sort"),
        KeyBinding([.character("y")], .copyID, label: "y", help: "copy the selected id (OSC 52, when enabled)"),
        KeyBinding([.character("d")], .toggleDetails, label: "d", help: "detail panel"),
        KeyBinding([.character("n")], .newItem, label: "n", help: "invite a member (email + role)", panes: [.members, .invitations], requires: .inviteMembers),
        KeyBinding([.character("e")], .edit, label: "e", help: "change the member's role", panes: [.members], requires: .changeMemberRoles),
        KeyBinding([.character("D")], .remove, label: "D", help: "remove the member (type the email)", panes: [.members], requires: .removeMembers),
        KeyBinding([.character("n")], .newItem, label: "n", help: "create a token (name, permissions, resources, expiry, IP ranges)", panes: [.tokens], requires: .createTokens),
        KeyBinding([.character("e")], .edit, label: "e", help: "edit the token (name, status, expiry, IP ranges)", panes: [.tokens], requires: .editTokens),
        KeyBinding([.character("e")], .edit, label: "e", help: "edit the account (name, enforce two-factor)", panes: [.accounts], requires: .administerAccounts),
        KeyBinding([.character("D")], .remove, label: "D", help: "delete the account (type its name)", panes: [.accounts], requires: .administerAccounts),
        KeyBinding([.character("a")], .accept, label: "a", help: "accept the invitation", panes: [.invitations], requires: .answerInvitations),
        KeyBinding([.character("x")], .reject, label: "x", help: "reject a received invitation / revoke a sent one", panes: [.invitations], requires: [.answerInvitations, .revokeInvitations]),
        KeyBinding([.character("i")], .toggleInvitationMode, label: "i", help: "received / sent invitations", panes: [.invitations], requires: .answerInvitations),
        KeyBinding([.character("R")], .tokenMenu, label: "R", help: "token actions: the provider's Roll or Rotate · Disable/Enable · Delete · Details", panes: [.tokens]),
        KeyBinding([.escape], .back, label: "Esc", help: "close / clear the filter / step back out"),
        KeyBinding([.character("q"), .control("c")], .quit, label: "q Ctrl-c", help: "quit"),
    ]
}

extension KeyBinding {
    /// The binding with help that names only what the provider can do (no "Roll" where keys rotate).
    func described(for capabilities: ProviderCapabilities) -> KeyBinding {
        var binding = self
        switch action {
        case .tokenMenu:
            let actions: [(ProviderCapabilities, String)] = [
                (.rollTokens, "Roll"), (.rotateKeys, "Rotate"),
                (.toggleTokens, "Disable/Enable"), (.deleteTokens, "Delete"),
            ]
            let names = actions.filter { capabilities.contains($0.0) }.map(\.1) + ["Details"]
            binding.help = "token actions: " + names.joined(separator: " · ")
        case .reject:
            var parts: [String] = []
            if capabilities.contains(.answerInvitations) { parts.append("reject a received invitation") }
            if capabilities.contains(.revokeInvitations) { parts.append(parts.isEmpty ? "revoke a sent invitation" : "revoke a sent one") }
            if !parts.isEmpty { binding.help = parts.joined(separator: " / ") }
        default: break
        }
        return binding
    }
}
