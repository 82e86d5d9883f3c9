import APICore
import Foundation

extension Account {
    /// The Accounts-pane row of a Keycard organization; entering it puts the organization in scope.
    public init(keycard organization: Keycard.Organization) {
        self.init(
            id: organization.id, name: organization.name, kind: "organization",
            createdOn: Timestamp.parse(organization.createdAt), scopeKind: .organization,
            status: organization.ssoEnabled ? "sso" : nil)
    }
}

extension Role {
    /// The role a Keycard organization role value names (`org_admin`, …), with its human label.
    public init(keycard role: OpenEnum<Keycard.OrganizationRole>) {
        self.init(id: role.rawValue, name: role.rawValue, description: role.value.map(Self.keycardLabel))
    }

    /// The role a Keycard role object (older servers' `…/roles`) describes.
    public init(keycard role: Keycard.Role) {
        self.init(id: role.name, name: role.name, description: role.label ?? role.description)
    }

    /// The three organization roles, as the invite and role pickers offer them when the server cannot list roles.
    public static let keycardOrganizationRoles: [Role] = Keycard.OrganizationRole.allCases.map {
        Role(keycard: OpenEnum($0))
    }

    static func keycardLabel(_ role: Keycard.OrganizationRole) -> String {
        switch role {
        case .admin: "Organization Administrator"
        case .member: "Organization Member"
        case .viewer: "Organization Viewer"
        }
    }
}

extension Member {
    /// The member a Keycard organization user describes, in the organization `organization`.
    public init(keycard user: Keycard.OrganizationUser, organization: ScopeNode) {
        let status: MemberStatus =
            switch user.status {
            case .known(.active): .active
            case .known(.disabled): .disabled
            case .unknown(let raw): .unknown(raw)
            }
        self.init(
            id: user.id, email: user.email ?? "", status: status, roles: [Role(keycard: user.role)],
            scope: Scope([organization]))
    }
}

extension InvitationStatus {
    /// The status a Keycard invitation status describes.
    public init(keycard status: OpenEnum<Keycard.InvitationStatus>) {
        switch status {
        case .known(.pending): self = .pending
        case .known(.accepted): self = .accepted
        case .known(.expired): self = .expired
        case .known(.revoked): self = .revoked
        case .unknown(let raw): self = .unknown(raw)
        }
    }
}

extension Invitation {
    /// The sent invitation a Keycard invitation describes.
    public init(keycard invitation: Keycard.Invitation, organizationName: String?) {
        self.init(
            id: invitation.id, direction: .sent, accountID: invitation.organizationID, accountName: organizationName,
            inviteeEmail: invitation.email, invitedBy: invitation.createdBy, roles: [invitation.role.rawValue],
            status: InvitationStatus(keycard: invitation.status), invitedOn: Timestamp.parse(invitation.createdAt),
            expiresOn: Timestamp.parse(invitation.expiresAt))
    }
}

extension InvitationPreview {
    /// What a Keycard invitation token would join.
    public init(keycard preview: Keycard.InvitationPreview) {
        self.init(
            inviteeEmail: preview.email, organizationName: preview.organizationName, invitedBy: preview.createdByName,
            roles: [preview.role.rawValue], status: InvitationStatus(keycard: preview.status),
            expiresOn: Timestamp.parse(preview.expiresAt))
    }
}

extension Token {
    /// The Tokens-pane row of a service account in `organization`: Enter opens its credentials.
    public init(keycard account: Keycard.ServiceAccount, organization: ScopeNode) {
        self.init(
            id: account.id, name: account.name, status: .active, kind: .serviceAccount, owner: Scope([organization]),
            issuedOn: Timestamp.parse(account.createdAt), modifiedOn: Timestamp.parse(account.updatedAt),
            ownerLabel: account.description, holdsCredentials: true, description: account.description)
    }

    /// The Tokens-pane row of a credential of a service account (`owner` is organization › service account);
    /// `ownerLabel` is its client id.
    public init(keycard credential: Keycard.Credential, owner: Scope) {
        self.init(
            id: credential.id, name: credential.name, status: .active, kind: .credential, owner: owner,
            issuedOn: Timestamp.parse(credential.createdAt), lastUsedOn: Timestamp.parse(credential.lastUsedAt),
            ownerLabel: credential.clientID, description: credential.description)
    }
}

extension SSOConnection {
    /// The SSO connection a Keycard SSO connection describes.
    public init(keycard connection: Keycard.SSOConnection) {
        let oauth2 = connection.protocols?.oauth2
        let openid = connection.protocols?.openid
        self.init(
            id: connection.id, issuer: connection.identifier, clientID: connection.clientID,
            clientSecretIsSet: connection.clientSecretSet, authorizationEndpoint: oauth2?.authorizationEndpoint,
            tokenEndpoint: oauth2?.tokenEndpoint, userinfoEndpoint: openid?.userinfoEndpoint,
            scopes: openid?.scopes ?? [], createdOn: Timestamp.parse(connection.createdAt),
            updatedOn: Timestamp.parse(connection.updatedAt))
    }
}
