import APICore
import KeycardAPI

/// A service account with its credentials.
struct KeycardServiceAccountRecord: Sendable {
    var account: Keycard.ServiceAccount
    var sequence: Int
    var credentials: [KeycardCredentialRecord] = []
}

/// A credential with its client secret (which the API returns only once, on creation).
struct KeycardCredentialRecord: Sendable {
    var credential: Keycard.Credential
    var secret: String
    var sequence: Int
}
