/// The account profile, the tenant organizations and moving accounts between them. None of these is in SDK 5.9.0
/// (it has only `/organizations/{id}/profile`); the shapes follow Cloudflare's OpenAPI schema.
import APICore

extension CloudflareClient {
    /// `GET /accounts/{id}/profile`: refused for an account outside an organization.
    public func accountProfile(accountID: String) async throws -> Cloudflare.AccountProfile {
        try await result(.get, ["accounts", accountID, "profile"])
    }

    /// `PUT /accounts/{id}/profile` with all five fields: 204 No Content, or an envelope (both accepted).
    public func updateAccountProfile(accountID: String, _ body: Cloudflare.AccountProfileUpdate) async throws {
        _ = try await send(.put, ["accounts", accountID, "profile"], body: body, as: JSONValue.self)
    }

    /// `POST /accounts/{id}/move` into another organization of the tenant (closed beta; most callers are refused).
    public func moveAccount(accountID: String, _ body: Cloudflare.AccountMoveRequest) async throws
        -> Cloudflare.AccountMoveResult?
    {
        try await send(.post, ["accounts", accountID, "move"], body: body, as: Cloudflare.AccountMoveResult.self).result
    }

    /// `GET /accounts/{id}/organizations`: the organizations containing the account, root first, the one that
    /// holds it directly last.
    public func accountOrganizations(accountID: String) async throws -> [Cloudflare.Organization] {
        try await send(.get, ["accounts", accountID, "organizations"], as: [Cloudflare.Organization].self).result ?? []
    }

    /// `GET /organizations`: a single page, as the SDK reads it (it never follows `page_token`).
    public func organizations(pageSize: Int? = nil) -> PagedList<Cloudflare.Organization> {
        singlePageList(["organizations"], query: pageSize.map { [("page_size", String($0))] } ?? [])
    }
}
