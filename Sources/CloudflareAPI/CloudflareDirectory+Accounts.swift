/// Account details, rename and two-factor enforcement (`PUT /accounts/{id}` with the whole account), create and delete.
import APICore

extension CloudflareDirectory: AccountAdministering, AccountDeleting {
    public var accountAdministering: (any AccountAdministering)? { self }
    public var accountDeleting: (any AccountDeleting)? { self }

    public func accountDetails(_ account: Account) async throws -> [RecordField] {
        let wire = try await client.account(id: try Self.id(account.id, of: "account"))
        return Self.fields([
            ("ID", wire.id), ("Name", wire.name), ("Type", wire.type?.rawValue), ("Created", wire.createdOn),
            ("Enforces two-factor", wire.settings?.enforceTwofactor.map { $0 ? "yes" : "no" }),
            ("Abuse contact", wire.settings?.abuseContactEmail),
            (
                "Managed by",
                [wire.managedBy?.parentOrgName, wire.managedBy?.parentOrgID.map { "(\($0))" }]
                    .compactMap { $0 }.joined(separator: " ")
            ),
        ])
    }

    /// Reads the account and PUTs it whole (`id`, `name` and `type` are required) with the changes.
    public func updateAccount(_ account: Account, name: String?, enforceTwoFactor: Bool?) async throws -> Account {
        let id = try Self.id(account.id, of: "account")
        let current = try await client.account(id: id)
        guard let type = current.type else {
            throw APIError(kind: .refused, detail: "The account was read without its type: nothing was sent")
        }
        var settings = current.settings
        if let enforceTwoFactor {
            settings = settings ?? .init()
            settings?.enforceTwofactor = enforceTwoFactor
        }
        let newName = name?.trimmingCharacters(in: .whitespaces) ?? current.name
        guard !newName.isEmpty else {
            throw APIError(kind: .refused, detail: "An account needs a name: nothing was sent")
        }
        let updated = try await client.updateAccount(
            id: id, .init(id: id, name: newName, type: type, settings: settings))
        return Account(cloudflare: updated)
    }

    public func createAccount(name: String) async throws -> Account {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            throw APIError(kind: .refused, detail: "An account needs a name: nothing was sent")
        }
        return Account(cloudflare: try await client.createAccount(.init(name: trimmed)))
    }

    public func deleteAccount(_ account: Account) async throws {
        try await client.deleteAccount(id: try Self.id(account.id, of: "account"))
    }
}
