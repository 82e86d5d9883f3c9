import APICore
import ConsoleModel
import TUIKit

extension ActionCatalogue {
    /// Each pane's own keys: drilling in, the writes, and the token action menu.
    static let paneActions: [ConsoleAction] = [
        ConsoleAction(
            "accounts.open", title: "Open the account", help: "open: put it in scope (Esc steps back)",
            keys: [.enter], panes: [.accounts], hint: ConsoleAction.Hint(0, "open")
        ) { runtime, _ in runtime.openAccount() },
        ConsoleAction(
            "accounts.edit", title: "Edit the account",
            help: "edit the account or organization (name; two-factor where it has one)",
            keys: [.character("e")], panes: [.accounts], needs: .administerAccounts, confirmation: .yesNo,
            hint: ConsoleAction.Hint(1, "edit")
        ) { runtime, _ in runtime.openAccountForm() },
        ConsoleAction(
            "accounts.delete", title: "Delete the account", help: "delete the account (type its name)",
            keys: [.character("D")], panes: [.accounts], needs: .deleteAccounts, confirmation: .typedName,
            hint: ConsoleAction.Hint(2, "delete")
        ) { runtime, _ in runtime.confirmDeleteAccount() },
        ConsoleAction(
            "members.invite", title: "Invite a member", help: "invite a member (email + role)",
            keys: [.character("n")], panes: [.members, .invitations], needs: .inviteMembers, confirmation: .yesNo,
            hint: ConsoleAction.Hint(3, "invite")
        ) { runtime, _ in runtime.openInviteForm() },
        ConsoleAction(
            "members.edit", title: "Change the member's role", help: "change the member's role",
            keys: [.character("e")], panes: [.members], needs: .changeMemberRoles, confirmation: .yesNo,
            hint: ConsoleAction.Hint(4) { $0.membersUnsupported ? nil : "role" }
        ) { runtime, _ in runtime.openRolePicker() },
        ConsoleAction(
            "members.remove", title: "Remove the member", help: "remove the member (type the email)",
            keys: [.character("D")], panes: [.members], needs: .removeMembers, confirmation: .typedName,
            hint: ConsoleAction.Hint(5) { $0.membersUnsupported ? nil : "remove" }
        ) { runtime, _ in runtime.confirmRemoveMember() },
        ConsoleAction(
            "members.toggle", title: "Disable or enable the member",
            help: "disable the member (or enable a disabled one); their role is kept", keys: [.character("t")],
            panes: [.members], needs: .toggleMembers, confirmation: .yesNo,
            hint: ConsoleAction.Hint(6) { $0.membersUnsupported ? nil : "disable" }
        ) { runtime, _ in runtime.confirmToggleMember() },
        ConsoleAction(
            "members.assignRoles", title: "Assign the organization's roles",
            help: "role assignments: the organization's roles, custom ones too", keys: [.character("A")],
            panes: [.members], needs: .assignMemberRoles, confirmation: .yesNo
        ) { runtime, _ in runtime.openRoleAssignments() },
        ConsoleAction(
            "tokens.open", title: "Token actions", help: "token actions (a service account: its credentials)",
            keys: [.enter], panes: [.tokens]
        ) { runtime, _ in runtime.openToken() },
        ConsoleAction(
            "tokens.menu", title: "Token action menu", help: "token actions", keys: [.character("R")], panes: [.tokens],
            hint: ConsoleAction.Hint(0) { context in
                let names = TokenMenuItem.allCases.filter { $0.isProvided(by: context.capabilities) && $0 != .details }
                    .map(\.hintWord)
                return names.isEmpty ? "details" : names.joined(separator: "·")
            }
        ) { runtime, _ in runtime.openTokenMenu() },
        ConsoleAction(
            "tokens.create", title: "Create a token",
            help: "create a token (permissions, resources, expiry, IPs)", keys: [.character("n")],
            panes: [.tokens], needs: .createTokens, confirmation: .yesNo, hint: ConsoleAction.Hint(1, "new")
        ) { runtime, _ in runtime.openTokenCreateForm() },
        ConsoleAction(
            "tokens.edit", title: "Edit the token", help: "edit the token (name, status, expiry, IP ranges)",
            keys: [.character("e")], panes: [.tokens], needs: .editTokens, confirmation: .yesNo,
            hint: ConsoleAction.Hint(2, "edit")
        ) { runtime, _ in runtime.openTokenEditForm() },
        ConsoleAction(
            "invitations.accept", title: "Accept the invitation", help: "accept the invitation",
            keys: [.character("a")], panes: [.invitations], needs: .answerInvitations, confirmation: .yesNo,
            hint: ConsoleAction.Hint(0, "accept"), when: { !$0.showsSentInvitations }
        ) { runtime, _ in runtime.confirmInvitation(.accept) },
        ConsoleAction(
            "invitations.reject", title: "Reject the invitation", help: "reject a received invitation",
            keys: [.character("x")], panes: [.invitations], needs: .answerInvitations, confirmation: .yesNo,
            hint: ConsoleAction.Hint(1, "reject"), when: { !$0.showsSentInvitations }
        ) { runtime, _ in runtime.confirmInvitation(.reject) },
        ConsoleAction(
            "invitations.revoke", title: "Revoke the invitation", help: "revoke a sent invitation",
            keys: [.character("x")], panes: [.invitations], needs: .revokeInvitations, confirmation: .yesNo,
            hint: ConsoleAction.Hint(2, "revoke"), when: { $0.showsSentInvitations }
        ) { runtime, _ in runtime.confirmInvitation(.reject) },
        ConsoleAction(
            "invitations.mode", title: "Received or sent invitations", help: "received / sent invitations",
            keys: [.character("i")], panes: [.invitations], needs: .answerInvitations,
            hint: ConsoleAction.Hint(4, "received/sent")
        ) { runtime, _ in runtime.toggleInvitationMode() },
    ]

    /// The entries of the token action menu (`R`): each is also an action of its own, so `[keys]` can give it a key
    /// on the Tokens pane and the palette can run it on the selected token.
    static let tokenMenu: [ConsoleAction] = TokenMenuItem.allCases.map { item in
        ConsoleAction(
            item.actionID, title: item.title, help: item.help, panes: [.tokens], needs: item.needs,
            confirmation: item.confirmation, menuKey: item.key
        ) { runtime, _ in runtime.chooseFromMenu(item) }
    }
}
