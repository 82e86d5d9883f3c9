import APICore
import CloudflareAPI

extension CloudflareStore {
    /// A page of the accounts the user is an accepted member of, filtered by name (substring, case-insensitive).
    func listAccounts(
        name: String?, descending: Bool, page: CloudflarePageRequest
    ) -> ([Cloudflare.Account], Cloudflare.ResultInfo) {
        var list = accountOrder.compactMap { accounts[$0] }.filter(isVisible).map(\.account)
        if let name, !name.isEmpty {
            list = list.filter { $0.name.localizedCaseInsensitiveContains(name) }
        }
        if descending { list.reverse() }
        return page.slice(list)
    }

    /// One account.
    func account(_ id: String) throws -> Cloudflare.Account {
        try accountRecord(id).account
    }

    /// Renames an account or changes its type and settings.
    func updateAccount(_ id: String, body: Cloudflare.AccountUpdate) throws -> Cloudflare.Account {
        var record = try accountRecord(id)
        guard body.id == id else {
            throw DemoAPIError.invalidBody("id in the body does not match the account in the path")
        }
        guard !body.name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw DemoAPIError.invalidBody("name must not be empty")
        }
        guard body.type.value != nil else { throw DemoAPIError.invalidBody("type must be standard or enterprise") }
        record.account.name = body.name
        record.account.type = body.type
        if let settings = body.settings {
            var merged = record.account.settings ?? .init()
            if let email = settings.abuseContactEmail { merged.abuseContactEmail = email }
            if let enforce = settings.enforceTwofactor { merged.enforceTwofactor = enforce }
            record.account.settings = merged
        }
        accounts[id] = record
        return record.account
    }

    /// A page of an account's roles.
    func listRoles(
        accountID: String, page: CloudflarePageRequest
    ) throws -> ([Cloudflare.Role], Cloudflare.ResultInfo) {
        page.slice(try accountRecord(accountID).roles)
    }

    /// One role of an account.
    func role(accountID: String, id: String) throws -> Cloudflare.Role {
        guard let role = try accountRecord(accountID).roles.first(where: { $0.id == id }) else {
            throw DemoAPIError.notFound
        }
        return role
    }

    // MARK: Inspection

    /// Ids of the accounts `/accounts` lists right now.
    public func visibleAccountIDs() -> [String] {
        accountOrder.compactMap { accounts[$0] }.filter(isVisible).map(\.id)
    }

    /// Every account the store knows, including those the user is only invited to.
    public func allAccounts() -> [Cloudflare.Account] {
        accountOrder.compactMap { accounts[$0]?.account }
    }

    /// How many members an account has, optionally only those with `status`.
    public func memberCount(accountID: String, status: Cloudflare.MemberStatus? = nil) -> Int {
        guard let members = accounts[accountID]?.members else { return 0 }
        guard let status else { return members.count }
        return members.reduce(0) { $0 + ($1.status?.value == status ? 1 : 0) }
    }

    /// The member ids of an account in list order (none for an unknown account).
    public func memberIDs(accountID: String) -> [String] {
        accounts[accountID]?.members.compactMap(\.id) ?? []
    }

    /// One member of an account.
    public func member(accountID: String, memberID: String) -> Cloudflare.Member? {
        accounts[accountID]?.member(id: memberID)
    }

    /// The roles of an account.
    public func roles(accountID: String) -> [Cloudflare.Role] {
        accounts[accountID]?.roles ?? []
    }
}
