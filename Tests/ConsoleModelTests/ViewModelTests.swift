import APICore
import Clocks
import CloudflareAPI
import ConsoleModel
import ConsoleTesting
import DemoServer
import Foundation
import Testing

/// The view-models over the page cache, on an in-process DemoServer (120 members in the big account, pages of 50):
/// what is read, when, and what a write changes.
@MainActor
@Suite("View-models over the page cache")
struct ViewModelTests {
    let demo: InProcessDemo

    init() async {
        demo = await InProcessDemo.start()
    }

    private var store: CloudflareStore { demo.server.store }

    private func makeSession(readOnly: Bool = false, clock: (any Clock<Duration>)? = nil) throws -> (
        ConsoleSession, ModelEventWaiter
    ) {
        let cache = PageCache(clock: clock ?? ContinuousClock())
        let session = ConsoleSession(
            profile: "test", directory: try demo.cloudflareDirectory(), cache: cache, readOnly: readOnly)
        return (session, ModelEventWaiter(session))
    }

    private func startAndLoad(_ session: ConsoleSession, _ waiter: ModelEventWaiter) async throws {
        session.start()
        try #require(
            await waiter.until {
                session.accounts.snapshot.loadState == .loaded && session.invitations.snapshot.loadState == .loaded
                    && session.tokens.snapshot.loadState == .loaded
            })
    }

    /// How many requests the server answered for `method` on a path ending with `suffix`.
    private func count(_ method: String, _ suffix: String) async -> Int {
        await demo.requests(method, pathSuffix: suffix).count
    }

    /// The ids of the received invitations still pending, in list order (the seed has three).
    private func pendingInvitations() async -> [String] {
        await store.allInvites().filter { $0.status?.value == .pending }.compactMap(\.id)
    }

    @Test func browsingBackToAnAccountIsServedFromTheCache() async throws {
        let (session, waiter) = try makeSession()
        try await startAndLoad(session, waiter)
        let accounts = Array(session.accounts.snapshot.rows.prefix(2))
        #expect(accounts.map(\.name) == ["Acme Corp", "Globex Staging"])
        for account in [accounts[1], accounts[0], accounts[1], accounts[0]] {
            session.focus(account: account)
            #expect(
                await waiter.until {
                    session.members.snapshot.loadState == .loaded
                        && session.members.snapshot.rows.first?.accountID == account.id
                })
        }
        #expect(await count("GET", "/v4/accounts") == 1)
        #expect(await count("GET", "/accounts/\(accounts[0].id)/members") == 1)
        #expect(await count("GET", "/accounts/\(accounts[1].id)/members") == 1)
        #expect(session.members.snapshot.totalCount == 120)
        #expect(session.members.snapshot.hasMore)
    }

    @Test func selectionNearTheEndPrefetchesAndLoadAllFinishes() async throws {
        let (session, waiter) = try makeSession()
        try await startAndLoad(session, waiter)
        let big = store.bigAccountID
        let ids = await store.memberIDs(accountID: big)
        session.focus(account: try #require(session.accounts.list.row(id: big)))
        let members = session.members
        #expect(await waiter.until { members.snapshot.loadState == .loaded })
        #expect(members.snapshot.rows.count == 50)
        members.list.viewportHeight = 10
        members.list.select(index: 45)
        #expect(await waiter.until { members.snapshot.loadedCount == 100 && members.snapshot.loadState == .loaded })
        #expect(members.snapshot.selectedRow?.id == ids[45])
        members.list.loadAll()
        #expect(await waiter.until { members.snapshot.loadedCount == 120 && members.snapshot.loadState == .loaded })
        #expect(!members.snapshot.hasMore)
        #expect(members.snapshot.rows.map(\.id) == ids)
        #expect(await count("GET", "/accounts/\(big)/members") == 3)
    }

    @Test func aLoadAllThatFailsMidwayKeepsWhatLoadedAndSaysWhy() async throws {
        let (session, waiter) = try makeSession()
        try await startAndLoad(session, waiter)
        let big = store.bigAccountID
        session.focus(account: try #require(session.accounts.list.row(id: big)))
        let members = session.members
        #expect(await waiter.until { members.snapshot.loadState == .loaded && members.snapshot.loadedCount == 50 })
        // Every later page is refused (a 403 is never retried).
        demo.server.faults.inject(
            .refusal(403, message: "Unauthorized to access requested resource", code: 9109), method: "GET",
            path: "/accounts/\(big)/members", times: nil)
        members.list.loadAll()
        #expect(
            await waiter.until {
                if case .failed = members.snapshot.loadState { return !members.list.isLoading }
                return false
            })
        guard case .failed(let message) = members.snapshot.loadState else { return }
        #expect(message.contains("Unauthorized to access requested resource"))
        #expect(members.snapshot.rows.map(\.id) == Array(await store.memberIDs(accountID: big).prefix(50)))
        // Pages 2 and 3 were asked for once each at most: a failure stops the load, nothing is retried.
        #expect(await count("GET", "/accounts/\(big)/members") <= 3)
    }

    @Test func loadAllFollowsACursorChainInOrderWithOneRequestPerPage() async throws {
        let session = ConsoleSession(
            profile: "test", directory: try demo.openAIDirectory(limit: 50), cache: PageCache())
        let waiter = ModelEventWaiter(session)
        let members = session.members
        members.setScope(.top)
        #expect(await waiter.until { members.snapshot.loadState == .loaded && members.snapshot.loadedCount == 50 })
        members.list.loadAll()
        #expect(await waiter.until { members.snapshot.loadedCount == 120 && members.snapshot.loadState == .loaded })
        #expect(!members.snapshot.hasMore && !members.list.isLoading)
        #expect(members.snapshot.rows.map(\.id) == (await demo.server.openAI.userIDs()))
        #expect(await count("GET", "/organization/users") == 3)
    }

    @Test func filterAndSortWorkOnLoadedRowsWithoutRequests() async throws {
        let (session, waiter) = try makeSession()
        try await startAndLoad(session, waiter)
        let big = store.bigAccountID
        session.focus(account: try #require(session.accounts.list.row(id: big)))
        let list = session.members.list
        #expect(await waiter.until { list.snapshot.loadState == .loaded })
        let loaded = Array(list.snapshot.rows)
        let email = try #require(loaded[1].email)
        list.setFilter(email.uppercased())
        #expect(list.snapshot.rows.map(\.email) == [email])
        let pending = loaded.filter { $0.status == .pending }.count
        try #require(pending > 0, "the seed's first page has pending members")
        list.setFilter("pending")
        #expect(list.snapshot.rows.count == pending)
        list.setFilter("")
        list.setSort(SortState(columnID: "email", ascending: false))
        #expect(list.snapshot.rows.first?.email == loaded.compactMap(\.email).max())
        list.reverseSort()
        #expect(list.snapshot.rows.first?.email == loaded.compactMap(\.email).min())
        #expect(await count("GET", "/accounts/\(big)/members") == 1)
    }

    @Test func aStaleListShowsAtOnceAndRevalidatesOnce() async throws {
        let clock = TestClock()
        let (session, waiter) = try makeSession(clock: clock)
        try await startAndLoad(session, waiter)
        let listed = session.accounts.snapshot.rows.count
        await clock.advance(by: .seconds(45))
        let gate = demo.hold("GET", "/accounts")
        session.accounts.load()
        #expect(await waiter.until { session.accounts.snapshot.loadState == .stale })
        #expect(session.accounts.snapshot.rows.count == listed)
        await gate.waitForArrivals(1)
        gate.release()
        #expect(await waiter.until { session.accounts.snapshot.loadState == .loaded })
        #expect(await count("GET", "/v4/accounts") == 2)
    }

    @Test func changingScopeCancelsTheOldLoad() async throws {
        let (session, waiter) = try makeSession()
        try await startAndLoad(session, waiter)
        let accounts = session.accounts.snapshot.rows
        let gate = demo.hold("GET", "/accounts/\(accounts[0].id)/members")
        session.focus(account: accounts[0])
        await gate.waitForArrivals(1)
        session.focus(account: accounts[1])
        #expect(await waiter.until { session.members.snapshot.loadState == .loaded })
        gate.release()
        await gate.waitForDepartures(1)
        #expect(gate.cancelledDepartures == 1)
        #expect(await count("GET", "/accounts/\(accounts[0].id)/members") == 0)
        #expect(session.members.snapshot.rows.allSatisfy { $0.accountID == accounts[1].id })
        #expect(session.members.scope.leaf?.id == accounts[1].id)
    }
}
