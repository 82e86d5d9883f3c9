import APICore

extension KeycardClient {
    /// `GET /organizations`: one page of the caller's organizations.
    public func organizations(_ query: Keycard.ListQuery = .init()) async throws -> Keycard.List<Keycard.Organization> {
        try await page(["organizations"], query)
    }

    /// `GET /organizations`, page after page.
    public func organizationPages(limit: Int? = nil, expand: [Keycard.Expand] = []) -> PagedList<Keycard.Organization> {
        pages(["organizations"], limit: limit, expand: expand)
    }

    /// `GET /organizations/{id}`; the id may also be the organization's label.
    public func organization(id: String, expand: [Keycard.Expand] = []) async throws -> Keycard.Organization {
        try await send(.get, ["organizations", id], query: expand.map { ("expand", $0.rawValue) })
    }

    /// `POST /organizations`.
    public func createOrganization(name: String?) async throws -> Keycard.Organization {
        try await send(.post, ["organizations"], body: Keycard.OrganizationBody(name: name))
    }

    /// `PATCH /organizations/{id}`.
    public func updateOrganization(id: String, name: String?) async throws -> Keycard.Organization {
        try await send(.patch, ["organizations", id], body: Keycard.OrganizationBody(name: name))
    }
}
