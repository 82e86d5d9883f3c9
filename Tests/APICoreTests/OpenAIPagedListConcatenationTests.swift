import APICore
import Foundation
import OpenAIAdminAPI
import Testing

@Suite("PagedList.followed(by:)")
struct OpenAIPagedListConcatenationTests {
    /// A cursor list over `items`, `size` per page, whose cursors are item indexes.
    private func cursorList(_ items: [String], size: Int) -> PagedList<String> {
        PagedList(first: .after(nil)) { cursor in
            guard case .after(let after) = cursor else { throw APIError(kind: .invalidConfiguration) }
            let start = after.flatMap(Int.init) ?? 0
            let end = min(start + size, items.count)
            return Page(
                items: Array(items[start..<end]), cursor: cursor, next: end < items.count ? .after(String(end)) : nil)
        }
    }

    /// A page-number list over `items`.
    private func numberedList(_ items: [String], size: Int) -> PagedList<String> {
        PagedList(first: .page(1)) { cursor in
            guard case .page(let number) = cursor else { throw APIError(kind: .invalidConfiguration) }
            let start = (number - 1) * size
            let end = min(start + size, items.count)
            return Page(
                items: Array(items[start..<end]), cursor: cursor, next: end < items.count ? .page(number + 1) : nil)
        }
    }

    @Test func walksTheFirstListThenTheSecond() async throws {
        let list = numberedList(["a", "b", "c"], size: 2).followed(by: cursorList(["x", "y", "z"], size: 2))
        var pages: [[String]] = []
        for try await page in list.pages { pages.append(page.items) }
        #expect(pages == [["a", "b"], ["c"], ["x", "y"], ["z"]])
        #expect(try await list.fetchAll() == ["a", "b", "c", "x", "y", "z"])
    }

    @Test func everyPageCanBeLoadedAgainByItsCursor() async throws {
        let list = cursorList(["a", "b"], size: 1).followed(by: numberedList(["x", "y"], size: 1))
        var cursors: [PageCursor] = []
        for try await page in list.pages { cursors.append(page.cursor) }
        #expect(cursors.first == .after(nil))
        #expect(Set(cursors).count == 4)
        let third = try await list.page(cursors[2])
        #expect(third.items == ["x"])
        #expect(third.cursor == cursors[2])
    }

    @Test func anEmptyFirstListGoesStraightOnAndNestingWorks() async throws {
        let nested = cursorList([], size: 5).followed(by: cursorList(["m"], size: 5)).followed(
            by: cursorList(["n"], size: 5))
        #expect(try await nested.fetchAll() == ["m", "n"])
    }

    @Test func aForeignCursorIsRefused() async throws {
        let list = cursorList(["a"], size: 1).followed(by: cursorList(["b"], size: 1))
        await #expect(throws: APIError.self) { try await list.page(.page(2)) }
        await #expect(throws: APIError.self) { try await list.page(.after("zzz")) }
    }
}
