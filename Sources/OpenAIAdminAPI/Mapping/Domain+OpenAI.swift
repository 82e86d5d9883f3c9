import APICore
import Foundation

extension Date {
    /// The date of a Unix timestamp in seconds, as the OpenAI Admin API sends them.
    init?(openAISeconds: Int?) {
        guard let openAISeconds else { return nil }
        self.init(timeIntervalSince1970: TimeInterval(openAISeconds))
    }
}

extension Role {
    /// A role named by its wire value (`owner`, `reader`, `member`): OpenAI roles have no separate id.
    init(openAIName name: String) {
        self.init(id: name, name: name)
    }
}

extension Account {
    /// The organization row of the Accounts pane; entering it pushes nothing (it is the top level already).
    public static func openAIOrganization(id: String?) -> Account {
        Account(
            id: id ?? "organization", name: id ?? "Organization", kind: "organization", scopeKind: nil,
            status: nil)
    }

    /// The project row an OpenAI wire project describes.
    public init(openAI project: OpenAIAdmin.Project) {
        let status = project.status?.rawValue ?? (project.archivedAt == nil ? "active" : "archived")
        self.init(
            id: project.id, name: project.name ?? project.id, kind: "project",
            createdOn: Date(openAISeconds: project.createdAt), scopeKind: .project, status: status)
    }
}

extension Member {
    /// The member an organization user describes (at the top level).
    public init(openAI user: OpenAIAdmin.OrganizationUser) {
        self.init(
            id: user.id, email: user.email ?? user.user?.email ?? "", name: user.name ?? user.user?.name,
            status: .active, roles: user.role.map { [Role(openAIName: $0.rawValue)] } ?? [], scope: .top)
    }

    /// The member a project user describes, in `project`.
    public init(openAI user: OpenAIAdmin.ProjectUser, project: ScopeNode) {
        self.init(
            id: user.id, email: user.email ?? "", name: user.name, status: .active,
            roles: user.role.isEmpty ? [] : [Role(openAIName: user.role)], scope: Scope([project]))
    }
}

extension TokenStatus {
    /// Active, or expired once `expiresAt` has passed.
    init(openAIExpiresAt expiresAt: Int?, now: Date) {
        if let expiry = Date(openAISeconds: expiresAt), expiry <= now {
            self = .expired
        } else {
            self = .active
        }
    }
}

extension Token {
    /// The row an admin API key describes (organization-wide, so owned by the top level).
    public init(openAI key: OpenAIAdmin.AdminAPIKey, now: Date) {
        let ownerKind = key.owner.type.map { $0.rawValue.replacingOccurrences(of: "_", with: " ") } ?? "user"
        let ownerName = key.owner.name ?? key.owner.id
        self.init(
            id: key.id, name: key.name ?? key.id, status: TokenStatus(openAIExpiresAt: key.expiresAt, now: now),
            kind: .adminKey, owner: .top, issuedOn: Date(openAISeconds: key.createdAt),
            lastUsedOn: Date(openAISeconds: key.lastUsedAt), expiresOn: Date(openAISeconds: key.expiresAt),
            redactedValue: key.redactedValue, ownerLabel: ownerName.map { "\(ownerKind) \($0)" },
            ownerUserID: ownerKind == "user" ? key.owner.id : nil)
    }

    /// The row a project API key describes, in `project`.
    ///
    /// A key whose owner lost access to the project (`owner_project_access: inactive`) cannot be used: disabled.
    public init(openAI key: OpenAIAdmin.ProjectAPIKey, project: ScopeNode, now: Date) {
        var status = TokenStatus(openAIExpiresAt: key.expiresAt, now: now)
        if status == .active, key.ownerProjectAccess == .known(.inactive) { status = .disabled }
        let ownerLabel: String? =
            if let account = key.owner.serviceAccount {
                "service account \(account.name ?? account.id)"
            } else if let user = key.owner.user {
                "user \(user.email ?? user.name ?? user.id)"
            } else {
                nil
            }
        self.init(
            id: key.id, name: key.name, status: status, kind: .projectKey, owner: Scope([project]),
            issuedOn: Date(openAISeconds: key.createdAt), lastUsedOn: Date(openAISeconds: key.lastUsedAt),
            expiresOn: Date(openAISeconds: key.expiresAt), redactedValue: key.redactedValue, ownerLabel: ownerLabel,
            ownerUserID: key.owner.user?.id)
    }

    /// The row a project service account describes, in `project`; its keys are listed as project keys.
    public init(openAI account: OpenAIAdmin.ServiceAccount, project: ScopeNode) {
        self.init(
            id: account.id, name: account.name, status: .active, kind: .serviceAccount, owner: Scope([project]),
            issuedOn: Date(openAISeconds: account.createdAt),
            ownerLabel: "project \(project.name.isEmpty ? project.id : project.name) (\(account.role.rawValue))",
            holdsCredentials: false)
    }
}

extension Invitation {
    /// The sent invitation an organization invite describes.
    public init(openAI invite: OpenAIAdmin.Invite, organization: Account) {
        let status: InvitationStatus =
            switch invite.status {
            case .known(.pending): .pending
            case .known(.accepted): .accepted
            case .known(.expired): .expired
            case .unknown(let raw): .unknown(raw)
            }
        self.init(
            id: invite.id, direction: .sent, accountID: organization.id, accountName: organization.name,
            inviteeEmail: invite.email, roles: [invite.role.rawValue], status: status,
            invitedOn: Date(openAISeconds: invite.createdAt), expiresOn: Date(openAISeconds: invite.expiresAt))
    }
}
