/// Organization details (read fresh), create and rename (`GET`, `POST`, `PATCH /organizations…`); Keycard has no
/// organization delete, so the directory has no `AccountDeleting`.
import APICore

extension KeycardDirectory: AccountAdministering {
    public var accountAdministering: (any AccountAdministering)? { self }

    public func accountDetails(_ account: Account) async throws -> [RecordField] {
        let organization = try await client.organization(id: try Self.id(account.id, of: "organization"))
        let pairs: [(String, String)] = [
            ("ID", organization.id), ("Name", organization.name), ("Label", organization.label),
            ("SSO", organization.ssoEnabled ? "enabled" : "off"), ("Zone", organization.zoneID),
            ("Created", organization.createdAt), ("Updated", organization.updatedAt),
        ]
        return pairs.filter { !$0.1.isEmpty }.map { RecordField($0.0, $0.1) }
    }

    /// Renames an organization; it has no two-factor setting, so asking to change one sends nothing.
    public func updateAccount(_ account: Account, name: String?, enforceTwoFactor: Bool?) async throws -> Account {
        guard enforceTwoFactor == nil else {
            throw APIError(kind: .refused, detail: "Keycard organizations have no two-factor setting: nothing was sent")
        }
        let trimmed = name?.trimmingCharacters(in: .whitespaces) ?? account.name
        guard !trimmed.isEmpty else {
            throw APIError(kind: .refused, detail: "An organization needs a name: nothing was sent")
        }
        let id = try Self.id(account.id, of: "organization")
        return Account(keycard: try await client.updateOrganization(id: id, name: trimmed))
    }

    public func createAccount(name: String) async throws -> Account {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            throw APIError(kind: .refused, detail: "An organization needs a name: nothing was sent")
        }
        return Account(keycard: try await client.createOrganization(name: trimmed))
    }
}

extension KeycardDirectory: IdentityListing, OrganizationTokenExchanging {
    public var identityListing: (any IdentityListing)? { self }
    public var tokenExchanging: (any OrganizationTokenExchanging)? { self }

    /// `GET /organizations/{id}/identities`, page by page: members and pending invitations, one row each.
    public func identities(in scope: Scope) -> Ledger {
        let columns = ["Type", "Email", "Role", "Status", "Source", "Since"]
        guard let organization = scope.node(.organization) else {
            return Ledger(
                title: "Identities", columns: columns,
                listing: .needsScope("Select an organization (1, then Enter) to see its identities"))
        }
        let client = client
        let limit = limit
        let list = PagedList<LedgerEntry>(first: .after(nil)) { cursor in
            guard case .after(let after) = cursor else {
                throw APIError(kind: .invalidConfiguration, detail: "A cursor list cannot start at \(cursor)")
            }
            let answer = try await client.identities(
                organizationID: organization.id, Keycard.ListQuery(after: after, limit: limit))
            let rows = answer.items.map { identity in
                let cells = [
                    identity.type.rawValue, identity.email, Role(keycard: identity.role).name, identity.status.rawValue,
                    identity.source ?? "", identity.createdAt,
                ]
                return LedgerEntry(
                    id: identity.id, cells: cells,
                    fields: [RecordField("ID", identity.id)] + zip(columns, cells).map { RecordField($0, $1) },
                    date: Timestamp.parse(identity.createdAt))
            }
            return Page(
                items: rows, cursor: cursor,
                next: KeycardClient.next(after: answer.pageInfo, count: answer.items.count))
        }
        return Ledger(title: "Identities · \(organization.name)", columns: columns, listing: .list(list))
    }

    public func exchangeToken(organizationID: String) async throws -> (token: Secret, expiresIn: Double?) {
        let answer = try await client.exchangeToken(organizationID: try Self.id(organizationID, of: "organization"))
        return (answer.accessToken, answer.expiresIn)
    }
}
