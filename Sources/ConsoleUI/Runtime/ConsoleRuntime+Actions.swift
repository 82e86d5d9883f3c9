import APICore
import ConsoleModel
import TUIKit

extension ConsoleRuntime {
    /// Carries out a bound action on the active pane.
    func perform(_ action: Action) {
        state.flash = nil
        let list = currentList
        let page = ScreenRenderer.visibleRows(for: state.size, showDetails: state.showDetails)
        switch action {
        case .showPane(let pane): state.pane = pane
        case .nextPane: state.pane = PaneID(rawValue: state.pane.rawValue % 4 + 1) ?? .accounts
        case .previousPane: state.pane = PaneID(rawValue: (state.pane.rawValue + 2) % 4 + 1) ?? .accounts
        case .moveDown: list.moveSelection(by: 1)
        case .moveUp: list.moveSelection(by: -1)
        case .top: list.select(index: 0)
        case .bottom: list.select(index: list.rowCount - 1)
        case .pageDown: list.moveSelection(by: page)
        case .pageUp: list.moveSelection(by: -page)
        case .halfPageDown: list.moveSelection(by: max(1, page / 2))
        case .halfPageUp: list.moveSelection(by: -max(1, page / 2))
        case .open: open()
        case .filter: state.editingFilter = true
        case .palette: state.overlay = .palette(text: "", selected: 0)
        case .help: state.overlay = .help
        case .refresh: list.refresh()
        case .loadAll: list.loadAll()
        case .accept: confirmInvitation(.accept)
        case .reject: confirmInvitation(.reject)
        case .tokenMenu: openTokenMenu()
        case .sortNext: list.sortByNextColumn()
        case .sortReverse: list.reverseSort()
        case .copyID:
            if let id = list.selectedID { copyToClipboard(id, what: "the id") }
        case .toggleDetails: state.showDetails.toggle()
        case .toggleInvitationMode:
            session.invitations.setMode(session.invitations.mode == .received ? .sent : .received)
        case .back:
            if !list.filterText.isEmpty { list.setFilter("") }
        case .quit: quit()
        }
    }

    private func open() {
        switch state.pane {
        case .accounts:
            guard let account = session.accounts.snapshot.selectedRow else { return }
            session.focus(account: account)
            state.pane = .members
        case .tokens:
            openTokenMenu()
        case .members, .invitations:
            state.showDetails.toggle()
        }
    }

    // MARK: - Filter line

    func handleFilterKey(_ key: Key) {
        let list = currentList
        switch key {
        case .escape:
            list.setFilter("")
            state.editingFilter = false
        case .enter, .down, .up:
            state.editingFilter = false
        case .backspace:
            list.setFilter(String(list.filterText.dropLast()))
        case .character(let character):
            list.setFilter(list.filterText + String(character))
        default:
            break
        }
    }

    // MARK: - Overlays

    func handleOverlayKey(_ key: Key) {
        switch state.overlay {
        case nil: return
        case .help:
            if key == .escape || key == .character("?") || key == .character("q") || key == .enter { state.overlay = nil }
        case .palette(let text, let selected):
            handlePaletteKey(key, text: text, selected: selected)
        case .confirm(let dialog):
            handleConfirmKey(key, dialog: dialog)
        case .tokenMenu(let tokenID, let selected):
            handleTokenMenuKey(key, tokenID: tokenID, selected: selected)
        case .secret:
            switch key {
            case .escape, .enter, .character("q"):
                session.tokens.dismissReveal()
                state.overlay = nil
            case .character("c"):
                if let value = session.tokens.reveal?.secret.reveal() { copyToClipboard(value, what: "the new secret") }
            default: break
            }
        }
    }

    private func handlePaletteKey(_ key: Key, text: String, selected: Int) {
        let matches = CommandPalette.matches(text)
        switch key {
        case .escape: state.overlay = nil
        case .down, .tab: state.overlay = .palette(text: text, selected: min(selected + 1, max(0, matches.count - 1)))
        case .up, .backTab: state.overlay = .palette(text: text, selected: max(0, selected - 1))
        case .backspace: state.overlay = .palette(text: String(text.dropLast()), selected: 0)
        case .character(let character): state.overlay = .palette(text: text + String(character), selected: 0)
        case .enter:
            state.overlay = nil
            guard matches.indices.contains(selected) else {
                state.flash = Notice(.warning, "No command matches ':\(text)'")
                return
            }
            run(matches[selected], argument: CommandPalette.argument(text))
        default: break
        }
    }

    private func run(_ command: CommandPalette.Command, argument: String?) {
        switch command.name {
        case "readonly":
            session.setReadOnly(!session.readOnly)
            state.flash = Notice(.info, session.readOnly ? "Read-only mode on: every write is refused" : "Read-only mode off")
        case "theme":
            guard let argument, !argument.isEmpty else {
                state.flash = Notice(.warning, "Usage: :theme NAME (default, light, high-contrast, mono) or a path")
                return
            }
            setTheme(named: argument)
        case "refresh": currentList.refresh()
        case "loadall": currentList.loadAll()
        case "members":
            let status: MemberStatus? =
                switch argument?.lowercased() {
                case "pending": .pending
                case "accepted", "active": .active
                default: nil
                }
            session.members.setStatusFilter(status)
            state.pane = .members
        case "accounts":
            session.accounts.setNameFilter(argument)
            state.pane = .accounts
        case "sent":
            session.invitations.setMode(.sent)
            state.pane = .invitations
        case "received":
            session.invitations.setMode(.received)
            state.pane = .invitations
        case "user":
            let user = session.user
            state.flash = Notice(
                .info,
                user.map { "Signed in as \($0.email)\($0.name.map { " (\($0))" } ?? "") · 2FA \($0.twoFactorEnabled == true ? "on" : "off")" }
                    ?? (session.userError ?? "The user is still loading"))
        case "details": state.showDetails.toggle()
        case "help": state.overlay = .help
        case "quit": quit()
        default: break
        }
    }

    private func handleTokenMenuKey(_ key: Key, tokenID: String, selected: Int) {
        let count = TokenMenuItem.allCases.count
        switch key {
        case .escape, .character("q"): state.overlay = nil
        case .down, .character("j"): state.overlay = .tokenMenu(tokenID: tokenID, selected: (selected + 1) % count)
        case .up, .character("k"): state.overlay = .tokenMenu(tokenID: tokenID, selected: (selected + count - 1) % count)
        case .enter:
            guard let item = TokenMenuItem(rawValue: selected) else { return }
            choose(item, tokenID: tokenID)
        case .character("r"): choose(.roll, tokenID: tokenID)
        case .character("e"): choose(.toggleEnabled, tokenID: tokenID)
        case .character("d"): choose(.delete, tokenID: tokenID)
        default: break
        }
    }

    private func openTokenMenu() {
        guard state.pane == .tokens, let token = session.tokens.snapshot.selectedRow else { return }
        state.overlay = .tokenMenu(tokenID: token.id, selected: 0)
    }

    private func choose(_ item: TokenMenuItem, tokenID: String) {
        state.overlay = nil
        guard let token = session.tokens.list.row(id: tokenID) else { return }
        let name = TextSanitizer.sanitize(token.name).text
        let whereText = session.tokens.scopeName.map { "account \(TextSanitizer.sanitize($0).text)" } ?? "your user tokens"
        switch item {
        case .details:
            state.showDetails = true
        case .roll:
            var lines = ["Roll token '\(name)' (\(whereText)) — the current secret stops working at once."]
            if token.id == session.tokens.signedInTokenID {
                lines.append("orgtui is signed in with this token: it will switch to the new secret for this session.")
            }
            lines.append("The new secret is shown once and never stored.")
            confirm(ConfirmDialog(title: "Roll token", lines: lines, confirmLabel: "Roll", write: .roll(tokenID: token.id),
                                  isDangerous: true, openedAt: now))
        case .toggleEnabled:
            let enable = token.status != .active
            confirm(ConfirmDialog(
                title: enable ? "Enable token" : "Disable token",
                lines: ["\(enable ? "Enable" : "Disable") token '\(name)' (\(whereText))" + (enable ? "." : " — requests signed with it will fail.")],
                confirmLabel: enable ? "Enable" : "Disable", write: .setEnabled(tokenID: token.id, enabled: enable),
                isDangerous: !enable, openedAt: now))
        case .delete:
            confirm(ConfirmDialog(
                title: "Delete token",
                lines: ["Delete token '\(name)' (\(whereText)) — this cannot be undone."],
                confirmLabel: "Delete", write: .deleteToken(tokenID: token.id), typedNameRequired: name,
                isDangerous: true, openedAt: now))
        }
    }

    private func confirmInvitation(_ response: InvitationResponse) {
        guard let invitation = session.invitations.snapshot.selectedRow else { return }
        let account = TextSanitizer.sanitize(invitation.accountName ?? invitation.accountID).text
        if invitation.direction == .sent {
            guard response == .reject else {
                state.flash = Notice(.info, "This is an invitation the account sent: x revokes it")
                return
            }
            let who = TextSanitizer.sanitize(invitation.inviteeEmail ?? invitation.id).text
            return confirm(ConfirmDialog(
                title: "Revoke invitation", lines: ["Revoke the invitation of \(who) to \(account)."],
                confirmLabel: "Revoke", write: .revoke(invitationID: invitation.id), isDangerous: true, openedAt: now))
        }
        let roles = invitation.roles.map { TextSanitizer.sanitize($0).text }.joined(separator: ", ")
        let from = TextSanitizer.sanitize(invitation.invitedBy ?? "unknown").text
        let lines =
            response == .accept
            ? ["Accept the invitation to \(account) from \(from)", "You join with the roles: \(roles.isEmpty ? "none listed" : roles)."]
                + (invitation.accountEnforcesTwoFactor == true ? ["This account enforces two-factor authentication."] : [])
            : ["Reject the invitation to \(account) from \(from).", "Only a new invitation can undo this."]
        confirm(ConfirmDialog(
            title: response == .accept ? "Accept invitation" : "Reject invitation", lines: lines,
            confirmLabel: response == .accept ? "Accept" : "Reject",
            write: response == .accept ? .accept(invitationID: invitation.id) : .reject(invitationID: invitation.id),
            isDangerous: response == .reject, openedAt: now))
    }

    private func confirm(_ dialog: ConfirmDialog) {
        if session.readOnly {
            state.flash = Notice(.warning, "Read-only mode: \(dialog.title.lowercased()) refused, nothing was sent")
            return
        }
        state.overlay = .confirm(dialog)
    }

    private func handleConfirmKey(_ key: Key, dialog: ConfirmDialog) {
        // Keys that arrive right after the dialog opened are auto-repeat of the key that opened it.
        guard now - dialog.openedAt >= ConfirmDialog.keyGuard else { return }
        var dialog = dialog
        if dialog.typedNameRequired != nil {
            switch key {
            case .escape: state.overlay = nil
            case .backspace: dialog.typed = String(dialog.typed.dropLast())
            case .character(let character): dialog.typed.append(character)
            case .enter:
                if dialog.nameMatches { return execute(dialog.write) }
                state.flash = Notice(.warning, "The name does not match: nothing was deleted")
            default: break
            }
            if state.overlay != nil { state.overlay = .confirm(dialog) }
            return
        }
        switch key {
        case .character("y"), .character("Y"): execute(dialog.write)
        case .character("n"), .character("N"), .escape: state.overlay = nil
        case .tab, .left, .right, .backTab:
            dialog.confirmFocused.toggle()
            state.overlay = .confirm(dialog)
        case .enter:
            if dialog.confirmFocused { execute(dialog.write) } else { state.overlay = nil }
        default: break
        }
    }

    private func execute(_ write: PendingWrite) {
        state.overlay = nil
        switch write {
        case .accept(let id): session.invitations.respond(id: id, .accept)
        case .reject(let id): session.invitations.respond(id: id, .reject)
        case .revoke(let id): session.invitations.revoke(id: id)
        case .setEnabled(let id, let enabled): session.tokens.setEnabled(id: id, enabled: enabled)
        case .deleteToken(let id): session.tokens.delete(id: id)
        case .removeMember(let id): session.members.removeMember(id: id)
        case .roll(let id):
            let task = session.tokens.roll(id: id)
            Task { [weak self] in
                await task.value
                guard let self, self.session.tokens.reveal != nil else { return }
                self.state.overlay = .secret
                self.redraw()
            }
        }
    }
}
