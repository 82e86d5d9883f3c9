import APICore
import KeycardAPI

/// One organization of the Keycard fake with everything it holds, in creation (`sequence`) order.
struct KeycardOrganizationRecord: Sendable {
    var organization: Keycard.Organization
    /// Position in the organizations list (cursors encode it).
    var sequence: Int
    var users: [KeycardUserRecord] = []
    var invitations: [KeycardInvitationRecord] = []
    var serviceAccounts: [KeycardServiceAccountRecord] = []
    var sso: Keycard.SSOConnection?

    /// The membership of the user with `id`, if any.
    func user(_ id: String) -> KeycardUserRecord? {
        users.first { $0.user.id == id }
    }
}

/// A member of an organization.
struct KeycardUserRecord: Sendable {
    var user: Keycard.OrganizationUser
    var sequence: Int
}

/// An invitation with its emailed token and the inviter's name (for the unauthenticated preview).
struct KeycardInvitationRecord: Sendable {
    var invitation: Keycard.Invitation
    /// The token from the invitation email (random, never seeded).
    var token: String
    var createdByName: String
    var sequence: Int
}
