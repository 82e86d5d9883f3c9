import APICore
import ConsoleModel
import ConsoleTesting
import Foundation
import Testing

/// The filter narrows remembered matches as a needle grows and reuses them on backspace: every keystroke must
/// still show exactly what filtering (and sorting) every loaded row from scratch shows.
@MainActor
@Suite("Filtering while typing")
struct FilterTypingTests {
    let demo: InProcessDemo

    /// A DemoServer whose big account (Acme Corp) has 300 members.
    init() async {
        demo = await InProcessDemo.start(InProcessDemo.configuration(members: 300))
    }

    /// Keystrokes as the filter line holds them after each one, with the sort in force (nil: load order).
    nonisolated static let typing: [(needles: [String], sort: SortState?)] = [
        (["a", "ac", "acm", "acme", "acme-", "acme-c", "acme-", "acme", "acm", "ac", "a", ""], nil),
        (["1", "12", "123", "12", "1", "", "1", "14"], nil),
        (["pe", "pen", "pend", "pen", "p", "pa"], SortState(columnID: "email")),
        (["EVE", "eve@", "eve@ev", "eve@", " eve ", "zzz", "zz", ""], SortState(columnID: "email", ascending: false)),
        (["a", "ad", "adm", "admin", "admin.", "administrator"], SortState(columnID: "roles")),
    ]

    @Test(arguments: 0..<typing.count)
    func everyKeystrokeShowsWhatAFullScanShows(_ index: Int) async throws {
        let (needles, sort) = Self.typing[index]
        let session = ConsoleSession(profile: "test", directory: try demo.cloudflareDirectory())
        let waiter = ModelEventWaiter(session)
        session.start()
        try #require(await waiter.until { session.accounts.snapshot.loadState == .loaded })
        session.focus(account: try #require(session.accounts.list.row(id: demo.server.store.bigAccountID)))
        let list = session.members.list
        try #require(await waiter.until { list.snapshot.loadState == .loaded })
        list.loadAll()
        try #require(await waiter.until { list.snapshot.loadedCount == 300 && list.snapshot.loadState == .loaded })
        let all = Array(list.snapshot.rows)
        list.setSort(sort)
        for needle in needles {
            list.setFilter(needle)
            #expect(
                list.snapshot.rows.map(\.id) == Self.fullScan(all, needle: needle, sort: sort), "after \"\(needle)\"")
        }
    }

    @Test func aSortChangeWhileFilteredKeepsTheFilter() async throws {
        let session = ConsoleSession(profile: "test", directory: try demo.cloudflareDirectory())
        let waiter = ModelEventWaiter(session)
        session.start()
        try #require(await waiter.until { session.accounts.snapshot.loadState == .loaded })
        session.focus(account: try #require(session.accounts.list.row(id: demo.server.store.bigAccountID)))
        let list = session.members.list
        try #require(await waiter.until { list.snapshot.loadState == .loaded })
        list.loadAll()
        try #require(await waiter.until { list.snapshot.loadedCount == 300 && list.snapshot.loadState == .loaded })
        let all = Array(list.snapshot.rows)
        list.setFilter("acme")
        list.setSort(SortState(columnID: "email", ascending: false))
        list.setFilter("acme-c")
        #expect(!list.snapshot.rows.isEmpty)
        #expect(
            list.snapshot.rows.map(\.id)
                == Self.fullScan(all, needle: "acme-c", sort: SortState(columnID: "email", ascending: false)))
        list.setSort(nil)
        list.setFilter("acme")
        #expect(list.snapshot.rows.map(\.id) == Self.fullScan(all, needle: "acme", sort: nil))
    }

    /// What the filter and sort mean: every column's text, lower-cased, contains the trimmed needle; stable sort.
    static func fullScan(_ rows: [Member], needle: String, sort: SortState?) -> [String] {
        let wanted = needle.trimmingCharacters(in: .whitespaces).lowercased()
        let columns = Columns.members
        var kept = rows.filter { row in
            wanted.isEmpty || columns.map { $0.text(row) }.joined(separator: "\u{1F}").lowercased().contains(wanted)
        }
        if let sort, let column = columns.first(where: { $0.id == sort.columnID }) {
            let keyed = kept.enumerated().map { ($0.offset, $0.element, column.sortKey($0.element)) }
            kept = keyed.sorted { a, b in
                switch (a.2, b.2) {
                case (.missing, .missing): return a.0 < b.0
                case (.missing, _): return false
                case (_, .missing): return true
                default:
                    let before = sort.ascending ? a.2 < b.2 : b.2 < a.2
                    let after = sort.ascending ? b.2 < a.2 : a.2 < b.2
                    return before || (!after && a.0 < b.0)
                }
            }.map(\.1)
        }
        return kept.map(\.id)
    }
}
