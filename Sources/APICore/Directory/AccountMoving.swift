/// Moves accounts between the organizations of a tenant, and says where an account sits. Most callers are not
/// tenant administrators: the API's refusal comes back as its error, shown as it is.
public protocol AccountMoving: Sendable {
    /// The organizations containing `account`, root first, the one that holds it directly last (empty: none).
    func organizationPath(of account: Account) async throws -> [TenantOrganization]
    /// The tenant organizations the caller can see: where a move can go.
    func tenantOrganizations() async throws -> [TenantOrganization]
    /// Moves `account` into `destination`.
    func moveAccount(_ account: Account, to destination: TenantOrganization) async throws -> AccountMove
}

/// A move as the server reported it.
public struct AccountMove: Sendable, Hashable {
    public var accountID: String
    /// The organization the account left, when the server says.
    public var sourceOrganizationID: String?
    public var destinationOrganizationID: String

    public init(accountID: String, sourceOrganizationID: String?, destinationOrganizationID: String) {
        self.accountID = accountID
        self.sourceOrganizationID = sourceOrganizationID
        self.destinationOrganizationID = destinationOrganizationID
    }
}
