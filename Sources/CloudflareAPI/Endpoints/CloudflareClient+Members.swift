import APICore
import Foundation

extension CloudflareClient {
    /// `GET /accounts/{id}/members`.
    public func members(accountID: String, _ query: Cloudflare.MemberQuery = .init()) -> PagedList<Cloudflare.Member> {
        numberedList(["accounts", accountID, "members"], query: query.items, perPage: query.perPage)
    }

    /// `GET /accounts/{id}/members` decoded as summaries: no role permissions or policies, for big lists.
    public func memberSummaries(accountID: String, _ query: Cloudflare.MemberQuery = .init())
        -> PagedList<Cloudflare.MemberSummary>
    {
        numberedList(
            ["accounts", accountID, "members"], query: query.items, perPage: query.perPage,
            scan: Cloudflare.Envelope<[Cloudflare.MemberSummary]>.scanningMemberSummaries)
    }

    /// `GET /accounts/{id}/members` read as rows: `scan` reads a page straight into rows; a page it cannot read
    /// (nil) is decoded as summaries, which `map` turns into rows.
    public func memberRows<Row: Sendable>(
        accountID: String, _ query: Cloudflare.MemberQuery = .init(),
        scan: @escaping @Sendable (Data) -> (rows: [Row], info: Cloudflare.ResultInfo?)?,
        map: @escaping @Sendable ([Cloudflare.MemberSummary]) -> [Row]
    ) -> PagedList<Row> {
        let path = ["accounts", accountID, "members"]
        return numberedPages(query: query.items, perPage: query.perPage) { pageQuery in
            let response = try await checkedResponse(.get, path, query: pageQuery)
            if let scanned = scan(response.body) { return (scanned.rows, scanned.info) }
            let envelope = try Self.envelope(
                of: response, as: [Cloudflare.MemberSummary].self, requestLine: JSONAPIClient.requestLine(.get, path))
            return (map(envelope.result ?? []), envelope.resultInfo)
        }
    }

    /// `GET /accounts/{id}/members/{member}`.
    public func member(accountID: String, id: String) async throws -> Cloudflare.Member {
        try await result(.get, ["accounts", accountID, "members", id])
    }

    /// `POST /accounts/{id}/members`: invites a person (a pending member); roles are role ids as strings.
    public func addMember(accountID: String, _ body: Cloudflare.MemberCreate) async throws -> Cloudflare.Member {
        try await result(.post, ["accounts", accountID, "members"], body: body)
    }

    /// `PUT /accounts/{id}/members/{member}`: roles are `{id}` objects here.
    public func updateMember(accountID: String, id: String, _ body: Cloudflare.MemberUpdate) async throws
        -> Cloudflare.Member
    {
        try await result(.put, ["accounts", accountID, "members", id], body: body)
    }

    /// `DELETE /accounts/{id}/members/{member}`: removes a member or revokes a pending invitation.
    public func removeMember(accountID: String, id: String) async throws {
        _ = try await send(.delete, ["accounts", accountID, "members", id], as: Cloudflare.DeletedID.self)
    }
}
