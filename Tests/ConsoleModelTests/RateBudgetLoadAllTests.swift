import APICore
import CloudflareAPI
import ConsoleModel
import ConsoleTesting
import DemoServer
import Foundation
import Testing

@testable import ConsoleModel

/// Load-all against a demo server that enforces a rate limit: the budget the session shows, the 429s it meets, the
/// last tenth it leaves for the user's writes.
@MainActor
@Suite("Rate-limit budget: load-all against the demo server's rate limit")
struct RateBudgetLoadAllTests {
    /// A session on an in-process demo of 2,500 members in the big account (50 pages), limited to `limit` / 5 min,
    /// whose transport keeps `budget` under the retry policy (waits recorded, not slept).
    private func start(limit: Int) async throws -> (InProcessDemo, ConsoleSession, ModelEventWaiter, RateBudget) {
        var configuration = InProcessDemo.configuration(members: 2_500)
        configuration.rateLimit = DemoRateLimit(requests: limit)
        let demo = await InProcessDemo.start(configuration)
        let budget = RateBudget(default: CloudflareDescriptor().defaultRateLimit)
        let transport = RetryingTransport(
            base: BudgetingTransport(
                base: DemoServerTransport(server: demo.server, traffic: demo.traffic), budget: budget),
            sleep: demo.sleeper.sleep, unitRandom: { 0.5 })
        let cloudflare = try CloudflareConfiguration(
            baseURL: demo.server.cloudflareBaseURL.absoluteString,
            credentials: .apiToken(Secret(demo.server.loginToken)))
        let directory = CloudflareDirectory(
            client: CloudflareClient(configuration: cloudflare, transport: transport), perPage: 50)
        let session = ConsoleSession(profile: "test", directory: directory, budget: budget)
        let waiter = ModelEventWaiter(session)
        session.start()
        try #require(await waiter.until { session.accounts.snapshot.loadState == .loaded })
        session.focus(account: try #require(session.accounts.list.row(id: demo.server.store.bigAccountID)))
        try #require(await waiter.until { session.members.snapshot.loadState == .loaded })
        return (demo, session, waiter, budget)
    }

    /// The server's own count: requests it let through (429s are not counted, as the limiter does not count them).
    private func serverRemaining(_ demo: InProcessDemo, limit: Int) async -> Int {
        limit - (await demo.server.requestLog.entries()).filter { $0.status != 429 }.count
    }

    /// Whether some request (method, path and query) was answered 429 twice in a row.
    private func any429TwiceInARow(_ demo: InProcessDemo) async -> Bool {
        var last: [String: Int] = [:]
        for entry in await demo.server.requestLog.entries() {
            let key = "\(entry.method) \(entry.path)?\(entry.query ?? "")"
            if entry.status == 429, last[key] == 429 { return true }
            last[key] = entry.status
        }
        return false
    }

    @Test func theBudgetShownMatchesTheServersCountAfterALoadAll() async throws {
        let (demo, session, waiter, budget) = try await start(limit: 200)
        session.members.list.loadAll()
        try #require(await waiter.until { session.members.snapshot.loadedCount == 2_500 })
        let shown = try #require(budget.reading)
        let server = await serverRemaining(demo, limit: 200)
        #expect(shown.fromServer)
        #expect(shown.limit == 200)
        #expect(abs(shown.remaining - server) <= 4, "within 2 % of 200: shown \(shown.remaining), server \(server)")
        #expect(session.rateBudgetReading?.remaining == shown.remaining)
        #expect(!(await any429TwiceInARow(demo)))
        session.finish()
    }

    @Test func a429DuringLoadAllIsCountedAndNeverAnsweredTwiceInARow() async throws {
        let (demo, session, waiter, budget) = try await start(limit: 1_200)
        demo.server.faults.inject(.status(429, retryAfter: 1), method: "GET", path: "/accounts/*/members", times: 1)
        session.members.list.loadAll()
        try #require(await waiter.until { session.members.snapshot.loadedCount == 2_500 })
        #expect(budget.reading?.throttled == 1)
        let log = await demo.server.requestLog.entries()
        #expect(log.filter { $0.status == 429 }.count == 1)
        #expect(!(await any429TwiceInARow(demo)))
        session.finish()
    }

    @Test func loadAllPausesAtTheLastTenthAndAWriteStillGoesThrough() async throws {
        let limit = 40
        let (demo, session, waiter, budget) = try await start(limit: limit)
        session.members.list.loadAll()
        try #require(await waiter.until { session.members.snapshot.pausedBecause != nil })
        let reason = try #require(session.members.snapshot.pausedBecause)
        #expect(reason.contains("Loading paused"), "\(reason)")
        #expect(session.members.snapshot.loadedCount < 2_500)
        // Pages already in flight land; then nothing more is sent, and the last tenth is left.
        #expect(await waiter.eventually { await serverRemaining(demo, limit: limit) == budget.reading?.remaining })
        let left = await serverRemaining(demo, limit: limit)
        #expect(left >= 4, "the last tenth of 40 is left: \(left)")
        #expect(budget.reading?.isLow == true)
        // The user's write spends the reserve, and succeeds.
        let member = try #require(
            session.members.snapshot.rows.first { $0.email != demo.server.userEmail && $0.status == .active })
        let roles = await demo.server.store.roles(accountID: demo.server.store.bigAccountID)
        let wire = try #require(roles.first)
        let role = Role(id: try #require(wire.id), name: wire.name ?? "")
        await session.members.setRoles(id: member.id, to: [role]).value
        #expect(
            await demo.server.store.member(accountID: demo.server.store.bigAccountID, memberID: member.id)?.roles?
                .compactMap(\.id) == [role.id])
        let log = await demo.server.requestLog.entries()
        #expect(log.filter { $0.status == 429 }.isEmpty)
        #expect(log.contains { $0.method == "PUT" && $0.path.hasSuffix("/members/\(member.id)") && $0.status == 200 })
        session.members.list.clear()
        session.finish()
    }

    @Test func theThrottleHalvesOnA429AndGrowsBackByOnePerGoodRun() {
        let budget = RateBudget(default: RateLimit(requests: 1_200, window: .seconds(300)))
        let throttle = LoadThrottle(maximum: 8, budget: budget)
        budget.sending()
        budget.received(HTTPResponse(status: 429, headers: ["retry-after": "1"]))
        throttle.leave()
        #expect(throttle.width == 4)
        throttle.leave()
        #expect(throttle.width == 4, "the same 429 halves once")
        for _ in 0..<(LoadThrottle.growEvery - 1) { throttle.leave() }
        #expect(throttle.width == 5)
        #expect(throttle.halvings == 1)
    }

    @Test func aWorkerOutsideTheWidthIsWokenWhenItGrowsBack() async throws {
        let budget = RateBudget(default: RateLimit(requests: 1_200, window: .seconds(300)))
        let throttle = LoadThrottle(maximum: 2, budget: budget)
        budget.sending()
        budget.received(HTTPResponse(status: 429, headers: ["retry-after": "1"]))
        throttle.leave()
        #expect(throttle.width == 1)
        let admitted = Task { try await throttle.enter(worker: 1, paused: { _ in }) }
        // Good pages short of a run leave it waiting; the run that widens the throttle lets it in.
        for _ in 0..<(LoadThrottle.growEvery - 1) { throttle.leave() }
        #expect(throttle.width == 1)
        throttle.leave()
        #expect(throttle.width == 2)
        try await admitted.value
        #expect(throttle.active == 1)
    }

    @Test func cancellingAWaitingWorkerEndsItsWait() async throws {
        let budget = RateBudget(default: RateLimit(requests: 1_200, window: .seconds(300)))
        let throttle = LoadThrottle(maximum: 2, budget: budget)
        budget.sending()
        budget.received(HTTPResponse(status: 429, headers: ["retry-after": "1"]))
        throttle.leave()
        let waiting = Task { try await throttle.enter(worker: 1, paused: { _ in }) }
        waiting.cancel()
        await #expect(throws: CancellationError.self) { try await waiting.value }
        #expect(throttle.active == 0)
    }
}
