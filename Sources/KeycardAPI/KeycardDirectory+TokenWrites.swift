/// Service accounts and credentials made and named from the Tokens pane: in an organization `n` creates a service
/// account, in a service account a credential (its secret shown once); `e` changes either's name and description.
import APICore

extension KeycardDirectory: TokenCreating, TokenEditing {
    public var tokenCreating: (any TokenCreating)? { self }
    public var tokenEditing: (any TokenEditing)? { self }

    public func canCreateToken(in scope: Scope) -> Bool { scope.node(.organization) != nil }

    /// Keycard grants nothing per token: access follows the service account's role.
    public func permissionGroups(for scope: Scope) async throws -> [PermissionGroup] { [] }

    public func draftFields(in scope: Scope) -> TokenFormFields { .description }

    /// A credential when a service account is in scope (its secret is in the answer, once), else a service account
    /// (which holds no secret itself).
    public func createToken(_ draft: TokenDraft, in scope: Scope) async throws -> IssuedKey {
        guard let organization = scope.node(.organization) else {
            throw APIError(kind: .refused, detail: "Select an organization first: nothing was sent")
        }
        let name = draft.name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw APIError(kind: .refused, detail: "A name is required: nothing was sent") }
        let body = Keycard.NameBody(name: name, description: Self.nonEmpty(draft.description))
        if let account = scope.node(.serviceAccount) {
            let created = try await client.createCredential(
                organizationID: organization.id, serviceAccountID: account.id, body)
            return IssuedKey(token: Token(keycard: created.credential, owner: scope), secret: created.secret)
        }
        let account = try await client.createServiceAccount(organizationID: organization.id, body)
        return IssuedKey(token: Token(keycard: account, organization: organization), secret: Secret(""))
    }

    public func canEdit(_ token: Token) -> Bool { token.kind == .credential || token.kind == .serviceAccount }

    public func editFields(of token: Token) -> TokenFormFields { .description }

    /// PATCHes the name and description (only what the edit sets).
    public func editToken(_ token: Token, _ edit: TokenEdit) async throws -> Token {
        let body = Keycard.NameBody(
            name: edit.name?.trimmingCharacters(in: .whitespaces), description: edit.description)
        switch token.kind {
        case .credential:
            let (organization, account) = try Self.credentialOwner(of: token)
            let updated = try await client.updateCredential(
                organizationID: organization.id, serviceAccountID: account.id,
                id: try Self.id(token.id, of: "credential"), body)
            return Token(keycard: updated, owner: token.owner)
        case .serviceAccount:
            let organization = try Self.node(.organization, of: token)
            let updated = try await client.updateServiceAccount(
                organizationID: organization.id, id: try Self.id(token.id, of: "service account"), body)
            return Token(keycard: updated, organization: organization)
        case .apiToken, .adminKey, .projectKey:
            throw APIError(kind: .refused, detail: "Keycard has no \(token.kind.rawValue)s: nothing was sent")
        }
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespaces), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
