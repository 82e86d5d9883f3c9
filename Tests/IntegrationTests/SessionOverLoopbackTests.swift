import APICore
import CloudflareAPI
import ConsoleModel
import ConsoleTesting
import DemoServer
import Foundation
import Testing

@MainActor
@Suite("A console session against the demo server: what the cache saves")
struct SessionOverLoopbackTests {
    @Test func browsingBackAndForthCostsOneRequestPerPage() async throws {
        let h = try await LoopbackHarness.start()
        do {
            // Pages stay fresh for the whole test, so a slow (loaded) machine cannot turn hits into revalidations.
            let cache = PageCache(limits: .init(freshFor: .seconds(3_600), staleFor: .seconds(7_200)))
            let session = ConsoleSession(
                profile: "demo", directory: CloudflareDirectory(client: h.client), cache: cache)
            let waiter = ModelEventWaiter(session)
            session.start()
            #expect(await waiter.until { session.accounts.snapshot.loadState == .loaded })
            let big = try #require(session.accounts.snapshot.rows.first { $0.id == h.server.store.bigAccountID })
            let small = try #require(session.accounts.snapshot.rows.first { $0.id != big.id })
            for account in [big, small, big, small, big] {
                session.focus(account: account)
                #expect(
                    await waiter.until {
                        session.members.snapshot.loadState == .loaded && session.members.scope.leaf?.id == account.id
                            && session.members.snapshot.rows.first?.accountID == account.id
                    })
            }
            // Scroll the big account to its last page, then leave and come back: still one request per page.
            session.members.list.loadAll()
            #expect(
                await waiter.until {
                    session.members.snapshot.loadedCount == 2_500 && !session.members.snapshot.hasMore
                })
            session.focus(account: small)
            #expect(
                await waiter.until {
                    session.members.scope.leaf?.id == small.id && session.members.snapshot.loadState == .loaded
                })
            session.focus(account: big)
            #expect(
                await waiter.until {
                    session.members.scope.leaf?.id == big.id && session.members.snapshot.loadState == .loaded
                })
            session.members.list.loadAll()
            #expect(
                await waiter.until {
                    session.members.snapshot.loadedCount == 2_500 && !session.members.snapshot.hasMore
                })

            let log = await h.server.requestLog.entries()
            let bigPages = log.filter { $0.method == "GET" && $0.path.hasSuffix("/accounts/\(big.id)/members") }
            let smallPages = log.filter { $0.method == "GET" && $0.path.hasSuffix("/accounts/\(small.id)/members") }
            #expect(log.filter { $0.method == "GET" && $0.path.hasSuffix("/accounts") }.count == 1)
            #expect(bigPages.count == 50)
            #expect(Set(bigPages.map { $0.query ?? "" }).count == 50)
            #expect(smallPages.count == 1)
            print(
                "requests: accounts=1 big-account member pages=\(bigPages.count) (50 pages) small-account=\(smallPages.count)"
            )
            session.finish()
        }
        await h.stop()
    }
}
