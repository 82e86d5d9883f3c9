import APICore
import CloudflareAPI

/// The tenant organizations (`/organizations`), where an account sits among them, its business profile, and the
/// move between organizations. An account outside every organization has no profile and cannot be moved: the
/// demo refuses both with a 403 in the v4 envelope (its own codes: the real ones are not documented).
extension CloudflareStore {
    /// The empty profile of an account in an organization that was never given one.
    static let emptyProfile = Cloudflare.AccountProfile(
        businessAddress: "", businessEmail: "", businessName: "", businessPhone: "", externalMetadata: "")

    static let noProfile = DemoAPIError.failure(
        status: 403, errors: [WireError(code: 1003, message: "Accounts outside an organization have no profile")],
        retryAfter: nil)

    static let notTenantAdministrator = DemoAPIError.failure(
        status: 403, errors: [WireError(code: 9109, message: "Moving accounts requires a tenant administrator")],
        retryAfter: nil)

    /// The first `pageSize` organizations (10 by default, as the API documents).
    func listOrganizations(pageSize: Int?) -> [Cloudflare.Organization] {
        Array(organizationOrder.compactMap { organizations[$0] }.prefix(pageSize ?? 10))
    }

    /// The organizations containing an account, root first, the one holding it directly last.
    func organizationPath(accountID: String) throws -> [Cloudflare.Organization] {
        var path: [Cloudflare.Organization] = []
        var next = try accountRecord(accountID).account.managedBy?.parentOrgID
        while let id = next, let organization = organizations[id], !path.contains(where: { $0.id == id }) {
            path.insert(organization, at: 0)
            next = organization.parent?.id
        }
        return path
    }

    /// An account's profile, or 403 for an account outside every organization.
    func profile(accountID: String) throws -> Cloudflare.AccountProfile {
        guard let profile = try accountRecord(accountID).profile else { throw Self.noProfile }
        return profile
    }

    /// Replaces an account's profile whole.
    func updateProfile(accountID: String, _ body: Cloudflare.AccountProfileUpdate) throws {
        _ = try profile(accountID: accountID)
        try mutateAccount(accountID) { $0.profile = body.profile }
    }

    /// Moves an account into another organization; its `managed_by` follows.
    func moveAccount(accountID: String, _ body: Cloudflare.AccountMoveRequest) throws -> Cloudflare.AccountMoveResult {
        let record = try accountRecord(accountID)
        guard let source = record.account.managedBy?.parentOrgID else { throw Self.notTenantAdministrator }
        guard let destination = organizations[body.destinationOrganizationID] else { throw DemoAPIError.notFound }
        guard destination.id != source else {
            throw DemoAPIError.invalidBody(
                "The account is already in the organization \(destination.name ?? destination.id)")
        }
        try mutateAccount(accountID) {
            $0.account.managedBy = .init(parentOrgID: destination.id, parentOrgName: destination.name)
        }
        return Cloudflare.AccountMoveResult(
            accountID: accountID, destinationOrganizationID: destination.id, sourceOrganizationID: source)
    }

    // MARK: Inspection

    /// An account's business profile as stored (nil: outside every organization).
    public func storedProfile(accountID: String) -> Cloudflare.AccountProfile? {
        accounts[accountID]?.profile
    }

    /// Who manages an account, as `/accounts` shows it.
    public func managedBy(accountID: String) -> Cloudflare.Account.ManagedBy? {
        accounts[accountID]?.account.managedBy
    }

    /// Every tenant organization, parents first.
    public func allOrganizations() -> [Cloudflare.Organization] {
        organizationOrder.compactMap { organizations[$0] }
    }
}
