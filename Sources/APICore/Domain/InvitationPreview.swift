import Foundation

/// What an invitation token from an email would join, read without signing in (so it can be shown before accepting).
public struct InvitationPreview: Sendable, Hashable {
    public var inviteeEmail: String
    public var organizationName: String
    /// The inviter's name.
    public var invitedBy: String?
    public var roles: [String]
    public var status: InvitationStatus
    public var expiresOn: Date?

    public init(
        inviteeEmail: String, organizationName: String, invitedBy: String? = nil, roles: [String] = [],
        status: InvitationStatus, expiresOn: Date? = nil
    ) {
        self.inviteeEmail = inviteeEmail
        self.organizationName = organizationName
        self.invitedBy = invitedBy
        self.roles = roles
        self.status = status
        self.expiresOn = expiresOn
    }
}

/// An invitation accepted by its token: what was accepted, and the organization now joined.
public struct AcceptedInvitation: Sendable, Hashable {
    /// The invitation as it read just before it was accepted.
    public var invitation: InvitationPreview
    public var organizationID: String
    public var organizationName: String
    /// The id the signed-in user has in the organization, when the server says.
    public var userID: String?

    public init(invitation: InvitationPreview, organizationID: String, organizationName: String, userID: String? = nil)
    {
        self.invitation = invitation
        self.organizationID = organizationID
        self.organizationName = organizationName
        self.userID = userID
    }
}
