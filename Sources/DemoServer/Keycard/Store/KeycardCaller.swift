import Foundation

/// Who made an authenticated Keycard request.
enum KeycardCaller: Sendable, Hashable {
    /// The demo user, through the demo API key.
    case user
    /// A service account, through an access token from its credential.
    case serviceAccount(organizationID: String, serviceAccountID: String, credentialID: String)
    /// An organization-scoped token from the (older servers') token exchange.
    case organizationToken(organizationID: String)

    /// The only organization a machine caller may use; nil for the user.
    var organizationID: String? {
        switch self {
        case .user: nil
        case .serviceAccount(let organizationID, _, _), .organizationToken(let organizationID): organizationID
        }
    }
}

/// An access token the token endpoint (or the token exchange) issued.
struct KeycardAccessTokenRecord: Sendable {
    var caller: KeycardCaller
    var expiresAt: Date
}
