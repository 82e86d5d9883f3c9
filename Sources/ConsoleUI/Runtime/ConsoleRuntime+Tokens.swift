import APICore
import ConsoleModel
import TUIKit

extension ConsoleRuntime {
    /// The menu entries the provider can do for `token` (Details always).
    func menuItems(for token: Token) -> [TokenMenuItem] {
        let directory = session.directory
        var items: [TokenMenuItem] = []
        if directory.tokenRolling?.canRoll(token) == true { items.append(.roll) }
        if directory.keyRotation?.canRotate(token) == true { items.append(.rotate) }
        if directory.tokenToggling?.canToggle(token) == true { items.append(.toggleEnabled) }
        if directory.tokenDeletion?.canDelete(token) == true { items.append(.delete) }
        items.append(.details)
        return items
    }

    func openTokenMenu() {
        guard state.pane == .tokens, let token = session.tokens.snapshot.selectedRow else { return }
        state.overlay = .tokenMenu(tokenID: token.id, items: menuItems(for: token), selected: 0)
    }

    func handleTokenMenuKey(_ key: Key, tokenID: String, items: [TokenMenuItem], selected: Int) {
        let count = max(1, items.count)
        switch key {
        case .escape, .character("q"): state.overlay = nil
        case .down, .character("j"):
            state.overlay = .tokenMenu(tokenID: tokenID, items: items, selected: (selected + 1) % count)
        case .up, .character("k"):
            state.overlay = .tokenMenu(tokenID: tokenID, items: items, selected: (selected + count - 1) % count)
        case .enter:
            guard items.indices.contains(selected) else { return }
            choose(items[selected], tokenID: tokenID)
        case .character(let character):
            if let item = items.first(where: { $0.key == character }) { choose(item, tokenID: tokenID) }
        default: break
        }
    }

    /// A token menu entry run as an action of its own (a key from `[keys]`, or the palette): on the selected token,
    /// when the provider can do it for that token.
    func chooseFromMenu(_ item: TokenMenuItem) {
        guard state.pane == .tokens, let token = session.tokens.snapshot.selectedRow else { return }
        guard menuItems(for: token).contains(item) else {
            state.flash = Notice(
                .info, "\(item.title) is not possible for '\(TextSanitizer.sanitize(token.name).text)'")
            return
        }
        choose(item, tokenID: token.id)
    }

    private func choose(_ item: TokenMenuItem, tokenID: String) {
        state.overlay = nil
        guard let token = session.tokens.list.row(id: tokenID) else { return }
        let name = TextSanitizer.sanitize(token.name).text
        let kind = token.kind.rawValue
        let whereText =
            session.tokens.scopeName.map { "\(scopeWord) \(TextSanitizer.sanitize($0).text)" }
            ?? token.ownerLabel.map { "owned by \(TextSanitizer.sanitize($0).text)" } ?? "the organization"
        switch item {
        case .details:
            state.showDetails = false
            toggleDetails()
        case .roll:
            var lines = ["Roll \(kind) '\(name)' (\(whereText)) — the current secret stops working at once."]
            if token.id == session.tokens.signedInTokenID {
                lines.append("orgtui is signed in with this token: it will switch to the new secret for this session.")
            }
            lines.append("The new secret is shown once and never stored.")
            confirm(
                ConfirmDialog(
                    title: "Roll token", lines: lines, confirmLabel: "Roll",
                    write: ConfirmedWrite("tokens.roll", target: token.id) { $0.rollToken(id: token.id) },
                    isDangerous: true, openedAt: now))
        case .rotate:
            var lines = [
                "Rotate \(kind) '\(name)' (\(whereText)) in two steps:",
                "1. create a new \(kind) named '\(name)' and show its secret once;",
                "2. after you confirm you stored it, delete the old one.",
                "Stopping between the steps leaves both keys valid.",
            ]
            if token.id == session.tokens.signedInTokenID {
                lines.append(
                    "orgtui is signed in with this key: it moves to the new key before the old one is deleted.")
            }
            confirm(
                ConfirmDialog(
                    title: "Rotate \(kind)", lines: lines, confirmLabel: "Create new key",
                    write: ConfirmedWrite("tokens.rotate", target: token.id) {
                        $0.session.tokens.startRotation(id: token.id)
                        $0.state.overlay = .rotation(openedAt: $0.now)
                    }, isDangerous: false, openedAt: now))
        case .toggleEnabled:
            let enable = token.status != .active
            confirm(
                ConfirmDialog(
                    title: enable ? "Enable token" : "Disable token",
                    lines: [
                        "\(enable ? "Enable" : "Disable") token '\(name)' (\(whereText))"
                            + (enable ? "." : " — requests signed with it will fail.")
                    ],
                    confirmLabel: enable ? "Enable" : "Disable",
                    write: ConfirmedWrite("tokens.toggle", target: token.id) {
                        $0.session.tokens.setEnabled(id: token.id, enabled: enable)
                    },
                    isDangerous: !enable, openedAt: now))
        case .delete:
            let own =
                token.id == session.tokens.signedInTokenID ? " orgtui is signed in with it and will stop working." : ""
            confirm(
                ConfirmDialog(
                    title: "Delete \(kind)",
                    lines: ["Delete \(kind) '\(name)' (\(whereText)) — this cannot be undone.\(own)"],
                    confirmLabel: "Delete",
                    write: ConfirmedWrite("tokens.delete", target: token.id) { $0.session.tokens.delete(id: token.id) },
                    typedNameRequired: name,
                    isDangerous: true, openedAt: now))
        }
    }

    /// The word for the scope's innermost node ("account", "project", "organization", "service account").
    var scopeWord: String { session.scope.leaf?.kind.rawValue ?? "account" }

    /// Keys of the rotation modal: `y` deletes the old key once the new secret is stored, `c` copies, Esc stops.
    func handleRotationKey(_ key: Key, openedAt: Duration) {
        guard let rotation = session.tokens.rotation else {
            state.overlay = nil
            return
        }
        switch key {
        case .character("y"), .character("Y"):
            // Auto-repeat of the key that opened the modal must not confirm the delete.
            guard now - openedAt >= ConfirmDialog.keyGuard else { return }
            switch rotation.step {
            case .created, .deleteFailed:
                if session.readOnly {
                    state.flash = Notice(.warning, "Read-only mode: deleting the old key refused, nothing was sent")
                    return
                }
                session.tokens.finishRotation()
            default: break
            }
        case .character("c"):
            if let value = rotation.secret?.reveal() { copyToClipboard(value, what: "the new secret") }
        case .escape, .character("q"), .enter:
            if case .creating = rotation.step { return }
            if case .deletingOld = rotation.step { return }
            session.tokens.closeRotation()
            state.overlay = nil
        default: break
        }
    }

    /// Hands a confirmed roll to the view-model; the new secret opens the once-only modal.
    func rollToken(id: String) {
        let task = session.tokens.roll(id: id)
        effect({ await task.value }) { runtime, _ in runtime.showRevealedSecret() }
    }
}

extension ConsoleRuntime {
    /// `d` (and Enter on Members): the detail panel; opening it on a token or a member reads that row fresh, so the
    /// details are the server's current copy, not the list's.
    func toggleDetails() {
        state.showDetails.toggle()
        guard state.showDetails, let id = currentList.selectedID else { return }
        switch state.pane {
        case .tokens: session.tokens.readFresh(id: id)
        case .members: session.members.readFresh(id: id)
        default: break
        }
    }
}
