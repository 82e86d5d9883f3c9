import APICore
import Foundation

extension Account {
    /// The account a Cloudflare wire account describes.
    public init(cloudflare account: Cloudflare.Account) {
        self.init(
            id: account.id, name: account.name, kind: account.type?.rawValue,
            createdOn: Timestamp.parse(account.createdOn), enforcesTwoFactor: account.settings?.enforceTwofactor)
    }
}

extension Role {
    /// The role a Cloudflare wire role describes.
    public init(cloudflare role: Cloudflare.Role) {
        let permissions = (role.permissions ?? [:]).sorted { $0.key < $1.key }.compactMap { area, grant -> String? in
            let rights = [grant.read == true ? "read" : nil, grant.write == true ? "write" : nil].compactMap { $0 }
            return rights.isEmpty ? nil : "\(area): \(rights.joined(separator: ", "))"
        }
        self.init(id: role.id, name: role.name ?? role.id, description: role.description, permissions: permissions)
    }
}

extension Member {
    /// The member a Cloudflare wire member describes, in account `accountID`.
    ///
    /// A member without an id keeps an empty one (its user id would address another object); writes refuse it.
    public init(cloudflare member: Cloudflare.Member, accountID: String, accountName: String = "") {
        let user = member.user
        let name = [user?.firstName, user?.lastName].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        let status: MemberStatus =
            switch member.status {
            case .known(.accepted): .active
            case .known(.pending): .pending
            case .known(.rejected): .rejected
            case .unknown(let raw): .unknown(raw)
            case nil: .unknown("")
            }
        self.init(
            id: member.id ?? "", email: user?.email ?? member.email ?? "", name: name.isEmpty ? nil : name,
            status: status, roles: (member.roles ?? []).map(Role.init(cloudflare:)),
            twoFactorEnabled: user?.twoFactorAuthenticationEnabled,
            scope: Scope([ScopeNode(kind: .account, id: accountID, name: accountName)]))
    }
}

extension TokenStatus {
    /// The status a Cloudflare wire status describes.
    public init(cloudflare status: OpenEnum<Cloudflare.TokenStatus>?) {
        switch status {
        case .known(.active): self = .active
        case .known(.disabled): self = .disabled
        case .known(.expired): self = .expired
        case .unknown(let raw): self = .unknown(raw)
        case nil: self = .unknown("")
        }
    }
}

extension Token {
    /// The token a Cloudflare wire token describes, owned by `scope`.
    public init(cloudflare token: Cloudflare.Token, scope: TokenScope) {
        let policies = (token.policies ?? []).map { policy in
            TokenPolicy(
                id: policy.id, allows: policy.effect != .known(.deny),
                permissionGroups: policy.permissionGroups.map { $0.name ?? $0.id },
                resources: policy.resources.keys.sorted())
        }
        self.init(
            id: token.id ?? "", name: token.name ?? "", status: TokenStatus(cloudflare: token.status), kind: .apiToken,
            owner: scope.owner,
            issuedOn: Timestamp.parse(token.issuedOn), modifiedOn: Timestamp.parse(token.modifiedOn),
            lastUsedOn: Timestamp.parse(token.lastUsedOn), notBefore: Timestamp.parse(token.notBefore),
            expiresOn: Timestamp.parse(token.expiresOn), policies: policies,
            allowedIPRanges: token.condition?.requestIP?.in ?? [],
            deniedIPRanges: token.condition?.requestIP?.notIn ?? [], ownerLabel: scope.ownerLabel)
    }
}

extension TokenScope {
    /// Whose tokens these are, in words: "user" for the signed-in user's, "account 0123abcd" for an account's.
    public var ownerLabel: String {
        switch self {
        case .user: "user"
        case .account(let id): "account \(id.prefix(8))"
        }
    }

    /// The scope path of the collection: the top level for the user's tokens, the account for an account's.
    public var owner: Scope {
        switch self {
        case .user: .top
        case .account(let id): Scope([ScopeNode(kind: .account, id: id, name: "")])
        }
    }

    /// The collection a scope's tokens live in: the account's when an account is in scope, else the user's.
    public init(owner: Scope) {
        self = owner.node(.account).map { .account(id: $0.id) } ?? .user
    }
}

extension Invitation {
    /// The received invitation a Cloudflare wire invite describes.
    public init(cloudflare invite: Cloudflare.Invite) {
        let status: InvitationStatus =
            switch invite.status {
            case .known(.pending): .pending
            case .known(.accepted): .accepted
            case .known(.rejected): .rejected
            case .known(.expired): .expired
            case .unknown(let raw): .unknown(raw)
            case nil: .unknown("")
            }
        self.init(
            id: invite.id ?? "", direction: .received, accountID: invite.organizationID,
            accountName: invite.organizationName, inviteeEmail: invite.invitedMemberEmail,
            invitedBy: invite.invitedBy, roles: invite.roles ?? [], status: status,
            invitedOn: Timestamp.parse(invite.invitedOn), expiresOn: Timestamp.parse(invite.expiresOn),
            accountEnforcesTwoFactor: invite.organizationIsEnforcingTwofactor)
    }

    /// The sent invitation a pending Cloudflare member describes.
    public init(cloudflarePendingMember member: Cloudflare.Member, accountID: String, accountName: String?) {
        self.init(
            id: member.id ?? "", direction: .sent, accountID: accountID, accountName: accountName,
            inviteeEmail: member.user?.email ?? member.email, roles: (member.roles ?? []).map { $0.name ?? $0.id },
            status: .pending)
    }
}

extension UserProfile {
    /// The profile a Cloudflare wire user describes.
    public init(cloudflare user: Cloudflare.User) {
        let name = [user.firstName, user.lastName].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        self.init(
            id: user.id, email: user.email, name: name.isEmpty ? nil : name,
            twoFactorEnabled: user.twoFactorAuthenticationEnabled, suspended: user.suspended)
    }
}
