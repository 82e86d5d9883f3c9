/// The Keycard Management API as an `IdentityDirectory`.
///
/// Scopes: the top level (the Accounts pane lists organizations, other panes ask for one), an organization (its
/// members where the server still lists them, its service accounts, its invitations) and organization › service
/// account (its credentials). Keycard-only features (`:accept TOKEN`, SSO) are `invitationTokenAccepting` and
/// `ssoManaging`.
import APICore

public struct KeycardDirectory: IdentityDirectory {
    public let client: KeycardClient
    /// Page size of lists (`limit`); 100 keeps an organization of hundreds of members to a few requests.
    public var limit: Int
    /// The secret of a replacement of the credential this directory signs in with, until `adopt` takes it.
    let replacementSecrets = KeycardReplacementSecrets()

    public init(client: KeycardClient, limit: Int = 100) {
        self.client = client
        self.limit = limit
    }

    public var provider: Provider { .keycard }

    /// Keycard has no "current user" endpoint: the profile names the credential, after one cheap signed read
    /// proves the server accepts it.
    public func currentUser() async throws -> UserProfile {
        _ = try await client.organizations(.init(limit: 1))
        switch client.credentials.credentials {
        case .apiKey:
            return UserProfile(id: "api-key", email: "", name: "API key")
        case .clientCredentials(let clientID, _):
            return UserProfile(id: clientID, email: "", name: "service account credential \(clientID)")
        }
    }

    /// A client id is not a credential id, and an API key has none: the directory cannot tell (see `isOwnCredential`).
    public func signedInTokenID() async throws -> String? { nil }

    public func accounts(in scope: Scope, nameFilter: String?) -> Listing<Account> {
        // The server has no name filter: filter each page here (the cache key still names the filter).
        let filter = nameFilter.flatMap { $0.isEmpty ? nil : $0.lowercased() }
        let list = Self.filtered(client.organizationPages(limit: limit)) { organization in
            filter.map { organization.name.lowercased().contains($0) } ?? true
        }
        return .list(list.mapItems(Account.init(keycard:)), query: filter.map { "name=\($0)" } ?? "")
    }

    public func members(in scope: Scope, status: MemberStatus?) -> Listing<Member> {
        guard let organization = scope.node(.organization) else {
            return .needsScope("Select an organization (1, then Enter) to see its members")
        }
        let users = client.userPages(organizationID: organization.id, limit: limit)
        let list = PagedList<Keycard.OrganizationUser>(first: users.first) { cursor in
            do {
                return try await users.page(cursor)
            } catch let error as APIError where error.kind == .unsupported {
                throw APIError(
                    kind: .unsupported, requestLine: error.requestLine,
                    detail: "This Keycard server does not list organization members")
            }
        }
        let members = list.mapPageItems { users in
            Member.packed(users.map { Member(keycard: $0, organization: organization) })
        }
        guard let status else { return .list(members) }
        // No server-side status filter either.
        return .list(Self.filtered(members) { $0.status == status }, query: "status=\(status.label)")
    }

    public func tokens(in scope: Scope) -> Listing<Token> {
        guard let organization = scope.node(.organization) else {
            return .needsScope("Select an organization (1, then Enter) to see its service accounts")
        }
        if let account = scope.node(.serviceAccount) {
            let owner = Scope([organization, account])
            return .list(
                client.credentialPages(organizationID: organization.id, serviceAccountID: account.id, limit: limit)
                    .mapItems { Token(keycard: $0, owner: owner) })
        }
        return .list(
            client.serviceAccountPages(organizationID: organization.id, limit: limit)
                .mapItems { Token(keycard: $0, organization: organization) })
    }

    public func sentInvitations(in scope: Scope) -> Listing<Invitation> {
        guard let organization = scope.node(.organization) else {
            return .needsScope("Select an organization (1, then Enter) to see its invitations")
        }
        return .list(
            client.invitationPages(organizationID: organization.id, limit: limit)
                .mapItems { Invitation(keycard: $0, organizationName: organization.name) })
    }

    public func token(_ token: Token) async throws -> Token {
        switch token.kind {
        case .serviceAccount:
            let organization = try Self.node(.organization, of: token)
            let id = try Self.id(token.id, of: "service account")
            let account = try await client.serviceAccount(organizationID: organization.id, id: id)
            return Token(keycard: account, organization: organization)
        case .credential:
            let (organization, account) = try Self.credentialOwner(of: token)
            let id = try Self.id(token.id, of: "credential")
            let credential = try await client.credential(
                organizationID: organization.id, serviceAccountID: account.id, id: id)
            return Token(keycard: credential, owner: token.owner)
        case .apiToken, .adminKey, .projectKey:
            throw APIError(kind: .refused, detail: "Keycard has no \(token.kind.rawValue)s: nothing was sent")
        }
    }

    public var keyRotation: (any KeyRotation)? { self }
    public var tokenDeletion: (any TokenDeletion)? { self }
    public var memberInviting: (any MemberInviting)? { self }
    public var invitationRevoking: (any InvitationRevoking)? { self }
    public var memberRoleEditing: (any MemberRoleEditing)? { self }
    public var memberRemoval: (any MemberRemoval)? { self }
    public var memberToggling: (any MemberToggling)? { self }
    public var invitationTokenAccepting: (any InvitationTokenAccepting)? { self }
    public var ssoManaging: (any SSOManaging)? { self }

    // MARK: Helpers

    /// An id fit for a path segment: an empty one would address the collection instead of the object.
    static func id(_ id: String, of what: String) throws -> String {
        guard !id.isEmpty else { throw APIError(kind: .refused, detail: "This \(what) has no id: nothing was sent") }
        return id
    }

    /// The innermost node of a kind in a token's owner, or a refusal.
    static func node(_ kind: ScopeKind, of token: Token) throws -> ScopeNode {
        guard let node = token.owner.node(kind), !node.id.isEmpty else {
            throw APIError(kind: .refused, detail: "'\(token.name)' names no \(kind.rawValue): nothing was sent")
        }
        return node
    }

    /// The organization and service account a credential row belongs to.
    static func credentialOwner(of token: Token) throws -> (organization: ScopeNode, account: ScopeNode) {
        (try node(.organization, of: token), try node(.serviceAccount, of: token))
    }

    /// The same list with each page's items filtered (the server has no such filter).
    static func filtered<Item: Sendable>(_ list: PagedList<Item>, _ keep: @escaping @Sendable (Item) -> Bool)
        -> PagedList<Item>
    {
        PagedList(first: list.first) { cursor in
            let page = try await list.page(cursor)
            return Page(items: page.items.filter(keep), cursor: page.cursor, next: page.next)
        }
    }
}
