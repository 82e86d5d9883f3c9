/// Where an account sits among the tenant's organizations (`GET /accounts/{id}/organizations`), the tenant's
/// organizations (`GET /organizations`) and the move between them (`POST /accounts/{id}/move`).
import APICore

extension CloudflareDirectory: AccountMoving {
    public var accountMoving: (any AccountMoving)? { self }

    /// Organizations asked for in the one page the list is read as (the SDK reads it as a single page too).
    static let organizationPageSize = 50

    public func organizationPath(of account: Account) async throws -> [TenantOrganization] {
        try await client.accountOrganizations(accountID: try Self.id(account.id, of: "account"))
            .map(TenantOrganization.init(cloudflare:))
    }

    public func tenantOrganizations() async throws -> [TenantOrganization] {
        try await client.organizations(pageSize: Self.organizationPageSize).fetchAll()
            .map(TenantOrganization.init(cloudflare:))
    }

    public func moveAccount(_ account: Account, to destination: TenantOrganization) async throws -> AccountMove {
        let id = try Self.id(account.id, of: "account")
        let destinationID = try Self.id(destination.id, of: "organization")
        let moved = try await client.moveAccount(accountID: id, .init(destinationOrganizationID: destinationID))
        return AccountMove(
            accountID: moved?.accountID ?? id, sourceOrganizationID: moved?.sourceOrganizationID,
            destinationOrganizationID: moved?.destinationOrganizationID ?? destinationID)
    }
}
