import APICore
import ConsoleTesting
import Foundation
import Testing

@Suite("Pagination: page number, cursor, single page")
struct PaginationTests {
    /// Serves `/accounts` with `total` accounts, answering each request by the page number in its query.
    private func scriptAccounts(_ transport: FakeTransport, total: Int, perPage: Int) {
        transport.handle(.get, "/accounts") { request in
            let page =
                URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems?
                .first { $0.name == "page" }?.value.flatMap(Int.init) ?? 1
            let range = min((page - 1) * perPage, total)..<min(page * perPage, total)
            let body = listEnvelope(range.map(accountJSON), page: page, perPage: perPage, totalCount: total)
            return .response(HTTPResponse(status: 200, body: Data(body.utf8)))
        }
    }

    @Test func stopsAtTotalPagesWithoutTheExtraEmptyRequest() async throws {
        let transport = FakeTransport()
        scriptAccounts(transport, total: 50, perPage: 20)
        var seen: [Int] = []
        for try await page in try makeClient(transport).accounts(.init(perPage: 20)).pages {
            seen.append(page.items.count)
        }
        #expect(seen == [20, 20, 10])
        #expect(transport.count(.get, "/accounts") == 3)
    }

    @Test func stopsOnAShortPageWhenTotalsAreMissing() async throws {
        let transport = FakeTransport()
        let first =
            #"{"success":true,"result":[\#((0..<5).map(accountJSON).joined(separator: ","))],"result_info":{"page":1,"per_page":5}}"#
        let second = #"{"success":true,"result":[\#(accountJSON(5))],"result_info":{"page":2,"per_page":5}}"#
        transport.script(
            .get, "/accounts", [first, second].map { .response(HTTPResponse(status: 200, body: Data($0.utf8))) })
        let all = try await makeClient(transport).accounts(.init(perPage: 5)).fetchAll()
        #expect(all.map(\.id) == (0...5).map { "acc\($0)" })
        #expect(transport.count(.get, "/accounts") == 2)
    }

    @Test func fetchAllKeepsPageOrderWithConcurrentRequests() async throws {
        let transport = FakeTransport()
        scriptAccounts(transport, total: 2_500, perPage: 50)
        let requested = try makeClient(transport).accounts(.init(perPage: 50))
        let all = try await requested.fetchAll(concurrency: 6)
        #expect(all.map(\.id) == (0..<2_500).map { "acc\($0)" })
        #expect(transport.count(.get, "/accounts") == 50)
        let pageNumbers = transport.requests.compactMap {
            URLComponents(url: $0.url, resolvingAgainstBaseURL: false)?
                .queryItems?.first { $0.name == "page" }?.value.flatMap(Int.init)
        }
        #expect(Set(pageNumbers) == Set(1...50))
    }

    @Test func cursorListFollowsAfterUntilItIsMissing() async throws {
        let transport = FakeTransport()
        let pages = [
            #"{"success":true,"result":[{"id":"1"},{"id":"2"}],"result_info":{"cursors":{"after":"c1"}}}"#,
            #"{"success":true,"result":[{"id":"3"}],"result_info":{"cursors":{"after":""}}}"#,
        ]
        transport.script(
            .get, "/accounts/a/logs/audit", pages.map { .response(HTTPResponse(status: 200, body: Data($0.utf8))) })
        let list = try makeClient(transport).accountAuditLogs(
            accountID: "a", .init(since: "2024-01-01", before: "2024-02-01"))
        let all = try await list.fetchAll()
        #expect(all.map(\.id) == ["1", "2", "3"])
        let cursors = transport.requests.map { $0.url.query ?? "" }
        #expect(!cursors[0].contains("cursor="))
        #expect(cursors[1].contains("cursor=c1"))
    }

    @Test func singlePageListsAreOneRequest() async throws {
        let transport = FakeTransport()
        transport.respond(
            .get, "/user/invites", json: envelope(#"[{"id":"i1","organization_id":"a","status":"pending"}]"#))
        let list = try makeClient(transport).invites()
        var pages = 0
        for try await page in list.pages {
            pages += 1
            #expect(page.next == nil)
        }
        #expect(pages == 1)
        #expect(transport.count(.get, "/user/invites") == 1)
    }
}
