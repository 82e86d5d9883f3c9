/// Credentials rotate the guided way (there is no rotate endpoint): create a replacement under the same service
/// account, show its secret once, switch to it if it is the directory's own, then delete the old one.
import APICore

extension KeycardDirectory: KeyRotation, TokenDeletion {
    public func canRotate(_ token: Token) -> Bool { token.kind == .credential }

    /// Creates a credential with the same name and description: scripts that look a credential up by name keep
    /// working, and rotating twice does not pile up suffixes (the client id, shown beside it, tells them apart).
    public func createReplacement(for token: Token) async throws -> IssuedKey {
        guard token.kind == .credential else {
            throw APIError(kind: .refused, detail: "Only a credential can be rotated: nothing was sent")
        }
        let (organization, account) = try Self.credentialOwner(of: token)
        let current = try await client.credential(
            organizationID: organization.id, serviceAccountID: account.id, id: try Self.id(token.id, of: "credential"))
        let created = try await client.createCredential(
            organizationID: organization.id, serviceAccountID: account.id,
            Keycard.NameBody(name: current.name, description: current.description))
        if await isOwnCredential(token) {
            replacementSecrets.hold(created.secret, clientID: created.credential.clientID)
        }
        return IssuedKey(token: Token(keycard: created.credential, owner: token.owner), secret: created.secret)
    }

    public func isOwnCredential(_ token: Token) async -> Bool {
        guard token.kind == .credential, let clientID = token.ownerLabel else { return false }
        return client.credentials.credentials.clientID == clientID
    }

    /// Switches the client-credentials pair to the replacement (an API key is not affected by a rotation); the
    /// access token cached for the old client id is never used again.
    public func adopt(_ key: IssuedKey) {
        guard case .clientCredentials = client.credentials.credentials, let clientID = key.token.ownerLabel else {
            return
        }
        guard let secret = replacementSecrets.take(clientID: clientID) ?? key.secret.reveal().map(Secret.init) else {
            return
        }
        client.credentials.replace(with: .clientCredentials(clientID: clientID, clientSecret: secret))
    }

    public func canDelete(_ token: Token) -> Bool { token.kind == .credential || token.kind == .serviceAccount }

    public func deleteToken(_ token: Token) async throws {
        switch token.kind {
        case .credential:
            let (organization, account) = try Self.credentialOwner(of: token)
            try await client.deleteCredential(
                organizationID: organization.id, serviceAccountID: account.id,
                id: try Self.id(token.id, of: "credential"))
        case .serviceAccount:
            let organization = try Self.node(.organization, of: token)
            try await client.deleteServiceAccount(
                organizationID: organization.id, id: try Self.id(token.id, of: "service account"))
        case .apiToken, .adminKey, .projectKey:
            throw APIError(kind: .refused, detail: "Keycard has no \(token.kind.rawValue)s: nothing was sent")
        }
    }
}
