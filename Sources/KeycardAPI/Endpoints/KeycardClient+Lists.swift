import APICore

extension KeycardClient {
    /// One page of a cursor list, in either direction (`query.after` forward, `query.before` backward).
    func page<Item: Codable & Sendable>(_ path: [String], _ query: Keycard.ListQuery, extra: Query = []) async throws
        -> Keycard.List<Item>
    {
        try await send(.get, path, query: query.items + extra, as: Keycard.List<Item>.self)
    }

    /// The list as forward pages: follows `page_info.end_cursor` while `has_next_page` (no auto-pager in the SDK).
    func pages<Item: Codable & Sendable>(
        _ path: [String], limit: Int?, expand: [Keycard.Expand], extra: Query = []
    ) -> PagedList<Item> {
        PagedList(first: .after(nil)) { cursor in
            guard case .after(let after) = cursor else {
                throw APIError(kind: .invalidConfiguration, detail: "A cursor list cannot start at \(cursor)")
            }
            let list: Keycard.List<Item> = try await page(
                path, Keycard.ListQuery(after: after, limit: limit, expand: expand), extra: extra)
            return Page(
                items: list.items, cursor: cursor, next: Self.next(after: list.pageInfo, count: list.items.count))
        }
    }

    /// The cursor of the page after one with `info`; nil on the last page (or a page that cannot lead anywhere).
    static func next(after info: Keycard.PageInfo, count: Int) -> PageCursor? {
        guard info.hasNextPage, count > 0, let end = info.endCursor, !end.isEmpty else { return nil }
        return .after(end)
    }

    /// Runs a call to an endpoint newer servers dropped: its 404 becomes `.unsupported` when the organization
    /// itself exists (so a 404 of a deleted organization stays a 404).
    func whereSupported<Result>(
        _ feature: String, organizationID: String, _ call: () async throws -> Result
    ) async throws -> Result {
        do {
            return try await call()
        } catch let error as APIError where error.status == 404 {
            guard (try? await organization(id: organizationID)) != nil else { throw error }
            throw APIError(
                kind: .unsupported, providerMessages: error.providerMessages, requestLine: error.requestLine,
                detail: "\(feature) not supported by this server")
        }
    }
}
