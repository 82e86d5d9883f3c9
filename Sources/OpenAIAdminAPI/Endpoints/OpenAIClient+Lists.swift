import APICore
import Foundation

extension OpenAIClient {
    /// The largest page the list endpoints accept.
    public static let maximumLimit = 100

    /// A ConversationCursorPage list (users, invites, projects, project users, keys, service accounts):
    /// the next page is `after=<last_id>`.
    func conversationList<Item: Codable & Sendable & Hashable>(
        _ path: [String], query: Query = [], limit: Int?,
        scan: (@Sendable (Data) -> OpenAIAdmin.ListPage<Item>?)? = nil
    ) -> PagedList<Item> {
        cursorList(path, query: query, limit: limit, scan: scan) { $0.lastID }
    }

    /// A CursorPage list (admin API keys): the next page is `after=<id of the last item>`.
    func lastItemList<Item: Codable & Sendable & Hashable>(
        _ path: [String], query: Query = [], limit: Int?, id: @escaping @Sendable (Item) -> String?
    ) -> PagedList<Item> {
        cursorList(path, query: query, limit: limit) { page in page.data.last.flatMap(id) }
    }

    /// A NextCursorPage list (roles, role assignments): the next page is `after=<next>`.
    func nextCursorList<Item: Codable & Sendable & Hashable>(_ path: [String], query: Query = [], limit: Int?)
        -> PagedList<Item>
    {
        cursorList(path, query: query, limit: limit) { $0.next }
    }

    /// The SDK's rule for all three styles: stop on `has_more: false`, an empty page or a missing cursor.
    private func cursorList<Item: Codable & Sendable & Hashable>(
        _ path: [String], query: Query, limit: Int?, scan: (@Sendable (Data) -> OpenAIAdmin.ListPage<Item>?)? = nil,
        nextAfter: @escaping @Sendable (OpenAIAdmin.ListPage<Item>) -> String?
    ) -> PagedList<Item> {
        cursorPages(query: query, limit: limit) { pageQuery in
            let page = try await send(.get, path, query: pageQuery, as: OpenAIAdmin.ListPage<Item>.self, scan: scan)
            return (page.data, page.hasMore, nextAfter(page))
        }
    }

    /// A cursor list whose pages `fetch` reads (given each page's query) into items, `has_more` and the cursor of
    /// the next page.
    func cursorPages<Item: Sendable>(
        query: Query, limit: Int?,
        fetch: @escaping @Sendable (Query) async throws -> (items: [Item], hasMore: Bool?, nextAfter: String?)
    ) -> PagedList<Item> {
        PagedList(first: .after(nil)) { cursor in
            guard case .after(let after) = cursor else {
                throw APIError(kind: .invalidConfiguration, detail: "A cursor list cannot start at \(cursor)")
            }
            var pageQuery = query
            // The SDK's order: the list's own parameters, then `limit`, then `after`.
            if let limit { pageQuery.append(("limit", String(min(max(limit, 1), Self.maximumLimit)))) }
            if let after { pageQuery.append(("after", after)) }
            let page = try await fetch(pageQuery)
            var next: PageCursor?
            if page.hasMore != false, !page.items.isEmpty, let cursor = page.nextAfter, !cursor.isEmpty,
                cursor != after
            {
                // A server that hands back the cursor it was asked with would otherwise loop forever.
                next = .after(cursor)
            }
            return Page(items: page.items, cursor: cursor, next: next)
        }
    }
}
