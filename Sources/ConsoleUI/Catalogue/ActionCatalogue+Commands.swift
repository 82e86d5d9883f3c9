import APICore
import ConsoleModel
import TUIKit

extension ActionCatalogue {
    /// Actions without a default key, run from the `:` palette (any of them can be given a key in `[keys]`).
    static let commands: [ConsoleAction] = [
        ConsoleAction(
            "app.readonly", title: "Toggle read-only mode", help: "toggle read-only mode (refuse every write)",
            command: ConsoleAction.PaletteCommand("readonly")
        ) { runtime, _ in runtime.toggleReadOnly() },
        ConsoleAction(
            "app.theme", title: "Switch theme", help: "switch theme: default, light, high-contrast, mono or a path",
            command: ConsoleAction.PaletteCommand("theme", argument: "NAME")
        ) { runtime, argument in runtime.switchTheme(argument) },
        ConsoleAction(
            "app.profile", title: "Switch profile", help: "switch profile (and provider); alone, list them",
            command: ConsoleAction.PaletteCommand("profile", argument: "NAME")
        ) { runtime, argument in runtime.switchProfile(argument) },
        ConsoleAction(
            "members.status", title: "Members with a status", help: "members with a status: pending, accepted or all",
            command: ConsoleAction.PaletteCommand("members", argument: "pending|accepted|all")
        ) { runtime, argument in runtime.showMembers(status: argument) },
        ConsoleAction(
            "accounts.search", title: "Accounts whose name contains", help: "accounts whose name contains TEXT",
            command: ConsoleAction.PaletteCommand("accounts", argument: "TEXT")
        ) { runtime, argument in runtime.searchAccounts(argument) },
        ConsoleAction(
            "invitations.sent", title: "Sent invitations", help: "invitations the scope sent",
            command: ConsoleAction.PaletteCommand("sent")
        ) { runtime, _ in runtime.showInvitations(.sent) },
        ConsoleAction(
            "invitations.received", title: "Received invitations", help: "invitations you received",
            needs: .answerInvitations, command: ConsoleAction.PaletteCommand("received")
        ) { runtime, _ in runtime.showInvitations(.received) },
        ConsoleAction(
            "user.show", title: "The signed-in user", help: "the signed-in user (edit the profile where the API can)",
            command: ConsoleAction.PaletteCommand("user")
        ) { runtime, _ in runtime.showUser() },
        ConsoleAction(
            "invitations.acceptToken", title: "Accept an invitation by its token",
            help: "accept an invitation by the token from its email", needs: .acceptInvitationTokens,
            confirmation: .yesNo, command: ConsoleAction.PaletteCommand("accept", argument: "TOKEN")
        ) { runtime, argument in runtime.confirmTokenAcceptance(argument) },
        ConsoleAction(
            "sso.show", title: "SSO connection", help: "SSO connection of the organization in scope or selected",
            needs: .manageSSO, command: ConsoleAction.PaletteCommand("sso")
        ) { runtime, _ in runtime.openSSO() },
        ConsoleAction(
            "audit.show", title: "Audit log",
            help: "audit log of the scope: since / before a date, actor, action, resource",
            needs: .readAuditLog,
            command: ConsoleAction.PaletteCommand(
                "audit", argument: "[since D] [before D] [actor A] [action A] [resource R]")
        ) { runtime, argument in runtime.openRecords("audit", argument: argument) },
        ConsoleAction(
            "billing.show", title: "Billing", help: "billing history and profile", needs: .readBilling,
            command: ConsoleAction.PaletteCommand("billing")
        ) { runtime, argument in runtime.openRecords("billing", argument: argument) },
        ConsoleAction(
            "subscriptions.show", title: "Subscriptions", help: "subscriptions of the scope", needs: .readBilling,
            command: ConsoleAction.PaletteCommand("subs")
        ) { runtime, argument in runtime.openRecords("subs", argument: argument) },
        ConsoleAction(
            "account.show", title: "Account details",
            help: "account details; :account new NAME | profile | move",
            needs: .administerAccounts,
            command: ConsoleAction.PaletteCommand("account", argument: "[new NAME|profile|move]")
        ) { runtime, argument in runtime.runAccountCommand(argument) },
        ConsoleAction(
            "journal.show", title: "Journal of writes", help: "every write orgtui made, newest first (/ filters)",
            command: ConsoleAction.PaletteCommand("journal")
        ) { runtime, argument in runtime.openRecords("journal", argument: argument) },
        ConsoleAction(
            "people.show", title: "People across every profile",
            help: "one row per person (by email) in every profile; Enter their memberships, D offboards them",
            command: ConsoleAction.PaletteCommand("people")
        ) { runtime, _ in runtime.openLens(.people(LensTable())) },
        ConsoleAction(
            "risks.show", title: "Risk lens",
            help: "unused, expiring or broad keys, missing 2FA, owners, stale invitations, SSO; Enter goes to the row",
            command: ConsoleAction.PaletteCommand("risks")
        ) { runtime, _ in runtime.openLens(.risks(LensTable())) },
        ConsoleAction(
            "roles.show", title: "Roles", help: "the account's roles; Enter reads one with its permissions",
            needs: .readRoles, command: ConsoleAction.PaletteCommand("roles")
        ) { runtime, argument in runtime.openRecords("roles", argument: argument) },
        ConsoleAction(
            "identities.show", title: "Identities",
            help: "the organization's members and pending invitations in one list", needs: .listIdentities,
            command: ConsoleAction.PaletteCommand("identities")
        ) { runtime, argument in runtime.openRecords("identities", argument: argument) },
        ConsoleAction(
            "tokens.exchange", title: "Exchange for an organization token",
            help: "an access token scoped to the organization in scope, shown once", needs: .exchangeTokens,
            confirmation: .yesNo, command: ConsoleAction.PaletteCommand("exchange")
        ) { runtime, _ in runtime.confirmTokenExchange() },
        ConsoleAction(
            "orgs.show", title: "Legacy organizations", help: "legacy organizations (leave with D)",
            needs: .leaveOrganizations, command: ConsoleAction.PaletteCommand("orgs")
        ) { runtime, argument in runtime.openRecords("orgs", argument: argument) },
    ]
}
