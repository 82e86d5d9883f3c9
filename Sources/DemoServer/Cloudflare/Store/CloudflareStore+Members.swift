import APICore
import CloudflareAPI
import Foundation

extension CloudflareStore {
    /// A page of an account's members, each as its (cached) encoded JSON.
    func listMembers(accountID: String, query: CloudflareMemberListQuery, page: CloudflarePageRequest) throws -> (
        [Data], Cloudflare.ResultInfo
    ) {
        try mutateAccount(accountID) { record in
            let ordered = query.apply(toOrdered: query.order.map { record.members(sortedBy: $0) } ?? record.members)
            // The page's members are read in place: copying 50 members' fields to find their cached JSON cost more
            // than serving it.
            let (range, info) = page.range(ofTotal: ordered.count)
            return (try ordered[range].map { try record.encoded($0) }, info)
        }
    }

    /// One member.
    func member(accountID: String, id: String) throws -> Cloudflare.Member {
        guard let member = try accountRecord(accountID).member(id: id) else { throw DemoAPIError.notFound }
        return member
    }

    /// Invites a person: a pending member (or accepted, when asked) with role ids or policies.
    func addMember(accountID: String, body: Cloudflare.MemberCreate) throws -> Cloudflare.Member {
        let email = body.email.trimmingCharacters(in: .whitespaces)
        guard email.contains("@"), !email.hasPrefix("@"), !email.hasSuffix("@") else {
            throw DemoAPIError.invalidBody("email must be a valid email address")
        }
        let status: Cloudflare.MemberStatus
        switch body.status ?? "pending" {
        case "pending": status = .pending
        case "accepted": status = .accepted
        default: throw DemoAPIError.invalidBody("status must be pending or accepted")
        }
        let policies = body.policies.map(withPolicyIDs)
        let isDemoUser = email.lowercased() == user.email.lowercased()
        let memberID = newID()
        return try mutateAccount(accountID) { record in
            if record.member(email: email) != nil {
                throw DemoAPIError.invalidBody("\(email) is already a member of this account")
            }
            var roles: [Cloudflare.Role]?
            if let ids = body.roles {
                guard let found = record.roles(withIDs: ids) else {
                    throw DemoAPIError.invalidBody("roles must be ids of roles of this account")
                }
                roles = found
            }
            guard !(roles ?? []).isEmpty || !(policies ?? []).isEmpty else {
                throw DemoAPIError.invalidBody("roles or policies must be given")
            }
            let member = Cloudflare.Member(
                id: memberID, email: email, status: OpenEnum(status),
                user: .init(
                    email: email, id: isDemoUser ? user.id : nil, firstName: isDemoUser ? user.firstName : nil,
                    lastName: isDemoUser ? user.lastName : nil, twoFactorAuthenticationEnabled: false),
                roles: roles ?? [], policies: policies)
            record.append(member)
            if isDemoUser {
                record.userMemberID = member.id
                if status == .pending { invites.append(invite(for: member, in: record)) }
            }
            return member
        }
    }

    /// Replaces a member's roles (`[{id}]`) or policies.
    func updateMember(accountID: String, id: String, body: Cloudflare.MemberUpdate) throws -> Cloudflare.Member {
        let policies = body.policies.map(withPolicyIDs)
        return try mutateAccount(accountID) { record in
            guard var member = record.member(id: id) else { throw DemoAPIError.notFound }
            guard body.roles != nil || policies != nil else {
                throw DemoAPIError.invalidBody("roles or policies must be given")
            }
            if let references = body.roles {
                guard let roles = record.roles(withIDs: references.map(\.id)) else {
                    throw DemoAPIError.invalidBody("roles must be ids of roles of this account")
                }
                member.roles = roles
            }
            if let policies { member.policies = policies }
            record.replace(member)
            return member
        }
    }

    /// Removes a member or revokes a pending invitation.
    func removeMember(accountID: String, id: String) throws {
        try mutateAccount(accountID) { record in
            guard record.removeMember(id: id) else { throw DemoAPIError.notFound }
        }
    }

    private func withPolicyIDs(_ policies: [Cloudflare.MemberPolicy]) -> [Cloudflare.MemberPolicy] {
        policies.map { policy in
            var policy = policy
            policy.id = policy.id ?? newID()
            return policy
        }
    }

    /// The invitation the demo user sees for a pending membership.
    private func invite(for member: Cloudflare.Member, in record: CloudflareAccountRecord) -> Cloudflare.Invite {
        let now = nowString()
        return Cloudflare.Invite(
            id: newID(), organizationID: record.id, organizationName: record.account.name, invitedMemberID: member.id,
            invitedMemberEmail: member.email, invitedBy: user.email, invitedOn: now,
            expiresOn: Timestamp.format(wallClock.now().addingTimeInterval(7 * 86_400)),
            organizationIsEnforcingTwofactor: record.account.settings?.enforceTwofactor,
            roles: member.roles?.compactMap(\.name), status: OpenEnum(.pending))
    }
}
