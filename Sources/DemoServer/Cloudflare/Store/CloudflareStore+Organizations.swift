import APICore
import CloudflareAPI

/// The legacy `/user/organizations`: the accounts the user belongs to or is invited to.
extension CloudflareStore {
    /// Accounts the user is a member of ("member") or invited to ("invited").
    func userOrganizations() -> [Cloudflare.UserOrganization] {
        accountOrder.compactMap { accounts[$0] }.compactMap(organization(of:))
    }

    /// A page of the legacy organizations list.
    func listUserOrganizations(_ query: QueryItems, page: CloudflarePageRequest) throws -> (
        [Cloudflare.UserOrganization], Cloudflare.ResultInfo
    ) {
        var list = userOrganizations()
        let status = try query.oneOf("status", ["member", "invited"])
        let name = query["name"]
        let matchAll = try query.oneOf("match", ["any", "all"]) != "any"
        if status != nil || name != nil {
            list = list.filter { organization in
                let checks = [
                    status.map { organization.status == $0 },
                    name.map { organization.name?.localizedCaseInsensitiveContains($0) == true },
                ].compactMap { $0 }
                return matchAll ? checks.allSatisfy { $0 } : checks.contains(true)
            }
        }
        if let order = try query.oneOf("order", ["id", "name", "status"]) {
            list.sort { lhs, rhs in
                switch order {
                case "id": (lhs.id ?? "") < (rhs.id ?? "")
                case "name": (lhs.name ?? "").lowercased() < (rhs.name ?? "").lowercased()
                default: (lhs.status ?? "") < (rhs.status ?? "")
                }
            }
        }
        if try query.descending() { list.reverse() }
        return page.slice(list)
    }

    /// One legacy organization.
    func userOrganization(id: String) throws -> Cloudflare.UserOrganization {
        guard let organization = accounts[id].flatMap(organization(of:)) else { throw DemoAPIError.notFound }
        return organization
    }

    /// Leaves an organization (or declines its invitation).
    func leaveOrganization(id: String) throws {
        guard let record = accounts[id], let memberID = record.userMemberID, organization(of: record) != nil else {
            throw DemoAPIError.notFound
        }
        try mutateAccount(id) { $0.removeMember(id: memberID) }
        for index in invites.indices
        where invites[index].organizationID == id && invites[index].status?.value == .pending {
            invites[index].status = OpenEnum(.rejected)
        }
    }

    private func organization(of record: CloudflareAccountRecord) -> Cloudflare.UserOrganization? {
        guard let member = record.userMembership else { return nil }
        let status: String
        switch member.status?.value {
        case .accepted: status = "member"
        case .pending: status = "invited"
        default: return nil
        }
        let roles = member.roles ?? []
        return Cloudflare.UserOrganization(
            id: record.id, name: record.account.name, status: status, roles: roles.compactMap(\.name),
            permissions: CloudflareRoleCatalogue.permissionStrings(of: roles))
    }
}
