/// Member writes of an account: invite with several roles, change roles, re-read.
import APICore

extension CloudflareDirectory: MemberInviting, MemberRoleEditing {
    /// A Cloudflare member holds any number of account roles.
    public var allowsSeveralRoles: Bool { true }

    public func canInvite(in scope: Scope) -> Bool { scope.node(.account) != nil }

    public func invitableRoles(in scope: Scope) async throws -> [Role] {
        guard let account = scope.node(.account) else {
            throw APIError(kind: .refused, detail: "Select an account first: invitations go to an account")
        }
        return try await roles(ofAccount: account.id)
    }

    /// `POST /accounts/{id}/members` with role ids and status `pending`: the invitee gets an invitation.
    public func invite(email: String, roles: [Role], in scope: Scope) async throws -> Invitation {
        guard let account = scope.node(.account) else {
            throw APIError(kind: .refused, detail: "Select an account first: invitations go to an account")
        }
        guard !roles.isEmpty else { throw APIError(kind: .refused, detail: "Pick at least one role: nothing was sent") }
        let accountID = try Self.id(account.id, of: "account")
        let member = try await client.addMember(
            accountID: accountID, .init(email: email, roles: roles.map(\.id), status: "pending"))
        return Invitation(cloudflarePendingMember: member, accountID: accountID, accountName: account.name)
    }

    public func canEditRoles(of member: Member) -> Bool { !member.id.isEmpty && !member.accountID.isEmpty }

    public func assignableRoles(for member: Member) async throws -> [Role] {
        try await roles(ofAccount: try Self.id(member.accountID, of: "account"))
    }

    /// `PUT /accounts/{id}/members/{member}` with `{"roles":[{"id"}]}`.
    public func setRoles(of member: Member, to roles: [Role]) async throws -> Member {
        guard !roles.isEmpty else {
            throw APIError(kind: .refused, detail: "A member needs at least one role: nothing was sent")
        }
        let accountID = try Self.id(member.accountID, of: "account")
        let updated = try await client.updateMember(
            accountID: accountID, id: try Self.id(member.id, of: "member"),
            .init(roles: roles.map { Cloudflare.RoleReference(id: $0.id) }))
        return Member(cloudflare: updated, accountID: accountID, accountName: member.scope.leaf?.name ?? "")
    }

    public func member(_ member: Member) async throws -> Member {
        let accountID = try Self.id(member.accountID, of: "account")
        let current = try await client.member(accountID: accountID, id: try Self.id(member.id, of: "member"))
        return Member(cloudflare: current, accountID: accountID, accountName: member.scope.leaf?.name ?? "")
    }

    /// Every role of an account (`GET /accounts/{id}/roles`, all pages).
    func roles(ofAccount accountID: String) async throws -> [Role] {
        try await client.roles(accountID: try Self.id(accountID, of: "account"), perPage: perPage).fetchAll()
            .map(Role.init(cloudflare:))
    }
}
