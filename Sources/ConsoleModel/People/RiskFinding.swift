import APICore

/// One finding of the risk lens: what is wrong, how badly, and where its row is.
public struct RiskFinding: Sendable, Hashable, Identifiable {
    /// How urgent it is.
    public enum Severity: Int, Sendable, Hashable, Comparable, CaseIterable {
        case low, medium, high

        public var label: String {
            switch self {
            case .low: "low"
            case .medium: "medium"
            case .high: "high"
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// What kind of finding it is (its stable name in `orgtui risks --json`).
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case unusedKey = "unused-key"
        case expiringKey = "expiring-key"
        case expiredKey = "expired-key"
        case broadKey = "broad-key"
        case noTwoFactor = "no-two-factor"
        case singleOwner = "single-owner"
        case manyOwners = "many-owners"
        case staleInvitation = "stale-invitation"
        case expiredInvitation = "expired-invitation"
        case ssoOff = "sso-off"
    }

    public var severity: Severity
    public var kind: Kind
    /// What it is about: a token's name, a member's email, an organization's name.
    public var subject: String
    /// The one-line reason.
    public var reason: String
    public var profile: String
    public var provider: Provider
    /// Where, in words (the scope's breadcrumb).
    public var place: String
    /// The scope whose pane holds the row.
    public var scope: Scope
    /// The pane that lists it.
    public var pane: PaneID
    /// The row to select there (nil: the pane itself).
    public var rowID: String?
    /// The catalogue action that fixes it from that row (`tokens.delete`, `invitations.revoke`).
    public var fixActionID: String?

    public var id: String { "\(kind.rawValue)|\(profile)|\(scope)|\(pane.rawValue)|\(rowID ?? subject)" }
}
