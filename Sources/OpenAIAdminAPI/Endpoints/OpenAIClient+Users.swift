import APICore
import Foundation

extension OpenAIClient {
    static let usersPath = ["organization", "users"]

    /// `GET /organization/users`, optionally only the users with these emails (`emails[]=…`).
    public func users(emails: [String] = [], limit: Int? = maximumLimit) -> PagedList<OpenAIAdmin.OrganizationUser> {
        conversationList(Self.usersPath, query: emails.map { ("emails[]", $0) }, limit: limit)
    }

    /// `GET /organization/users` read as rows: `scan` reads a page straight into rows (with `has_more` and
    /// `last_id`); a page it cannot read (nil) is decoded as summaries, which `map` turns into rows.
    public func userRows<Row: Sendable>(
        limit: Int? = maximumLimit,
        scan: @escaping @Sendable (Data) -> (rows: [Row], hasMore: Bool?, lastID: String?)?,
        map: @escaping @Sendable ([OpenAIAdmin.UserSummary]) -> [Row]
    ) -> PagedList<Row> {
        cursorPages(query: [], limit: limit) { pageQuery in
            let response = try await api.response(.get, Self.usersPath, query: pageQuery)
            if let scanned = scan(response.body) { return (scanned.rows, scanned.hasMore, scanned.lastID) }
            let page = try Self.decode(
                OpenAIAdmin.ListPage<OpenAIAdmin.UserSummary>.self, from: response,
                requestLine: JSONAPIClient.requestLine(.get, Self.usersPath))
            return (map(page.data), page.hasMore, page.lastID)
        }
    }

    /// `GET /organization/users/{id}`.
    public func user(id: String) async throws -> OpenAIAdmin.OrganizationUser {
        try await send(.get, Self.usersPath + [id])
    }

    /// `POST /organization/users/{id}`: changes the user's role (or other fields set in `body`).
    public func updateUser(id: String, _ body: OpenAIAdmin.UserUpdate) async throws -> OpenAIAdmin.OrganizationUser {
        try await send(.post, Self.usersPath + [id], body: body)
    }

    /// `DELETE /organization/users/{id}`: removes the user from the organization.
    public func deleteUser(id: String) async throws {
        try await delete(Self.usersPath + [id])
    }
}
