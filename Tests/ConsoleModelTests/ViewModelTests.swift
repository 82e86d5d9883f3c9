import APICore
import Clocks
import ConsoleModel
import ConsoleTesting
import Foundation
import Testing

@MainActor
@Suite("View-models over the page cache")
struct ViewModelTests {
    let api = FakeCloudflareAPI(accounts: 2, members: 120)

    private func makeSession(readOnly: Bool = false, clock: (any Clock<Duration>)? = nil) throws -> (ConsoleSession, ModelEventWaiter) {
        let cache = PageCache(clock: clock ?? ContinuousClock())
        let session = ConsoleSession(profile: "test", directory: try api.directory(), cache: cache, readOnly: readOnly)
        return (session, ModelEventWaiter(session))
    }

    private func startAndLoad(_ session: ConsoleSession, _ waiter: ModelEventWaiter) async throws {
        session.start()
        try #require(await waiter.until {
            session.accounts.snapshot.loadState == .loaded && session.invitations.snapshot.loadState == .loaded
                && session.tokens.snapshot.loadState == .loaded
        })
    }

    @Test func browsingBackToAnAccountIsServedFromTheCache() async throws {
        let (session, waiter) = try makeSession()
        try await startAndLoad(session, waiter)
        let accounts = session.accounts.snapshot.rows
        #expect(accounts.map(\.name) == ["Account 1", "Account 2"])
        for account in [accounts[0], accounts[1], accounts[0], accounts[1]] {
            session.focus(account: account)
            #expect(await waiter.until {
                session.members.snapshot.loadState == .loaded && session.members.snapshot.rows.first?.accountID == account.id
            })
        }
        #expect(api.transport.count(.get, "/accounts") == 1)
        #expect(api.transport.count(.get, "/accounts/acc1/members") == 1)
        #expect(api.transport.count(.get, "/accounts/acc2/members") == 1)
        #expect(session.members.snapshot.totalCount == 120)
        #expect(session.members.snapshot.hasMore)
    }

    @Test func selectionNearTheEndPrefetchesAndLoadAllFinishes() async throws {
        let (session, waiter) = try makeSession()
        try await startAndLoad(session, waiter)
        session.focus(account: session.accounts.snapshot.rows[0])
        let members = session.members
        #expect(await waiter.until { members.snapshot.loadState == .loaded })
        #expect(members.snapshot.rows.count == 50)
        members.list.viewportHeight = 10
        members.list.select(index: 45)
        #expect(await waiter.until { members.snapshot.loadedCount == 100 && members.snapshot.loadState == .loaded })
        #expect(members.snapshot.selectedRow?.id == "acc1-m45")
        members.list.loadAll()
        #expect(await waiter.until { members.snapshot.loadedCount == 120 && members.snapshot.loadState == .loaded })
        #expect(!members.snapshot.hasMore)
        #expect(members.snapshot.rows.map(\.id) == (0..<120).map { "acc1-m\($0)" })
        #expect(api.transport.count(.get, "/accounts/acc1/members") == 3)
    }

    @Test func aLoadAllThatFailsMidwayKeepsWhatLoadedAndSaysWhy() async throws {
        let (session, waiter) = try makeSession()
        try await startAndLoad(session, waiter)
        session.focus(account: session.accounts.snapshot.rows[0])
        let members = session.members
        #expect(await waiter.until { members.snapshot.loadState == .loaded && members.snapshot.loadedCount == 50 })
        // Every later page is refused (a 403 is never retried).
        api.transport.handle(.get, "/accounts/acc1/members") { _ in
            .response(HTTPResponse(status: 403, body: Data(#"{"success":false,"errors":[{"code":9109,"message":"Unauthorized to access requested resource"}],"messages":[],"result":null}"#.utf8)))
        }
        members.list.loadAll()
        #expect(await waiter.until {
            if case .failed = members.snapshot.loadState { return !members.list.isLoading }
            return false
        })
        guard case .failed(let message) = members.snapshot.loadState else { return }
        #expect(message.contains("Unauthorized to access requested resource"))
        #expect(members.snapshot.rows.map(\.id) == (0..<50).map { "acc1-m\($0)" })
        // Pages 2 and 3 were asked for once each at most: a failure stops the load, nothing is retried.
        #expect(api.transport.count(.get, "/accounts/acc1/members") <= 3)
    }

    @Test func loadAllFollowsACursorChainInOrderWithOneRequestPerPage() async throws {
        let openAI = FakeOpenAIAPI(users: 120)
        let session = ConsoleSession(profile: "test", directory: try openAI.directory(limit: 50), cache: PageCache())
        let waiter = ModelEventWaiter(session)
        let members = session.members
        members.setScope(.top)
        #expect(await waiter.until { members.snapshot.loadState == .loaded && members.snapshot.loadedCount == 50 })
        members.list.loadAll()
        #expect(await waiter.until { members.snapshot.loadedCount == 120 && members.snapshot.loadState == .loaded })
        #expect(!members.snapshot.hasMore && !members.list.isLoading)
        #expect(members.snapshot.rows.map(\.email) == (0..<120).map { "user\($0)@example.test" })
        #expect(openAI.count(.get, "/users") == 3)
    }

    @Test func filterAndSortWorkOnLoadedRowsWithoutRequests() async throws {
        let (session, waiter) = try makeSession()
        try await startAndLoad(session, waiter)
        session.focus(account: session.accounts.snapshot.rows[0])
        let list = session.members.list
        #expect(await waiter.until { list.snapshot.loadState == .loaded })
        list.setFilter("USER1@")
        #expect(list.snapshot.rows.map(\.email) == ["user1@acc1.test"])
        list.setFilter("pending")
        #expect(list.snapshot.rows.count == 5)
        list.setFilter("")
        list.setSort(SortState(columnID: "email", ascending: false))
        #expect(list.snapshot.rows.first?.email == "user9@acc1.test")
        list.reverseSort()
        #expect(list.snapshot.rows.first?.email == "user0@acc1.test")
        #expect(api.transport.count(.get, "/accounts/acc1/members") == 1)
    }

    @Test func aStaleListShowsAtOnceAndRevalidatesOnce() async throws {
        let clock = TestClock()
        let (session, waiter) = try makeSession(clock: clock)
        try await startAndLoad(session, waiter)
        await clock.advance(by: .seconds(45))
        let gate = api.transport.hold(.get, "/accounts")
        session.accounts.load()
        #expect(await waiter.until { session.accounts.snapshot.loadState == .stale })
        #expect(session.accounts.snapshot.rows.count == 2)
        await gate.waitForArrivals(1)
        gate.release()
        #expect(await waiter.until { session.accounts.snapshot.loadState == .loaded })
        #expect(api.transport.count(.get, "/accounts") == 2)
    }

    @Test func acceptingAnInvitationUpdatesTheRowAndInvalidatesWhatItChanged() async throws {
        let (session, waiter) = try makeSession()
        try await startAndLoad(session, waiter)
        #expect(session.invitations.pendingCount == 3)
        await session.invitations.respond(id: "inv1", .accept).value
        #expect(api.inviteStatus("inv1") == "accepted")
        #expect(session.invitations.snapshot.rows.first { $0.id == "inv1" }?.status == .accepted)
        #expect(session.invitations.pendingCount == 2)
        #expect(await waiter.until { waiter.lastNotice?.level == .success })
        #expect(await !session.cache.contains(CacheKey(profile: "test", resource: .receivedInvitations, cursor: .single)))
        // The accounts list is reloaded from the server, and the next read of invitations goes to the network too.
        #expect(await waiter.until { api.transport.count(.get, "/accounts") == 2 })
        session.invitations.load()
        #expect(await waiter.until { api.transport.count(.get, "/user/invites") == 2 })
        await session.invitations.respond(id: "inv2", .reject).value
        #expect(api.inviteStatus("inv2") == "rejected")
        #expect(api.transport.count(.patch, "/user/invites/inv2") == 1)
    }

    @Test func aFailedAcceptRollsBackAndReports() async throws {
        let (session, waiter) = try makeSession()
        try await startAndLoad(session, waiter)
        api.transport.respond(.patch, "/user/invites/inv1", status: 403, json: errorEnvelope403)
        await session.invitations.respond(id: "inv1", .accept).value
        #expect(session.invitations.snapshot.rows.first { $0.id == "inv1" }?.status == .pending)
        #expect(session.invitations.pendingCount == 3)
        _ = await waiter.until { waiter.lastNotice?.level == .error }
        let notice = try #require(waiter.lastNotice)
        #expect(notice.level == .error)
        #expect(notice.text.contains("Access denied"))
        #expect(api.inviteStatus("inv1") == "pending")
    }

    @Test func anAcceptWithoutAnswerRereadsAndIsNotResent() async throws {
        let (session, waiter) = try makeSession()
        try await startAndLoad(session, waiter)
        api.transport.script(.patch, "/user/invites/inv3", [.failure(.failedAfterSending("reset")), .failure(.timedOut)])
        await session.invitations.respond(id: "inv3", .accept).value
        #expect(api.transport.count(.patch, "/user/invites/inv3") == 1)
        #expect(api.transport.count(.get, "/user/invites/inv3") == 1)
        #expect(await waiter.until { waiter.lastNotice?.text.contains("now pending") == true })
    }

    @Test func aRollShowsTheSecretOnceAndNeverCachesIt() async throws {
        let (session, waiter) = try makeSession()
        try await startAndLoad(session, waiter)
        #expect(await waiter.until { session.tokens.signedInTokenID == api.ownTokenID })
        await session.tokens.roll(id: "tok-ci").value
        let reveal = try #require(session.tokens.reveal)
        let value = try #require(reveal.secret.reveal())
        #expect(value == api.secret(ofToken: "tok-ci"))
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
        let (session, waiter) = try makeSession()
        try await startAndLoad(session, waiter)
        await session.tokens.roll(id: api.ownTokenID).value
        let reveal = try #require(session.tokens.reveal)
        #expect(reveal.replacedOwnCredential)
        session.tokens.refresh()
        #expect(await waiter.until { session.tokens.snapshot.loadState == .loaded && api.transport.count(.get, "/user/tokens") == 2 })
        let last = try #require(api.transport.requests.last { $0.url.path.hasSuffix("/user/tokens") })
        #expect(last.header("Authorization") == "Bearer \(api.secret(ofToken: api.ownTokenID) ?? "?")")
    }

    @Test func aRollWithoutAnswerRereadsAndIsNotResent() async throws {
        let (session, waiter) = try makeSession()
        try await startAndLoad(session, waiter)
        api.transport.script(.put, "/user/tokens/tok-ci/value", [.failure(.timedOut), .failure(.timedOut)])
        await session.tokens.roll(id: "tok-ci").value
        #expect(api.transport.count(.put, "/user/tokens/tok-ci/value") == 1)
        #expect(api.transport.count(.get, "/user/tokens/tok-ci") == 1)
        #expect(session.tokens.reveal == nil)
        #expect(await waiter.until { waiter.lastNotice?.text.contains("Nothing was re-sent") == true })
    }

    @Test func changingScopeCancelsTheOldLoad() async throws {
        let (session, waiter) = try makeSession()
        try await startAndLoad(session, waiter)
        let gate = api.transport.hold(.get, "/accounts/acc1/members")
        let accounts = session.accounts.snapshot.rows
        session.focus(account: accounts[0])
        await gate.waitForArrivals(1)
        session.focus(account: accounts[1])
        #expect(await waiter.until { session.members.snapshot.loadState == .loaded })
        gate.release()
        await gate.waitForDepartures(1)
        #expect(gate.cancelledDepartures == 1)
        #expect(api.transport.count(.get, "/accounts/acc1/members") == 0)
        #expect(session.members.snapshot.rows.allSatisfy { $0.accountID == "acc2" })
        #expect(session.members.scope.leaf?.id == "acc2")
    }

    @Test func readOnlyRefusesEveryWriteAndSendsNothing() async throws {
        let (session, waiter) = try makeSession(readOnly: true)
        try await startAndLoad(session, waiter)
        session.focus(account: session.accounts.snapshot.rows[0])
        #expect(await waiter.until { session.members.snapshot.loadState == .loaded })
        await session.invitations.respond(id: "inv1", .accept).value
        await session.invitations.respond(id: "inv2", .reject).value
        session.tokens.setScope(.top)
        #expect(await waiter.until { session.tokens.snapshot.loadState == .loaded })
        await session.tokens.roll(id: "tok-ci").value
        await session.tokens.setEnabled(id: "tok-ci", enabled: false).value
        await session.tokens.delete(id: "tok-ci").value
        await session.members.removeMember(id: "acc1-m1").value
        #expect(api.transport.requests.allSatisfy { $0.method == .get })
        #expect(await waiter.until { waiter.notices.filter { $0.text.hasPrefix("Read-only mode") }.count == 6 })
        #expect(session.invitations.pendingCount == 3)
    }
}

private let errorEnvelope403 =
    #"{"success":false,"errors":[{"code":9109,"message":"Invalid access token"}],"messages":[],"result":null}"#
