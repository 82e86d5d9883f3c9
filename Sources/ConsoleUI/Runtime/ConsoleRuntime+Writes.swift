import APICore
import ConsoleModel
import TUIKit

extension ConsoleRuntime {
    func confirmInvitation(_ response: InvitationResponse) {
        guard let invitation = session.invitations.snapshot.selectedRow else { return }
        let account = TextSanitizer.sanitize(invitation.accountName ?? invitation.accountID).text
        if invitation.direction == .sent {
            guard response == .reject else {
                state.flash = Notice(.info, "This is an invitation the \(scopeWord) sent: x revokes it")
                return
            }
            guard session.directory.invitationRevoking?.canRevoke(invitation) == true else {
                state.flash = Notice(
                    .info, "This invitation is \(invitation.status.label): only a pending one can be revoked")
                return
            }
            let who = TextSanitizer.sanitize(invitation.inviteeEmail ?? invitation.id).text
            return confirm(
                ConfirmDialog(
                    title: "Revoke invitation",
                    lines: [
                        "Revoke the invitation of \(who) to \(account).", "The link in their email stops working.",
                    ],
                    confirmLabel: "Revoke",
                    write: ConfirmedWrite("invitations.revoke", target: invitation.id) {
                        $0.session.invitations.revoke(id: invitation.id)
                    }, isDangerous: true, openedAt: now))
        }
        let roles = invitation.roles.map { TextSanitizer.sanitize($0).text }.joined(separator: ", ")
        let from = TextSanitizer.sanitize(invitation.invitedBy ?? "unknown").text
        let lines =
            response == .accept
            ? [
                "Accept the invitation to \(account) from \(from)",
                "You join with the roles: \(roles.isEmpty ? "none listed" : roles).",
            ]
                + (invitation.accountEnforcesTwoFactor == true
                    ? ["This account enforces two-factor authentication."] : [])
            : ["Reject the invitation to \(account) from \(from).", "Only a new invitation can undo this."]
        confirm(
            ConfirmDialog(
                title: response == .accept ? "Accept invitation" : "Reject invitation", lines: lines,
                confirmLabel: response == .accept ? "Accept" : "Reject",
                write: ConfirmedWrite(
                    response == .accept ? "invitations.accept" : "invitations.reject", target: invitation.id
                ) {
                    $0.session.invitations.respond(id: invitation.id, response)
                },
                isDangerous: response == .reject, openedAt: now))
    }

    func confirmRemoveMember() {
        guard let member = session.members.snapshot.selectedRow,
            session.directory.memberRemoval?.canRemove(member) == true
        else { return }
        let email = TextSanitizer.sanitize(member.email).text
        let place =
            member.scope.leaf.map { "\($0.kind.rawValue) \(TextSanitizer.sanitize($0.name).text)" }
            ?? "the organization"
        confirm(
            ConfirmDialog(
                title: "Remove member",
                lines: [
                    "Remove \(email) from \(place).",
                    "They lose every role there at once; only a new invitation brings them back.",
                ],
                confirmLabel: "Remove",
                write: ConfirmedWrite("members.remove", target: member.id) {
                    $0.session.members.removeMember(id: member.id)
                }, typedNameRequired: email,
                isDangerous: true, openedAt: now))
    }

    func confirm(_ dialog: ConfirmDialog) {
        if session.readOnly {
            dialog.write.cancel?(self)
            state.flash = Notice(.warning, "Read-only mode: \(dialog.title.lowercased()) refused, nothing was sent")
            return
        }
        state.overlay = .confirm(dialog)
    }

    func handleConfirmKey(_ key: Key, dialog: ConfirmDialog) {
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
                state.flash = Notice(.warning, "The name does not match: nothing was changed")
            default: break
            }
            if state.overlay != nil { state.overlay = .confirm(dialog) }
            return
        }
        switch key {
        case .character("y"), .character("Y"): execute(dialog.write)
        case .character("n"), .character("N"), .escape: cancel(dialog)
        case .tab, .left, .right, .backTab:
            dialog.confirmFocused.toggle()
            state.overlay = .confirm(dialog)
        case .enter:
            if dialog.confirmFocused { execute(dialog.write) } else { cancel(dialog) }
        default: break
        }
    }

    /// Closes a confirmation without writing: back to where it was opened from; a secret it carried is wiped.
    private func cancel(_ dialog: ConfirmDialog) {
        state.overlay = nil
        dialog.write.cancel?(self)
    }

    /// Hands a confirmed write to its view-model: the last hop before the write runner and the HTTP request.
    private func execute(_ write: ConfirmedWrite) {
        state.overlay = nil
        write.run(self)
    }

    /// Opens the once-only modal of a secret a write just issued, if it did.
    func showRevealedSecret() {
        guard session.tokens.reveal != nil else { return }
        state.overlay = .secret
    }
}
