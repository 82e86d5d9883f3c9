/// Lists an organization's members and pending invitations in one list (Keycard's identities).
public protocol IdentityListing: Sendable {
    /// The identities of the organization in `scope`, or why there are none to list.
    func identities(in scope: Scope) -> Ledger
}

/// Exchanges the signed-in credential for an access token scoped to one organization (Keycard).
public protocol OrganizationTokenExchanging: Sendable {
    /// The new access token (shown once, like any secret) and how many seconds it lives.
    func exchangeToken(organizationID: String) async throws -> (token: Secret, expiresIn: Double?)
}
