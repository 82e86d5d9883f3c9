/// The Cloudflare User and Accounts APIs as an `IdentityDirectory`.
public struct CloudflareDirectory: IdentityDirectory {
    public let client: CloudflareClient
    /// Page size of lists; 50 is the API's maximum and keeps big accounts to few requests.
    public var perPage: Int

    public init(client: CloudflareClient, perPage: Int = 50) {
        self.client = client
        self.perPage = perPage
    }

    public var provider: Provider { .cloudflare }

    public func currentUser() async throws -> UserProfile {
        UserProfile(cloudflare: try await client.user())
    }

    public func signedInTokenID() async throws -> String? {
        guard case .apiToken = client.credentials.credentials else { return nil }
        return try await client.verifyToken(.user).id
    }

    public func accounts(nameFilter: String?) -> PagedList<Account> {
        client.accounts(.init(name: nameFilter, perPage: perPage)).mapItems(Account.init(cloudflare:))
    }

    public func members(accountID: String, status: MemberStatus?) -> PagedList<Member> {
        let wireStatus: Cloudflare.MemberStatus? =
            switch status {
            case .active: .accepted
            case .pending: .pending
            case .rejected: .rejected
            case .disabled, .unknown, nil: nil
            }
        return client.members(accountID: accountID, .init(status: wireStatus, perPage: perPage))
            .mapItems { Member(cloudflare: $0, accountID: accountID) }
    }

    public func tokens(scope: TokenScope) -> PagedList<Token> {
        // Expired tokens are hidden unless asked for; the console shows tokens in every status.
        client.tokens(scope, query: .init(includeExpired: true, perPage: perPage)).mapItems { Token(cloudflare: $0, scope: scope) }
    }

    public func receivedInvitations() -> PagedList<Invitation> {
        client.invites().mapItems(Invitation.init(cloudflare:))
    }

    public func sentInvitations(accountID: String, accountName: String?) -> PagedList<Invitation> {
        client.members(accountID: accountID, .init(status: .pending, perPage: perPage)).mapItems {
            Invitation(cloudflarePendingMember: $0, accountID: accountID, accountName: accountName)
        }
    }

    public func token(scope: TokenScope, id: String) async throws -> Token {
        Token(cloudflare: try await client.token(scope, id: id), scope: scope)
    }

    public func receivedInvitation(id: String) async throws -> Invitation {
        Invitation(cloudflare: try await client.invite(id: id))
    }

    public func respond(to invitation: Invitation, with response: InvitationResponse) async throws -> Invitation {
        Invitation(cloudflare: try await client.respondToInvite(id: invitation.id, response))
    }

    public func rollToken(_ token: Token) async throws -> RolledToken {
        // Rolling the token this client signs in with retires its old secret: carry on with the new one.
        var rollsOwnCredential = false
        if token.scope == .user { rollsOwnCredential = try await signedInTokenID() == token.id }
        let secret = try await client.rollToken(token.scope, id: token.id)
        if rollsOwnCredential { client.credentials.replace(with: .apiToken(secret)) }
        return RolledToken(secret: secret, replacedOwnCredential: rollsOwnCredential)
    }

    public func setTokenEnabled(_ token: Token, enabled: Bool) async throws -> Token {
        Token(cloudflare: try await client.setTokenStatus(token.scope, id: token.id, enabled: enabled), scope: token.scope)
    }

    public func deleteToken(_ token: Token) async throws {
        try await client.deleteToken(token.scope, id: token.id)
    }

    public func removeMember(_ member: Member) async throws {
        try await client.removeMember(accountID: member.accountID, id: member.id)
    }

    public func revokeInvitation(_ invitation: Invitation) async throws {
        guard invitation.direction == .sent else {
            throw APIError(kind: .refused, detail: "Only an invitation an account sent can be revoked")
        }
        try await client.removeMember(accountID: invitation.accountID, id: invitation.id)
    }
}
