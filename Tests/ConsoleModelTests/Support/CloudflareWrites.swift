import APICore
import CloudflareAPI
import ConsoleModel
import Foundation
import Testing

/// Every Cloudflare write of the console, as the runner tests make them against the demo server.
enum CloudflareWrites {
    static let all: [WriteCase] = invitations + tokens + members + accounts + records

    static let invitations: [WriteCase] = [
        WriteCase(actionID: "invitations.accept", method: "PATCH", path: "/user/invites/*") { demo in
            try await Ready.top(demo)
            let invitation = try Ready.pendingInvitation(demo)
            return .init(
                write: { await demo.session.invitations.respond(id: invitation.id, .accept).value },
                reread: "/user/invites/\(invitation.id)")
        },
        WriteCase(actionID: "invitations.reject", method: "PATCH", path: "/user/invites/*") { demo in
            try await Ready.top(demo)
            let invitation = try Ready.pendingInvitation(demo)
            return .init(
                write: { await demo.session.invitations.respond(id: invitation.id, .reject).value },
                reread: "/user/invites/\(invitation.id)")
        },
        WriteCase(actionID: "invitations.revoke", method: "DELETE", path: "/accounts/*/members/*") { demo in
            let account = try await Ready.acme(demo)
            let session = demo.session
            // A pending member is a sent invitation on Cloudflare: make one (directly, not through the console).
            let inviting = try #require(session.directory.memberInviting)
            let roles = try await Ready.roles(demo)
            let invitation = try await inviting.invite(
                email: "pending@example.test", roles: [roles[0]], in: session.scope)
            session.invitations.setMode(.sent)
            session.invitations.sent.refresh()
            try #require(await demo.waiter.until { session.invitations.sent.row(id: invitation.id) != nil })
            return .init(
                write: { await session.invitations.revoke(id: invitation.id).value },
                reread: "/accounts/\(account.id)/members")
        },
        WriteCase(actionID: "members.invite", method: "POST", path: "/accounts/*/members") { demo in
            let account = try await Ready.acme(demo)
            let roles = try await Ready.roles(demo)
            let session = demo.session
            return .init(
                write: {
                    await session.invitations.invite(email: "new@example.test", roles: [roles[0]], in: session.scope)
                        .value
                },
                reread: "/accounts/\(account.id)/members")
        },
    ]

    static let tokens: [WriteCase] = [
        WriteCase(actionID: "tokens.roll", method: "PUT", path: "/user/tokens/*/value") { demo in
            try await Ready.top(demo)
            let token = try Ready.token(demo)
            return .init(
                write: { await demo.session.tokens.roll(id: token.id).value }, reread: "/user/tokens/\(token.id)")
        },
        WriteCase(actionID: "tokens.setEnabled", method: "PUT", path: "/user/tokens/*") { demo in
            try await Ready.top(demo)
            let token = try Ready.token(demo)
            return .init(
                write: { await demo.session.tokens.setEnabled(id: token.id, enabled: false).value },
                reread: "/user/tokens/\(token.id)")
        },
        WriteCase(actionID: "tokens.edit", method: "PUT", path: "/user/tokens/*") { demo in
            try await Ready.top(demo)
            let token = try Ready.token(demo)
            return .init(
                write: { await demo.session.tokens.edit(id: token.id, TokenEdit(name: "renamed")).value },
                reread: "/user/tokens/\(token.id)")
        },
        WriteCase(actionID: "tokens.delete", method: "DELETE", path: "/user/tokens/*") { demo in
            try await Ready.top(demo)
            let token = try Ready.token(demo)
            return .init(write: { await demo.session.tokens.delete(id: token.id).value }, reread: "/user/tokens")
        },
        WriteCase(actionID: "tokens.create", method: "POST", path: "/user/tokens") { demo in
            try await Ready.top(demo)
            let creating = try #require(demo.session.directory.tokenCreating)
            let groups = try await creating.permissionGroups(for: .top)
            let draft = TokenDraft(name: "runner", permissionGroups: Array(groups.prefix(1)), resources: .allAccounts)
            return .init(write: { await demo.session.tokens.create(draft).value }, reread: "/user/tokens")
        },
    ]

    static let members: [WriteCase] = [
        WriteCase(actionID: "members.setRoles", method: "PUT", path: "/accounts/*/members/*") { demo in
            let account = try await Ready.acme(demo)
            let member = try Ready.otherMember(demo)
            let roles = try await Ready.roles(demo)
            let other = try #require(roles.first { role in !member.roles.contains { $0.id == role.id } })
            return .init(
                write: { await demo.session.members.setRoles(id: member.id, to: [other]).value },
                reread: "/accounts/\(account.id)/members/\(member.id)")
        },
        WriteCase(actionID: "members.remove", method: "DELETE", path: "/accounts/*/members/*") { demo in
            let account = try await Ready.acme(demo)
            let member = try Ready.otherMember(demo)
            return .init(
                write: { await demo.session.members.removeMember(id: member.id).value },
                reread: "/accounts/\(account.id)/members")
        },
    ]

    static let accounts: [WriteCase] = [
        WriteCase(actionID: "accounts.update", method: "PUT", path: "/accounts/*") { demo in
            try await Ready.top(demo)
            let id = demo.server.store.bigAccountID
            return .init(
                write: {
                    await demo.session.accounts.update(id: id, name: "Acme Renamed", enforceTwoFactor: nil).value
                },
                reread: "/accounts")
        },
        WriteCase(actionID: "accounts.create", method: "POST", path: "/accounts") { demo in
            try await Ready.top(demo)
            return .init(write: { await demo.session.accounts.create(name: "Fresh").value }, reread: "/accounts")
        },
        WriteCase(actionID: "accounts.delete", method: "DELETE", path: "/accounts/*") { demo in
            try await Ready.top(demo)
            let id = demo.server.store.bigAccountID
            return .init(write: { await demo.session.accounts.delete(id: id).value }, reread: "/accounts")
        },
        WriteCase(actionID: "accounts.move", method: "POST", path: "/accounts/*/move") { demo in
            try await Ready.top(demo)
            let account = try #require(demo.session.accounts.list.row(id: demo.server.store.bigAccountID))
            let moving = try #require(demo.session.directory.accountMoving)
            let current = try await moving.organizationPath(of: account).last?.id
            let destination = try #require(try await moving.tenantOrganizations().first { $0.id != current })
            return .init(
                write: { await demo.session.accounts.move(account, to: destination).value },
                reread: "/accounts/\(account.id)/organizations")
        },
        WriteCase(actionID: "accounts.editProfile", method: "PUT", path: "/accounts/*/profile") { demo in
            try await Ready.top(demo)
            let account = try #require(demo.session.accounts.list.row(id: demo.server.store.bigAccountID))
            let editing = try #require(demo.session.directory.accountProfileEditing)
            let field = try #require(try await editing.accountProfile(account).first)
            return .init(
                write: { await demo.session.records.editAccountProfile(account, [field.id: .set("Changed")]).value },
                reread: "/accounts/\(account.id)/profile")
        },
    ]

    static let records: [WriteCase] = [
        WriteCase(actionID: "user.edit", method: "PATCH", path: "/user") { demo in
            try await Ready.top(demo)
            return .init(
                write: { await demo.session.records.editUser(["telephone": .set("+1 555 0100")]).value },
                reread: "/user")
        },
        WriteCase(actionID: "organizations.leave", method: "DELETE", path: "/user/organizations/*") { demo in
            let session = demo.session
            #expect(session.records.showOrganizations())
            try #require(await demo.waiter.until { session.records.snapshot.loadState == .loaded })
            let id = try #require(session.records.snapshot.rows.first?.id)
            return .init(
                write: { await session.records.leaveOrganization(id: id).value }, reread: "/user/organizations")
        },
    ]
}
