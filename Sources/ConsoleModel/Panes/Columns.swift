import APICore
import Foundation

/// The columns of each pane: shared by the table (titles, cells) and the filter and sort (same text).
public enum Columns {
    /// Accounts: name, type, 2FA enforcement, created, id.
    public static let accounts: [ListColumn<Account>] = [
        ListColumn(id: "name", title: "NAME", text: { $0.name }),
        ListColumn(id: "type", title: "TYPE", text: { $0.kind ?? "" }),
        ListColumn(id: "2fa", title: "2FA", text: { flag($0.enforcesTwoFactor, yes: "enforced", no: "optional") }),
        ListColumn(id: "created", title: "CREATED", text: { day($0.createdOn) }, sortKey: { date($0.createdOn) }),
        ListColumn(id: "id", title: "ID", text: { $0.id }),
    ]

    /// Members: email, name, status, roles, 2FA.
    public static let members: [ListColumn<Member>] = [
        // A member with neither email nor name (Keycard allows both null) shows its id, never an empty cell.
        ListColumn(
            id: "email", title: "EMAIL", text: { $0.email.isEmpty && ($0.name ?? "").isEmpty ? $0.id : $0.email }),
        ListColumn(id: "name", title: "NAME", text: { $0.name ?? "" }),
        ListColumn(id: "status", title: "STATUS", text: { $0.status.label }),
        ListColumn(
            id: "roles", title: "ROLES", text: { roleNames($0.roles) },
            sortKey: { .number(-Double($0.roles.map(\.tier.rawValue).max() ?? -1)) }),
        ListColumn(id: "2fa", title: "2FA", text: { flag($0.twoFactorEnabled, yes: "on", no: "off") }),
    ]

    /// Tokens: name, status, last used, expires, scope.
    public static let tokens: [ListColumn<Token>] = [
        ListColumn(id: "name", title: "NAME", text: { $0.name }),
        ListColumn(id: "status", title: "STATUS", text: { $0.status.label }),
        ListColumn(
            id: "lastUsed", title: "LAST USED", text: { day($0.lastUsedOn, none: "never") },
            sortKey: { date($0.lastUsedOn) }),
        ListColumn(
            id: "expires", title: "EXPIRES", text: { day($0.expiresOn, none: "never") }, sortKey: { date($0.expiresOn) }
        ),
        ListColumn(id: "scope", title: "SCOPE", text: { scopeText($0) }),
    ]

    /// Invitations: account, status, roles, invited by, expires.
    public static let invitations: [ListColumn<Invitation>] = [
        ListColumn(id: "account", title: "ACCOUNT", text: { $0.accountName ?? $0.accountID }),
        ListColumn(id: "status", title: "STATUS", text: { $0.status.label }),
        ListColumn(id: "roles", title: "ROLES", text: { $0.roles.joined(separator: ", ") }),
        ListColumn(
            id: "who", title: "FROM / TO", text: { ($0.direction == .received ? $0.invitedBy : $0.inviteeEmail) ?? "" }),
        ListColumn(
            id: "expires", title: "EXPIRES", text: { day($0.expiresOn, none: "") }, sortKey: { date($0.expiresOn) }),
    ]

    /// The role names, comma-separated; one role is its name as it is (no new string for each of 100,000 rows).
    static func roleNames(_ roles: [Role]) -> String {
        switch roles.count {
        case 0: ""
        case 1: roles[0].name
        default: roles.lazy.map(\.name).joined(separator: ", ")
        }
    }

    private static let roleSeparator = Array(", ".utf8)

    /// `roleNames` written piece by piece.
    static func writeRoleNames(_ roles: [Role], _ write: (UnsafeBufferPointer<UInt8>) -> Void) {
        for (index, role) in roles.enumerated() {
            if index > 0 { roleSeparator.withUnsafeBufferPointer(write) }
            var name = role.name
            name.withUTF8 { write($0) }
        }
    }

    static func flag(_ value: Bool?, yes: String, no: String) -> String {
        value.map { $0 ? yes : no } ?? "–"
    }

    static func day(_ date: Date?, none: String = "") -> String {
        guard let date else { return none }
        return String(Timestamp.format(date).prefix(10))
    }

    static func date(_ date: Date?) -> SortKey {
        date.map { .number($0.timeIntervalSince1970) } ?? .missing
    }

    static func scopeText(_ token: Token) -> String {
        token.ownerLabel ?? token.kind.rawValue
    }
}
