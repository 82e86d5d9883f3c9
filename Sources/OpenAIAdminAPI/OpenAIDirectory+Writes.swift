/// The roles the Admin API takes: `owner` or `reader` in the organization, `owner` or `member` in a project.
import APICore

extension OpenAIDirectory {
    static let organizationRoles = [
        Role(id: "owner", name: "owner", description: "Manages the organization: members, keys, projects and billing"),
        Role(id: "reader", name: "reader", description: "Uses the organization and reads its settings"),
    ]
    static let projectRoles = [
        Role(id: "owner", name: "owner", description: "Manages the project: members, keys and settings"),
        Role(id: "member", name: "member", description: "Uses the project"),
    ]

    /// The one role of a single-role picker, or a refusal that sends nothing.
    static func single(_ roles: [Role], from allowed: [Role]) throws -> String {
        guard roles.count == 1, let role = roles.first, allowed.contains(where: { $0.id == role.id }) else {
            let names = allowed.map(\.name).joined(separator: " or ")
            throw APIError(kind: .refused, detail: "Choose exactly one role (\(names)): nothing was sent")
        }
        return role.id
    }
}

extension OpenAIDirectory: MemberRoleEditing, MemberRemoval {
    public var allowsSeveralRoles: Bool { false }

    public func canEditRoles(of member: Member) -> Bool { !member.id.isEmpty }

    public func assignableRoles(for member: Member) async throws -> [Role] {
        member.scope.node(.project) == nil ? Self.organizationRoles : Self.projectRoles
    }

    public func setRoles(of member: Member, to roles: [Role]) async throws -> Member {
        let id = try Self.id(member.id, of: "member")
        if let project = member.scope.node(.project) {
            let role = try Self.single(roles, from: Self.projectRoles)
            let body = OpenAIAdmin.ProjectUserUpdate(role: OpenEnum(rawValue: role))
            let user = try await client.updateProjectUser(
                projectID: try Self.id(project.id, of: "project"), userID: id, body)
            return Member(openAI: user, project: project)
        }
        let role = try Self.single(roles, from: Self.organizationRoles)
        return Member(openAI: try await client.updateUser(id: id, .init(role: OpenEnum(rawValue: role))))
    }

    public func member(_ member: Member) async throws -> Member {
        let id = try Self.id(member.id, of: "member")
        if let project = member.scope.node(.project) {
            return Member(openAI: try await client.projectUser(projectID: project.id, userID: id), project: project)
        }
        return Member(openAI: try await client.user(id: id))
    }

    public func canRemove(_ member: Member) -> Bool { !member.id.isEmpty }

    public func removeMember(_ member: Member) async throws {
        let id = try Self.id(member.id, of: "member")
        if let project = member.scope.node(.project) {
            try await client.removeProjectUser(projectID: try Self.id(project.id, of: "project"), userID: id)
        } else {
            try await client.deleteUser(id: id)
        }
    }
}

extension OpenAIDirectory: MemberInviting, InvitationRevoking {
    /// Invites are organization-wide, so any scope can send one.
    public func canInvite(in scope: Scope) -> Bool { true }

    public func invitableRoles(in scope: Scope) async throws -> [Role] { Self.organizationRoles }

    /// Invites into the organization; with a project in scope the invitee joins that project as a member (`projects`),
    /// else the default project, as when `projects` is omitted.
    public func invite(email: String, roles: [Role], in scope: Scope) async throws -> Invitation {
        let role = try Self.single(roles, from: Self.organizationRoles)
        let projects = scope.node(.project).map { [OpenAIAdmin.InviteProject(id: $0.id, role: .known(.member))] }
        let invite = try await client.createInvite(
            .init(email: email, role: OpenEnum(rawValue: role), projects: projects))
        return Invitation(openAI: invite, organization: organization)
    }

    public func canRevoke(_ invitation: Invitation) -> Bool {
        invitation.direction == .sent && invitation.status == .pending
    }

    public func revokeInvitation(_ invitation: Invitation) async throws {
        guard canRevoke(invitation) else {
            throw APIError(kind: .refused, detail: "Only a pending invitation can be revoked: nothing was sent")
        }
        try await client.deleteInvite(id: try Self.id(invitation.id, of: "invitation"))
    }
}

extension OpenAIDirectory: TokenDeletion, KeyRotation {
    public func canDelete(_ token: Token) -> Bool {
        [.adminKey, .projectKey, .serviceAccount].contains(token.kind) && !token.id.isEmpty
    }

    public func deleteToken(_ token: Token) async throws {
        let id = try Self.id(token.id, of: "key")
        switch token.kind {
        case .adminKey: try await client.deleteAdminKey(id: id)
        case .projectKey: try await client.deleteProjectKey(projectID: try Self.project(of: token).id, id: id)
        case .serviceAccount: try await client.deleteServiceAccount(projectID: try Self.project(of: token).id, id: id)
        case .apiToken, .credential:
            throw APIError(kind: .refused, detail: "OpenAI has no \(token.kind.rawValue)s: nothing was sent")
        }
    }

    /// Only admin keys: project keys cannot be created through the API.
    public func canRotate(_ token: Token) -> Bool { token.kind == .adminKey && !token.id.isEmpty }

    /// Creates an admin key with the same name (the API has no roll); the old key stays until it is deleted.
    public func createReplacement(for token: Token) async throws -> IssuedKey {
        guard canRotate(token) else {
            throw APIError(kind: .refused, detail: "Only admin keys can be rotated: nothing was sent")
        }
        let created = try await client.createAdminKey(.init(name: token.name))
        return IssuedKey(token: Token(openAI: created.key, now: now()), secret: created.secret)
    }

    public func isOwnCredential(_ token: Token) async -> Bool {
        guard token.kind == .adminKey, let redacted = token.redactedValue.flatMap(RedactedKey.init) else {
            return false
        }
        return redacted.matches(client.adminKey.credentials)
    }

    /// Signs with a copy of the new key, so wiping the secret after it was shown does not wipe the credential.
    public func adopt(_ key: IssuedKey) {
        guard let value = key.secret.reveal(), !value.isEmpty else { return }
        client.adminKey.replace(with: Secret(value))
    }
}
