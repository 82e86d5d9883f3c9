import APICore
import Foundation

/// Token create (permission groups on the scoped account or every account) and edit (a read-modify-write of
/// the whole token, so a PUT never drops its policies).
extension CloudflareDirectory: TokenCreating, TokenEditing {
    public var tokenCreating: (any TokenCreating)? { self }
    public var tokenEditing: (any TokenEditing)? { self }

    public func canCreateToken(in scope: Scope) -> Bool { true }

    public func permissionGroups(for scope: Scope) async throws -> [PermissionGroup] {
        try await client.tokenPermissionGroups(TokenScope(owner: scope)).fetchAll().compactMap { group in
            guard let id = group.id, !id.isEmpty, group.isSelectable != false else { return nil }
            return PermissionGroup(
                id: id, name: group.name ?? id, category: group.category, scopes: group.scopes ?? [],
                appliesTo: Self.permissionScope(group.scopes?.first))
        }
    }

    /// `POST …/tokens`: one allow policy over the chosen groups; the response carries the secret this once.
    public func createToken(_ draft: TokenDraft, in scope: Scope) async throws -> IssuedKey {
        let name = draft.name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw APIError(kind: .refused, detail: "A token needs a name: nothing was sent") }
        let grants = TokenGrants(
            allowed: draft.permissionGroups, denied: draft.deniedGroups, resources: draft.resources)
        let body = Cloudflare.TokenBody(
            name: name, policies: try await policies(grants, in: scope),
            condition: Self.condition(allowed: draft.allowedIPRanges, denied: draft.deniedIPRanges),
            expiresOn: draft.expiresOn.map(Timestamp.format), notBefore: draft.notBefore.map(Timestamp.format))
        let owner = TokenScope(owner: scope)
        let created = try await client.createToken(owner, body)
        guard let secret = created.secret else {
            throw APIError(kind: .malformedResponse, detail: "The token was created but the answer had no secret")
        }
        return IssuedKey(token: Token(cloudflare: created.token, scope: owner), secret: secret)
    }

    public func canEdit(_ token: Token) -> Bool { !token.id.isEmpty }

    /// Name, status, expiry, IP ranges and the permissions (the policies are rebuilt only when they change).
    public func editFields(of token: Token) -> TokenFormFields { [.status, .expiry, .ipRanges, .permissions] }

    /// Reads the token, changes what `edit` sets, and PUTs it whole (name and policies as read; refused without them).
    public func editToken(_ token: Token, _ edit: TokenEdit) async throws -> Token {
        let owner = TokenScope(owner: token.owner)
        let id = try Self.id(token.id, of: "token")
        let current = try await client.token(owner, id: id)
        var body = try Cloudflare.TokenBody(replacing: current)
        if let name = edit.name {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else {
                throw APIError(kind: .refused, detail: "A token needs a name: nothing was sent")
            }
            body.name = trimmed
        }
        if let enabled = edit.enabled { body.status = OpenEnum(enabled ? .active : .disabled) }
        if let grants = edit.grants { body.policies = try await policies(grants, in: token.owner) }
        switch edit.expiresOn {
        case .set(let text):
            guard let date = Timestamp.parse(text) else {
                throw APIError(kind: .refused, detail: "The expiry '\(text)' is not a date: nothing was sent")
            }
            body.expiresOn = Timestamp.format(date)
        case .clear: body.expiresOn = nil
        case nil: break
        }
        if edit.allowedIPRanges != nil || edit.deniedIPRanges != nil {
            body.condition = Self.condition(
                allowed: edit.allowedIPRanges ?? current.condition?.requestIP?.in ?? [],
                denied: edit.deniedIPRanges ?? current.condition?.requestIP?.notIn ?? [])
        }
        return Token(cloudflare: try await client.updateToken(owner, id: id, body), scope: owner)
    }

    /// The IP condition of a token, or nil when it has no ranges.
    static func condition(allowed: [String], denied: [String]) -> Cloudflare.TokenCondition? {
        guard !allowed.isEmpty || !denied.isEmpty else { return nil }
        return Cloudflare.TokenCondition(
            requestIP: .init(in: allowed.isEmpty ? nil : allowed, notIn: denied.isEmpty ? nil : denied))
    }
}
