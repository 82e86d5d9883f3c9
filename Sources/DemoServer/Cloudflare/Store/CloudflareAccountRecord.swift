import APICore
import CloudflareAPI
import Foundation

/// One account with everything that hangs off it: roles, members, subscriptions and audit log.
struct CloudflareAccountRecord: Sendable {
    var account: Cloudflare.Account
    var roles: [Cloudflare.Role]
    /// Members in creation order.
    private(set) var members: [Cloudflare.Member] = []
    private var memberIndex: [String: Int] = [:]
    /// Member positions sorted by an `order` key, computed on first use and dropped on every member change.
    private var orderCache: [String: [Int]] = [:]
    /// Each member's JSON, encoded on first use and dropped when the member changes: list pages are spliced
    /// from these instead of encoding every member (and its roles' permission maps) on every request.
    private var encodedMembers: [String: Data] = [:]
    /// The member id of the demo user's membership (accepted or pending), if there is one.
    var userMemberID: String?
    var subscriptions: [Cloudflare.Subscription] = []
    /// Newest first.
    var auditLogs: [Cloudflare.AccountAuditLog] = []
    /// The business profile; nil for an account outside an organization (the API refuses its profile).
    var profile: Cloudflare.AccountProfile?

    init(account: Cloudflare.Account, roles: [Cloudflare.Role]) {
        self.account = account
        self.roles = roles
    }

    var id: String { account.id }

    /// The demo user's membership, if any.
    var userMembership: Cloudflare.Member? { userMemberID.flatMap(member(id:)) }

    /// The member with `id`.
    func member(id: String) -> Cloudflare.Member? {
        memberIndex[id].map { members[$0] }
    }

    /// The member whose email is `email` (case-insensitive).
    func member(email: String) -> Cloudflare.Member? {
        let wanted = email.lowercased()
        return members.first { ($0.email ?? $0.user?.email)?.lowercased() == wanted }
    }

    /// Removes the last member (a generated one, making room for a hand-written person so counts stay as
    /// configured); the demo user's membership is never removed.
    mutating func removeLastMember() {
        guard let last = members.last, let id = last.id, id != userMemberID else { return }
        members.removeLast()
        memberIndex[id] = nil
        encodedMembers[id] = nil
        orderCache.removeAll()
    }

    /// Appends a member; its id must be new.
    mutating func append(_ member: Cloudflare.Member) {
        guard let id = member.id else { return }
        memberIndex[id] = members.count
        members.append(member)
        orderCache.removeAll()
    }

    /// Replaces the member with the same id.
    mutating func replace(_ member: Cloudflare.Member) {
        guard let id = member.id, let index = memberIndex[id] else { return }
        members[index] = member
        encodedMembers[id] = nil
        orderCache.removeAll()
    }

    /// Removes the member with `id`; returns whether there was one.
    @discardableResult
    mutating func removeMember(id: String) -> Bool {
        guard let index = memberIndex[id] else { return false }
        members.remove(at: index)
        encodedMembers[id] = nil
        memberIndex = Dictionary(
            uniqueKeysWithValues: members.enumerated().compactMap { offset, member in
                member.id.map { ($0, offset) }
            })
        orderCache.removeAll()
        if userMemberID == id { userMemberID = nil }
        return true
    }

    /// The members in `order` (ascending), sorted once and cached until the members change.
    mutating func members(sortedBy order: String) -> [Cloudflare.Member] {
        if let cached = orderCache[order] { return cached.map { members[$0] } }
        let positions = CloudflareMemberListQuery.sortedPositions(of: members, order: order)
        orderCache[order] = positions
        return positions.map { members[$0] }
    }

    /// The JSON of `member`, from the cache when it was encoded before.
    mutating func encoded(_ member: Cloudflare.Member) throws -> Data {
        guard let id = member.id else { return try Reply.encode(member) }
        if let data = encodedMembers[id] { return data }
        let data = try Reply.encode(member)
        encodedMembers[id] = data
        return data
    }

    /// The roles with these ids, or nil when one of them is not a role of this account.
    func roles(withIDs ids: [String]) -> [Cloudflare.Role]? {
        var result: [Cloudflare.Role] = []
        for id in ids {
            guard let role = roles.first(where: { $0.id == id }) else { return nil }
            result.append(role)
        }
        return result
    }

    /// The roles with these names (unknown names are skipped).
    func roles(named names: [String]) -> [Cloudflare.Role] {
        names.compactMap { name in roles.first { $0.name == name } }
    }
}
