import APICore
import Synchronization

/// The domain roles of every role set seen so far, so that members with the same roles share one array
/// (a big account has a handful of role sets, and 100,000 members would otherwise each hold a copy).
final class RoleTable: Sendable {
    private let rolesBySet = Mutex<[[Cloudflare.RoleSummary]: [Role]]>([:])

    /// The domain roles of `wire`, shared with every earlier member that had exactly these.
    func roles(_ wire: [Cloudflare.RoleSummary]) -> [Role] {
        if wire.isEmpty { return [] }
        return rolesBySet.withLock { table in
            if let known = table[wire] { return known }
            let roles = wire.map { Role(id: $0.id, name: $0.name ?? $0.id, description: $0.description) }
            // Bounded: an account with unbounded distinct role sets just stops sharing past this many.
            if table.count < 4_096 { table[wire] = roles }
            return roles
        }
    }
}

extension Member {
    /// A page of members: the page's role lists (arrays the scanner shares between members with the same roles)
    /// are looked up in the list's role table once each, not once per member.
    static func cloudflarePage(_ summaries: [Cloudflare.MemberSummary], scope: Scope, roles table: RoleTable)
        -> [Member]
    {
        var seen: [(wire: [Cloudflare.RoleSummary], roles: [Role])] = []
        return summaries.map { summary in
            let wire = summary.roles ?? []
            let roles: [Role]
            if let known = seen.first(where: { $0.wire == wire }) {
                roles = known.roles
            } else {
                roles = table.roles(wire)
                if seen.count < 32 { seen.append((wire, roles)) }
            }
            return Member(cloudflare: summary, scope: scope, roles: roles)
        }
    }

    /// The member a Cloudflare member summary describes, in `scope` (one shared value for the whole list).
    init(cloudflare member: Cloudflare.MemberSummary, scope: Scope, roles table: RoleTable) {
        self.init(cloudflare: member, scope: scope, roles: table.roles(member.roles ?? []))
    }

    init(cloudflare member: Cloudflare.MemberSummary, scope: Scope, roles: [Role]) {
        let user = member.user
        var name = user?.firstName ?? ""
        if let last = user?.lastName, !last.isEmpty { name = name.isEmpty ? last : name + " " + last }
        let status: MemberStatus =
            switch member.status {
            case .known(.accepted): .active
            case .known(.pending): .pending
            case .known(.rejected): .rejected
            case .unknown(let raw): .unknown(raw)
            case nil: .unknown("")
            }
        self.init(
            id: member.id ?? user?.id ?? "", email: user?.email ?? member.email ?? "", name: name.isEmpty ? nil : name,
            status: status, roles: roles, twoFactorEnabled: user?.twoFactorAuthenticationEnabled,
            scope: scope)
    }
}

extension Invitation {
    /// The sent invitation a pending Cloudflare member summary describes.
    init(cloudflarePendingMember member: Cloudflare.MemberSummary, accountID: String, accountName: String?) {
        self.init(
            id: member.id ?? "", direction: .sent, accountID: accountID, accountName: accountName,
            inviteeEmail: member.user?.email ?? member.email, roles: (member.roles ?? []).map { $0.name ?? $0.id },
            status: .pending)
    }
}
