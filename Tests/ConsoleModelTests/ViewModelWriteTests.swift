import APICore
import CloudflareAPI
import ConsoleModel
import ConsoleTesting
import DemoServer
import Foundation
import Testing

/// The view-models' writes on an in-process DemoServer: answering invitations and rolling tokens, their optimistic
/// change, what they invalidate, and what happens when the server refuses or never answers.
@MainActor
@Suite("View-model writes: invitations and rolls")
struct ViewModelWriteTests {
    let demo: InProcessDemo

    init() async {
        demo = await InProcessDemo.start()
    }

    private var store: CloudflareStore { demo.server.store }

    private func startedSession(readOnly: Bool = false) async throws -> (ConsoleSession, ModelEventWaiter) {
        let session = ConsoleSession(
            profile: "test", directory: try demo.cloudflareDirectory(), cache: PageCache(), readOnly: readOnly)
        let waiter = ModelEventWaiter(session)
        session.start()
        try #require(
            await waiter.until {
                session.accounts.snapshot.loadState == .loaded && session.invitations.snapshot.loadState == .loaded
                    && session.tokens.snapshot.loadState == .loaded
            })
        return (session, waiter)
    }

    private func count(_ method: String, _ suffix: String) async -> Int {
        await demo.requests(method, pathSuffix: suffix).count
    }

    /// The received invitations still pending, in list order (the seed has three).
    private func pendingInvitations() async throws -> [String] {
        let pending = await store.allInvites().filter { $0.status?.value == .pending }.compactMap(\.id)
        try #require(pending.count == 3)
        return pending
    }

    /// A user token orgtui does not sign in with, still active.
    private func otherToken(_ session: ConsoleSession) throws -> Token {
        try #require(session.tokens.snapshot.rows.first { $0.id != demo.server.loginTokenID && $0.status == .active })
    }

    @Test func acceptingAnInvitationUpdatesTheRowAndInvalidatesWhatItChanged() async throws {
        let (session, waiter) = try await startedSession()
        let pending = try await pendingInvitations()
        #expect(session.invitations.pendingCount == 3)
        await session.invitations.respond(id: pending[0], .accept).value
        #expect(await store.inviteStatus(id: pending[0]) == .accepted)
        #expect(session.invitations.snapshot.rows.first { $0.id == pending[0] }?.status == .accepted)
        #expect(session.invitations.pendingCount == 2)
        #expect(await waiter.until { waiter.lastNotice?.level == .success })
        #expect(
            await !session.cache.contains(CacheKey(profile: "test", resource: .receivedInvitations, cursor: .single)))
        // The accounts list is reloaded from the server, and the next read of invitations goes to the network too.
        #expect(await waiter.eventually { await count("GET", "/v4/accounts") == 2 })
        session.invitations.load()
        #expect(await waiter.eventually { await count("GET", "/user/invites") == 2 })
        await session.invitations.respond(id: pending[1], .reject).value
        #expect(await store.inviteStatus(id: pending[1]) == .rejected)
        #expect(await count("PATCH", "/user/invites/\(pending[1])") == 1)
    }

    @Test func aFailedAcceptRollsBackAndReports() async throws {
        let (session, waiter) = try await startedSession()
        let invite = try await pendingInvitations()[0]
        demo.server.faults.inject(
            .refusal(403, message: "Access denied", code: 9109), method: "PATCH", path: "/user/invites/\(invite)")
        await session.invitations.respond(id: invite, .accept).value
        #expect(session.invitations.snapshot.rows.first { $0.id == invite }?.status == .pending)
        #expect(session.invitations.pendingCount == 3)
        _ = await waiter.until { waiter.lastNotice?.level == .error }
        let notice = try #require(waiter.lastNotice)
        #expect(notice.level == .error)
        #expect(notice.text.contains("Access denied"))
        #expect(await store.inviteStatus(id: invite) == .pending)
    }

    @Test func anAcceptWithoutAnswerRereadsAndIsNotResent() async throws {
        let (session, waiter) = try await startedSession()
        let invite = try await pendingInvitations()[2]
        // The connection drops before the server acts: the invitation is still pending, and the re-read says so.
        demo.server.faults.inject(.reset(afterHandling: false), method: "PATCH", path: "/user/invites/\(invite)")
        await session.invitations.respond(id: invite, .accept).value
        #expect(await count("PATCH", "/user/invites/\(invite)") == 1)
        #expect(await count("GET", "/user/invites/\(invite)") == 1)
        #expect(await waiter.until { waiter.lastNotice?.text.contains("now pending") == true })
    }

    @Test func aRollShowsTheSecretOnceAndNeverCachesIt() async throws {
        let (session, waiter) = try await startedSession()
        #expect(await waiter.until { session.tokens.signedInTokenID == demo.server.loginTokenID })
        let token = try otherToken(session)
        await session.tokens.roll(id: token.id).value
        let reveal = try #require(session.tokens.reveal)
        let value = try #require(reveal.secret.reveal())
        #expect(value == (await store.secret(ofTokenID: token.id)))
        #expect(!reveal.replacedOwnCredential)
        #expect(await waiter.until { waiter.lastNotice?.level == .success })
        let cached = await session.cache.contentsDescription()
        #expect(!cached.isEmpty)
        #expect(!cached.contains(value))
        #expect(!String(reflecting: session.tokens.snapshot).contains(value))
        session.tokens.dismissReveal()
        #expect(session.tokens.reveal == nil)
        #expect(reveal.secret.reveal() == nil)
    }

    @Test func rollingTheSignedInTokenSwitchesToTheNewSecret() async throws {
        let (session, waiter) = try await startedSession()
        let own = demo.server.loginTokenID
        let before = demo.server.loginToken
        await session.tokens.roll(id: own).value
        let reveal = try #require(session.tokens.reveal)
        #expect(reveal.replacedOwnCredential)
        session.tokens.refresh()
        #expect(
            await waiter.eventually {
                await count("GET", "/user/tokens") == 2 && session.tokens.snapshot.loadState == .loaded
            })
        let secret = try #require(await store.secret(ofTokenID: own))
        #expect(secret != before)
        #expect(demo.authorizations(.get, pathSuffix: "/user/tokens").last == "Bearer \(secret)")
    }

    /// The connection drops before the server acts (the token is unchanged) or after (the new secret is lost).
    @Test(arguments: [false, true])
    func aRollWithoutAnswerRereadsAndIsNotResent(serverActed: Bool) async throws {
        let (session, waiter) = try await startedSession()
        let token = try otherToken(session)
        let secret = await store.secret(ofTokenID: token.id)
        demo.server.faults.inject(
            .reset(afterHandling: serverActed), method: "PUT", path: "/user/tokens/\(token.id)/value")
        await session.tokens.roll(id: token.id).value
        #expect(await count("PUT", "/user/tokens/\(token.id)/value") == 1)
        #expect(await count("GET", "/user/tokens/\(token.id)") == 1)
        #expect(session.tokens.reveal == nil)
        #expect((await store.secret(ofTokenID: token.id) != secret) == serverActed)
        let said = serverActed ? "the new secret cannot be recovered" : "unchanged so far and nothing was re-sent"
        #expect(await waiter.until { waiter.lastNotice?.text.contains(said) == true })
    }

    @Test func readOnlyRefusesEveryWriteAndSendsNothing() async throws {
        let (session, waiter) = try await startedSession(readOnly: true)
        let pending = try await pendingInvitations()
        let big = store.bigAccountID
        session.focus(account: try #require(session.accounts.list.row(id: big)))
        #expect(await waiter.until { session.members.snapshot.loadState == .loaded })
        let member = try #require(session.members.snapshot.rows.first { $0.email != demo.server.userEmail })
        await session.invitations.respond(id: pending[0], .accept).value
        await session.invitations.respond(id: pending[1], .reject).value
        session.tokens.setScope(.top)
        #expect(await waiter.until { session.tokens.snapshot.loadState == .loaded })
        let token = try otherToken(session)
        await session.tokens.roll(id: token.id).value
        await session.tokens.setEnabled(id: token.id, enabled: false).value
        await session.tokens.delete(id: token.id).value
        await session.members.removeMember(id: member.id).value
        #expect(demo.traffic.sent.allSatisfy { $0.method == .get })
        #expect(await demo.writeCount() == 0)
        #expect(await waiter.until { waiter.notices.filter { $0.text.hasPrefix("Read-only mode") }.count == 6 })
        #expect(session.invitations.pendingCount == 3)
    }
}
