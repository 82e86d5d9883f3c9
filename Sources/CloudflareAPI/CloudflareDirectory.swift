/// The Cloudflare User and Accounts APIs as an `IdentityDirectory`.
///
/// Scopes: the top level (the user's own tokens and received invitations) and an account (its members, tokens and
/// pending members, which are the invitations it sent).
import APICore

public struct CloudflareDirectory: IdentityDirectory {
    public let client: CloudflareClient
    /// Page size of lists; 50 is the API's maximum and keeps big accounts to few requests.
    public var perPage: Int

    public init(client: CloudflareClient, perPage: Int = 50) {
        self.client = client
        self.perPage = perPage
    }

    public var provider: Provider { .cloudflare }
    /// A sent invitation is a pending member of the account: `/accounts/{id}/members` lists both.
    public var sentInvitationsAreMembers: Bool { true }

    public func currentUser() async throws -> UserProfile {
        UserProfile(cloudflare: try await client.user())
    }

    public func signedInTokenID() async throws -> String? {
        guard case .apiToken = client.credentials.credentials else { return nil }
        return try await client.verifyToken(.user).id
    }

    /// An account token answers `/accounts/{id}/tokens/verify` of its own account; a user token is refused there.
    public func signedInTokenID(in scope: Scope) async -> String? {
        guard case .apiToken = client.credentials.credentials, let account = scope.node(.account) else { return nil }
        return (try? await client.verifyToken(.account(id: account.id)))?.id
    }

    public func accounts(in scope: Scope, nameFilter: String?) -> Listing<Account> {
        .list(
            client.accounts(.init(name: nameFilter, perPage: perPage)).mapItems(Account.init(cloudflare:)),
            query: nameFilter.map { "name=\($0)" } ?? "")
    }

    public func members(in scope: Scope, status: MemberStatus?) -> Listing<Member> {
        guard let account = scope.node(.account) else {
            return .needsScope("Select an account (1, then Enter) to see its members")
        }
        let wireStatus: Cloudflare.MemberStatus? =
            switch status {
            case .active: .accepted
            case .pending: .pending
            case .rejected: .rejected
            case .disabled, .unknown, nil: nil
            }
        // One scope value and one role table for the whole list: every row shares them instead of holding copies.
        let memberScope = Scope([ScopeNode(kind: .account, id: account.id, name: account.name)])
        let roles = RoleTable()
        let lists = RoleListMemo()
        let list = client.memberRows(
            accountID: account.id, .init(status: wireStatus, perPage: perPage),
            scan: { Member.scanningCloudflarePage($0, scope: memberScope, roles: roles, lists: lists) },
            map: { Member.cloudflarePage($0, scope: memberScope, roles: roles) })
        return .list(list, query: wireStatus.map { "status=\($0.rawValue)" } ?? "")
    }

    public func tokens(in scope: Scope) -> Listing<Token> {
        let owner = TokenScope(owner: scope)
        // Expired tokens are hidden unless asked for; the console shows tokens in every status.
        return .list(
            client.tokens(owner, query: .init(includeExpired: true, perPage: perPage))
                .mapItems { Token(cloudflare: $0, scope: owner) })
    }

    public func sentInvitations(in scope: Scope) -> Listing<Invitation> {
        guard let account = scope.node(.account) else {
            return .needsScope("Select an account (1, then Enter) to see the invitations it sent")
        }
        return .list(
            client.memberSummaries(accountID: account.id, .init(status: .pending, perPage: perPage)).mapItems {
                Invitation(cloudflarePendingMember: $0, accountID: account.id, accountName: account.name)
            })
    }

    public func token(_ token: Token) async throws -> Token {
        let owner = TokenScope(owner: token.owner)
        return Token(cloudflare: try await client.token(owner, id: try Self.id(token.id, of: "token")), scope: owner)
    }

    public var invitationAnswering: (any InvitationAnswering)? { self }
    public var tokenRolling: (any TokenRolling)? { self }
    public var tokenToggling: (any TokenToggling)? { self }
    public var tokenDeletion: (any TokenDeletion)? { self }
    public var invitationRevoking: (any InvitationRevoking)? { self }
    public var memberRemoval: (any MemberRemoval)? { self }
    public var memberInviting: (any MemberInviting)? { self }
    public var memberRoleEditing: (any MemberRoleEditing)? { self }

    /// An id fit for a path segment: an empty one would address the collection instead of the object.
    static func id(_ id: String, of what: String) throws -> String {
        guard !id.isEmpty else { throw APIError(kind: .refused, detail: "This \(what) has no id: nothing was sent") }
        return id
    }
}

extension CloudflareDirectory: InvitationAnswering {
    public func receivedInvitations() -> Listing<Invitation> {
        .list(client.invites().mapItems(Invitation.init(cloudflare:)))
    }

    public func receivedInvitation(id: String) async throws -> Invitation {
        Invitation(cloudflare: try await client.invite(id: try Self.id(id, of: "invitation")))
    }

    public func respond(to invitation: Invitation, with response: InvitationResponse) async throws -> Invitation {
        Invitation(
            cloudflare: try await client.respondToInvite(id: try Self.id(invitation.id, of: "invitation"), response))
    }
}

extension CloudflareDirectory: TokenRolling, TokenToggling, TokenDeletion {
    public func canRoll(_ token: Token) -> Bool { true }
    public func canToggle(_ token: Token) -> Bool { token.status == .active || token.status == .disabled }
    public func canDelete(_ token: Token) -> Bool { true }

    public func rollToken(_ token: Token) async throws -> RolledToken {
        let owner = TokenScope(owner: token.owner)
        let id = try Self.id(token.id, of: "token")
        // Rolling the token this client signs in with retires its old secret: carry on with the new one.
        let rollsOwnCredential = try await isSignedIn(with: id, owner: owner)
        let secret = try await client.rollToken(owner, id: id)
        if rollsOwnCredential { client.credentials.replace(with: .apiToken(secret)) }
        return RolledToken(secret: secret, replacedOwnCredential: rollsOwnCredential)
    }

    /// Whether the client signs in with token `id`: a user token answers `/user/tokens/verify`, an account token
    /// `/accounts/{id}/tokens/verify` (which a user token is refused on: that refusal means "not this one").
    func isSignedIn(with id: String, owner: TokenScope) async throws -> Bool {
        guard case .apiToken = client.credentials.credentials else { return false }
        switch owner {
        case .user: return try await signedInTokenID() == id
        case .account: return (try? await client.verifyToken(owner))?.id == id
        }
    }

    public func setTokenEnabled(_ token: Token, enabled: Bool) async throws -> Token {
        let owner = TokenScope(owner: token.owner)
        let updated = try await client.setTokenStatus(owner, id: try Self.id(token.id, of: "token"), enabled: enabled)
        return Token(cloudflare: updated, scope: owner)
    }

    public func deleteToken(_ token: Token) async throws {
        try await client.deleteToken(TokenScope(owner: token.owner), id: try Self.id(token.id, of: "token"))
    }
}

extension CloudflareDirectory: InvitationRevoking, MemberRemoval {
    public func canRevoke(_ invitation: Invitation) -> Bool {
        invitation.direction == .sent && invitation.status == .pending
    }

    public func revokeInvitation(_ invitation: Invitation) async throws {
        guard invitation.direction == .sent else {
            throw APIError(kind: .refused, detail: "Only an invitation an account sent can be revoked")
        }
        // A sent invitation is a pending member: removing it withdraws the invitation.
        try await client.removeMember(
            accountID: try Self.id(invitation.accountID, of: "account"),
            id: try Self.id(invitation.id, of: "invitation"))
    }

    public func canRemove(_ member: Member) -> Bool { !member.accountID.isEmpty && !member.id.isEmpty }

    public func removeMember(_ member: Member) async throws {
        try await client.removeMember(
            accountID: try Self.id(member.accountID, of: "account"), id: try Self.id(member.id, of: "member"))
    }
}
