import APICore
import Foundation

extension CloudflareClient {
    /// A page-number list (V4PagePaginationArray): stops at `total_pages` or on a short page.
    ///
    /// `scan` is a faster reader of a page, tried before `JSONDecoder` (see `CloudflareClient.envelope(of:)`).
    func numberedList<Item: Codable & Sendable>(
        _ path: [String], query: Query, perPage: Int?, scan: (@Sendable (Data) -> Cloudflare.Envelope<[Item]>?)? = nil
    ) -> PagedList<Item> {
        numberedPages(query: query, perPage: perPage) { pageQuery in
            let envelope = try await send(.get, path, query: pageQuery, as: [Item].self, scan: scan)
            return (envelope.result ?? [], envelope.resultInfo)
        }
    }

    /// A page-number list whose pages `fetch` reads (given each page's query) into items and `result_info`.
    func numberedPages<Item: Sendable>(
        query: Query, perPage: Int?,
        fetch: @escaping @Sendable (Query) async throws -> (items: [Item], info: Cloudflare.ResultInfo?)
    ) -> PagedList<Item> {
        PagedList(first: .page(1)) { cursor in
            guard case .page(let number) = cursor else {
                throw APIError(kind: .invalidConfiguration, detail: "A page-number list cannot start at \(cursor)")
            }
            var pageQuery = query
            pageQuery.append(("page", String(number)))
            if let perPage { pageQuery.append(("per_page", String(perPage))) }
            let (items, info) = try await fetch(pageQuery)
            let next = Page<Item>.nextPageNumber(
                after: info?.page ?? number, count: items.count, perPage: info?.perPage ?? perPage,
                totalPages: info?.totalPages)
            return Page(
                items: items, cursor: cursor, next: next, totalPages: info?.totalPages, totalCount: info?.totalCount)
        }
    }

    /// A list the server returns whole (SinglePage).
    func singlePageList<Item: Codable & Sendable>(_ path: [String], query: Query = []) -> PagedList<Item> {
        PagedList(first: .single) { cursor in
            let items = try await send(.get, path, query: query, as: [Item].self).result ?? []
            return Page(items: items, cursor: cursor, next: nil, totalPages: 1, totalCount: items.count)
        }
    }

    /// A cursor list (CursorPaginationAfter): follows `result_info.cursors.after` until it is missing or empty.
    func cursorList<Item: Codable & Sendable>(_ path: [String], query: Query, limit: Int?) -> PagedList<Item> {
        PagedList(first: .after(nil)) { cursor in
            guard case .after(let after) = cursor else {
                throw APIError(kind: .invalidConfiguration, detail: "A cursor list cannot start at \(cursor)")
            }
            var pageQuery = query
            if let limit { pageQuery.append(("limit", String(limit))) }
            if let after { pageQuery.append(("cursor", after)) }
            let envelope = try await send(.get, path, query: pageQuery, as: [Item].self)
            let items = envelope.result ?? []
            let nextCursor = envelope.resultInfo?.cursors?.after.flatMap { $0.isEmpty ? nil : $0 }
            let next: PageCursor? = items.isEmpty ? nil : nextCursor.map { .after($0) }
            return Page(items: items, cursor: cursor, next: next)
        }
    }
}
