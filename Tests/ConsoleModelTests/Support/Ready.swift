import APICore
import ConsoleModel
import Testing

/// Getting a demo session ready: loaded top level, the big account entered, a view opened.
@MainActor
enum Ready {
    static func top(_ demo: DemoSession) async throws {
        let session = demo.session
        session.start()
        try #require(
            await demo.waiter.until {
                session.accounts.snapshot.loadState == .loaded && session.tokens.snapshot.loadState == .loaded
                    && session.invitations.received.snapshot.loadState == .loaded
            })
    }

    /// The big account (Acme Corp, where the demo user is super administrator), entered.
    static func acme(_ demo: DemoSession) async throws -> Account {
        try await top(demo)
        let session = demo.session
        let account = try #require(session.accounts.list.row(id: demo.server.store.bigAccountID))
        session.focus(account: account)
        try #require(
            await demo.waiter.until {
                session.members.scope.leaf?.id == account.id && session.members.snapshot.loadState == .loaded
            })
        return account
    }

    /// A member of the entered account other than the demo user.
    static func otherMember(_ demo: DemoSession) throws -> Member {
        try #require(
            demo.session.members.snapshot.rows.first { $0.email != demo.server.userEmail && $0.status == .active })
    }

    static func roles(_ demo: DemoSession) async throws -> [Role] {
        let inviting = try #require(demo.session.directory.memberInviting)
        return try await inviting.invitableRoles(in: demo.session.scope)
    }

    /// A user token orgtui does not sign in with.
    static func token(_ demo: DemoSession) throws -> Token {
        try #require(demo.session.tokens.snapshot.rows.first { $0.id != demo.server.loginTokenID })
    }

    /// A received invitation still waiting for an answer.
    static func pendingInvitation(_ demo: DemoSession) throws -> Invitation {
        try #require(demo.session.invitations.received.snapshot.rows.first { $0.status == .pending })
    }
}
