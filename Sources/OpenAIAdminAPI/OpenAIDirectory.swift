import APICore
import Foundation

/// The OpenAI Admin API as an `IdentityDirectory`.
///
/// Scopes: the top level is the organization (its users, admin keys and invites); a project (its users, then its
/// API keys followed by its service accounts). The Accounts pane is the organization row followed by the projects,
/// in every scope. The API has no "me": the signed-in identity is the admin key, matched by its redacted value.
public struct OpenAIDirectory: IdentityDirectory {
    public let client: OpenAIClient
    /// Page size of lists; 100 is the API's maximum.
    public var limit: Int
    /// The clock that decides whether a key has expired.
    let now: @Sendable () -> Date

    public init(
        client: OpenAIClient, limit: Int = OpenAIClient.maximumLimit, now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.client = client
        self.limit = limit
        self.now = now
    }

    public var provider: Provider { .openAI }

    /// The organization row: named by `OPENAI_ORG_ID` when it is set (an admin key needs no organization id).
    public var organization: Account { .openAIOrganization(id: client.organizationID) }

    /// The signed-in identity is the admin key: its id, "admin key <redacted value>" and its owner's name.
    ///
    /// When no listed key matches the key in use (or several do), the profile says only "admin key".
    public func currentUser() async throws -> UserProfile {
        guard let key = try await signedInAdminKey() else {
            return UserProfile(id: "", email: "admin key")
        }
        return UserProfile(id: key.id, email: "admin key \(key.redactedValue)", name: key.owner.name ?? key.name)
    }

    public func signedInTokenID() async throws -> String? {
        try await signedInAdminKey()?.id
    }

    /// The one admin key whose redacted value fits the key in use; nil when none or several do.
    func signedInAdminKey() async throws -> OpenAIAdmin.AdminAPIKey? {
        let secret = client.adminKey.credentials
        let matching = try await client.adminKeys(limit: limit).fetchAll().filter { key in
            RedactedKey(key.redactedValue)?.matches(secret) == true
        }
        return matching.count == 1 ? matching.first : nil
    }

    public func accounts(in scope: Scope, nameFilter: String?) -> Listing<Account> {
        let organization = organization
        let filter = nameFilter.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        let projects = client.projects(includeArchived: true, limit: limit)
        let list = PagedList<Account>(first: projects.first) { cursor in
            let page = try await projects.page(cursor)
            var rows = page.items.map(Account.init(openAI:))
            if cursor == projects.first { rows.insert(organization, at: 0) }
            // The API has no name filter: each page is filtered as it arrives.
            if let filter { rows = rows.filter { $0.name.localizedCaseInsensitiveContains(filter) } }
            return Page(items: rows, cursor: page.cursor, next: page.next)
        }
        return .list(list, query: filter.map { "name=\($0)" } ?? "")
    }

    public func members(in scope: Scope, status: MemberStatus?) -> Listing<Member> {
        // Everyone listed is a member already (invitees are invites), so only "active" can match a filter.
        if let status, status != .active {
            return .list(Self.emptyList(), query: "status=\(status.label)")
        }
        if let project = scope.node(.project) {
            return .list(
                client.projectUsers(projectID: project.id, limit: limit).mapPageItems { users in
                    Member.packed(users.map { Member(openAI: $0, project: project) })
                })
        }
        return .list(
            client.userRows(limit: limit, scan: Member.scanningOpenAIUsersPage, map: Member.openAIPage))
    }

    public func tokens(in scope: Scope) -> Listing<Token> {
        let now = now
        guard let project = scope.node(.project) else {
            return .list(client.adminKeys(limit: limit).mapItems { Token(openAI: $0, now: now()) })
        }
        let keys = client.projectKeys(projectID: project.id, limit: limit).mapItems {
            Token(openAI: $0, project: project, now: now())
        }
        let accounts = client.serviceAccounts(projectID: project.id, limit: limit).mapItems {
            Token(openAI: $0, project: project)
        }
        return .list(keys.followed(by: accounts))
    }

    public func sentInvitations(in scope: Scope) -> Listing<Invitation> {
        let organization = organization
        return .list(client.invites(limit: limit).mapItems { Invitation(openAI: $0, organization: organization) })
    }

    public func token(_ token: Token) async throws -> Token {
        let id = try Self.id(token.id, of: "key")
        switch token.kind {
        case .adminKey:
            return Token(openAI: try await client.adminKey(id: id), now: now())
        case .projectKey:
            let project = try Self.project(of: token)
            return Token(
                openAI: try await client.projectKey(projectID: project.id, id: id), project: project, now: now())
        case .serviceAccount:
            let project = try Self.project(of: token)
            return Token(openAI: try await client.serviceAccount(projectID: project.id, id: id), project: project)
        case .apiToken, .credential:
            throw APIError(kind: .refused, detail: "OpenAI has no \(token.kind.rawValue)s")
        }
    }

    public var keyRotation: (any KeyRotation)? { self }
    public var tokenDeletion: (any TokenDeletion)? { self }
    public var memberInviting: (any MemberInviting)? { self }
    public var invitationRevoking: (any InvitationRevoking)? { self }
    public var memberRoleEditing: (any MemberRoleEditing)? { self }
    public var memberRoleAssigning: (any MemberRoleAssigning)? { self }
    public var memberRemoval: (any MemberRemoval)? { self }

    /// An id fit for a path segment: an empty one would address the collection instead of the object.
    static func id(_ id: String, of what: String) throws -> String {
        guard !id.isEmpty else { throw APIError(kind: .refused, detail: "This \(what) has no id: nothing was sent") }
        return id
    }

    /// The project a project key or service account row belongs to.
    static func project(of token: Token) throws -> ScopeNode {
        guard let project = token.owner.node(.project), !project.id.isEmpty else {
            throw APIError(kind: .refused, detail: "This \(token.kind.rawValue) names no project: nothing was sent")
        }
        return project
    }

    /// A list with one empty page.
    static func emptyList<Item: Sendable>() -> PagedList<Item> {
        PagedList(first: .single) { cursor in Page(items: [], cursor: cursor, next: nil, totalPages: 1, totalCount: 0) }
    }
}
