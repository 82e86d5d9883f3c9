/// The endpoints newer servers dropped (in SDK 0.17.0 / 0.14.0 and the Go SDK, gone from 0.18.0): used where the
/// server still has them; where it answers 404 they throw `APIError` of kind `.unsupported`.
import APICore

extension KeycardClient {
    static func usersPath(_ organizationID: String) -> [String] {
        ["organizations", organizationID, "users"]
    }

    /// `GET /organizations/{id}/users`: one page of members, optionally of one role.
    public func users(
        organizationID: String, role: Keycard.OrganizationRole? = nil, _ query: Keycard.ListQuery = .init()
    ) async throws -> Keycard.List<Keycard.OrganizationUser> {
        try await whereSupported("Listing organization users is", organizationID: organizationID) {
            try await page(Self.usersPath(organizationID), query, extra: role.map { [("role", $0.rawValue)] } ?? [])
        }
    }

    /// `GET /organizations/{id}/users`, page after page.
    public func userPages(
        organizationID: String, role: Keycard.OrganizationRole? = nil, limit: Int? = nil,
        expand: [Keycard.Expand] = []
    ) -> PagedList<Keycard.OrganizationUser> {
        PagedList(first: .after(nil)) { cursor in
            guard case .after(let after) = cursor else {
                throw APIError(kind: .invalidConfiguration, detail: "A cursor list cannot start at \(cursor)")
            }
            let list = try await users(
                organizationID: organizationID, role: role, .init(after: after, limit: limit, expand: expand))
            return Page(
                items: list.items, cursor: cursor, next: Self.next(after: list.pageInfo, count: list.items.count))
        }
    }

    /// `GET /organizations/{id}/users/{user}`.
    public func user(organizationID: String, id: String) async throws -> Keycard.OrganizationUser {
        try await whereUsersAreSupported(organizationID) {
            try await send(.get, Self.usersPath(organizationID) + [id])
        }
    }

    /// `PATCH /organizations/{id}/users/{user}`: a new role or status.
    public func updateUser(organizationID: String, id: String, _ body: Keycard.OrganizationUserUpdate) async throws
        -> Keycard.OrganizationUser
    {
        try await whereUsersAreSupported(organizationID) {
            try await send(.patch, Self.usersPath(organizationID) + [id], body: body)
        }
    }

    /// `DELETE /organizations/{id}/users/{user}`: removes the member.
    public func removeUser(organizationID: String, id: String) async throws {
        try await whereUsersAreSupported(organizationID) {
            try await sendExpectingNoContent(.delete, Self.usersPath(organizationID) + [id])
        }
    }

    /// `GET /organizations/{id}/roles` (not paginated).
    public func roles(
        organizationID: String, scope: Keycard.RoleScope? = nil, expand: [Keycard.Expand] = []
    ) async throws -> Keycard.RoleList {
        var query: Query = expand.map { ("expand", $0.rawValue) }
        if let scope { query.append(("scope", scope.rawValue)) }
        return try await whereSupported("Listing organization roles is", organizationID: organizationID) {
            try await send(.get, ["organizations", organizationID, "roles"], query: query)
        }
    }

    /// `GET /organizations/{id}/identities`: members and pending invitations in one list; `email` filters by a
    /// case-insensitive substring (`query[email]`).
    public func identities(
        organizationID: String, email: String? = nil, role: Keycard.OrganizationRole? = nil,
        _ query: Keycard.ListQuery = .init()
    ) async throws -> Keycard.IdentityList {
        var extra: Query = []
        if let email { extra.append(("query[email]", email)) }
        if let role { extra.append(("role", role.rawValue)) }
        return try await whereSupported("Listing organization identities is", organizationID: organizationID) {
            try await send(.get, ["organizations", organizationID, "identities"], query: query.items + extra)
        }
    }

    /// `POST /organizations/{id}/token`: exchanges the caller's user token for an organization-scoped one.
    /// Never retried after sending.
    public func exchangeToken(organizationID: String) async throws -> (accessToken: Secret, expiresIn: Double?) {
        let answer: Keycard.AccessToken = try await whereSupported("Token exchange is", organizationID: organizationID)
        {
            try await send(.post, ["organizations", organizationID, "token"])
        }
        return (Secret(answer.accessToken), answer.expiresIn)
    }

    /// A call on one user: its 404 is `.unsupported` when the users collection itself is missing.
    private func whereUsersAreSupported<Result>(_ organizationID: String, _ call: () async throws -> Result)
        async throws -> Result
    {
        do {
            return try await call()
        } catch let error as APIError where error.status == 404 {
            do {
                _ = try await users(organizationID: organizationID, .init(limit: 1))
            } catch let probe as APIError where probe.kind == .unsupported {
                throw APIError(
                    kind: .unsupported, providerMessages: error.providerMessages, requestLine: error.requestLine,
                    detail: "Managing organization users is not supported by this server")
            } catch {}
            throw error
        }
    }
}
