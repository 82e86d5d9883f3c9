import Foundation

/// An invitation to join an account: one the user received, or one an account sent.
public struct Invitation: Sendable, Hashable, Identifiable {
    public var id: String
    public var direction: InvitationDirection
    public var accountID: String
    public var accountName: String?
    public var inviteeEmail: String?
    public var invitedBy: String?
    public var roles: [String]
    public var status: InvitationStatus
    public var invitedOn: Date?
    public var expiresOn: Date?
    public var accountEnforcesTwoFactor: Bool?

    public init(
        id: String, direction: InvitationDirection, accountID: String, accountName: String? = nil,
        inviteeEmail: String? = nil, invitedBy: String? = nil, roles: [String] = [], status: InvitationStatus,
        invitedOn: Date? = nil, expiresOn: Date? = nil, accountEnforcesTwoFactor: Bool? = nil
    ) {
        self.id = id
        self.direction = direction
        self.accountID = accountID
        self.accountName = accountName
        self.inviteeEmail = inviteeEmail
        self.invitedBy = invitedBy
        self.roles = roles
        self.status = status
        self.invitedOn = invitedOn
        self.expiresOn = expiresOn
        self.accountEnforcesTwoFactor = accountEnforcesTwoFactor
    }
}

/// Whether the signed-in user received the invitation or an account sent it.
public enum InvitationDirection: Sendable, Hashable {
    case received
    case sent
}

/// Where an invitation stands.
public enum InvitationStatus: Sendable, Hashable {
    case pending
    case accepted
    case rejected
    case expired
    case revoked
    case unknown(String)

    /// The word shown in the status column.
    public var label: String {
        switch self {
        case .pending: "pending"
        case .accepted: "accepted"
        case .rejected: "rejected"
        case .expired: "expired"
        case .revoked: "revoked"
        case .unknown(let raw): raw
        }
    }

    /// Whether the invitation can still be answered.
    public var isOpen: Bool { self == .pending }
}

/// An answer to a received invitation.
public enum InvitationResponse: String, Sendable, Hashable {
    case accept = "accepted"
    case reject = "rejected"
}
