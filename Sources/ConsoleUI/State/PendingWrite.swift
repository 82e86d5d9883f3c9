import APICore

/// A write waiting for the user's confirmation.
public enum PendingWrite: Sendable, Hashable {
    case accept(invitationID: String)
    case reject(invitationID: String)
    case revoke(invitationID: String)
    case roll(tokenID: String)
    case rotate(tokenID: String)
    case setEnabled(tokenID: String, enabled: Bool)
    case deleteToken(tokenID: String)
    case removeMember(memberID: String)
    case setRoles(memberID: String, roles: [Role])
    case assignRoles(memberID: String, assign: [Role], unassign: [Role])
    case invite(email: String, roles: [Role], scope: Scope)
    case editUser(changes: [String: FieldChange])
    case leaveOrganization(id: String)
    case createToken(TokenDraft)
    case editToken(tokenID: String, TokenEdit)
    case updateAccount(id: String, name: String?, enforceTwoFactor: Bool?)
    case createAccount(name: String)
    case deleteAccount(id: String)
    case editAccountProfile(account: Account, changes: [String: FieldChange])
    case moveAccount(account: Account, to: TenantOrganization)
    case acceptInvitationToken(SecretHandle, organizationName: String)
    case enableSSO(issuer: String, clientID: String)
    case disableSSO
}

/// A secret carried by a pending write (an emailed invitation token), equal only to itself.
public struct SecretHandle: Sendable, Hashable {
    public let secret: Secret

    public init(_ secret: Secret) {
        self.secret = secret
    }

    public static func == (lhs: SecretHandle, rhs: SecretHandle) -> Bool { lhs.secret === rhs.secret }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(secret)) }
}
