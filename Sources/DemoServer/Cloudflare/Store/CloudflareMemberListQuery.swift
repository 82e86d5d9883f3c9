import APICore
import CloudflareAPI

/// Filter and order of `GET /accounts/{id}/members`.
struct CloudflareMemberListQuery: Sendable {
    var status: Cloudflare.MemberStatus?
    /// `user.first_name`, `user.last_name`, `user.email` or `status`.
    var order: String?
    var descending: Bool

    static let orders = ["user.first_name", "user.last_name", "user.email", "status"]

    init(_ query: QueryItems) throws {
        status = try query.oneOf("status", Cloudflare.MemberStatus.allCases.map(\.rawValue))
            .flatMap(Cloudflare.MemberStatus.init(rawValue:))
        order = try query.oneOf("order", Self.orders)
        descending = try query.descending()
    }

    /// Applies the status filter and direction to members already in the requested order.
    func apply(toOrdered members: [Cloudflare.Member]) -> [Cloudflare.Member] {
        var list = members
        if let status { list = list.filter { $0.status?.value == status } }
        if descending { list.reverse() }
        return list
    }

    /// Positions of `members` sorted by `order` (case-insensitive, byte-wise; members without a value last).
    static func sortedPositions(of members: [Cloudflare.Member], order: String) -> [Int] {
        let keys: [[UInt8]?] = members.map { member in key(of: member, order: order).map { Array($0.utf8) } }
        return members.indices.sorted { lhs, rhs in
            switch (keys[lhs], keys[rhs]) {
            case (nil, _): return false
            case (_, nil): return true
            case (let left?, let right?):
                return left == right ? lhs < rhs : left.lexicographicallyPrecedes(right)
            }
        }
    }

    private static func key(of member: Cloudflare.Member, order: String) -> String? {
        switch order {
        case "user.first_name": member.user?.firstName?.lowercased()
        case "user.last_name": member.user?.lastName?.lowercased()
        case "user.email": (member.user?.email ?? member.email)?.lowercased()
        default: member.status?.rawValue
        }
    }
}
