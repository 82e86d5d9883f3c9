import APICore
import Foundation
import KeycardAPI

/// Read-only views of the Keycard fake's state, for tests (they never count as requests).
extension KeycardStore {
    /// Every organization in creation order (with `sso_enabled` as it stands).
    public func allOrganizations() -> [Keycard.Organization] {
        organizations.map { record in
            var organization = record.organization
            organization.ssoEnabled = record.sso != nil
            return organization
        }
    }

    /// Ids of the organizations the demo user belongs to, in list order.
    public func userOrganizationIDs() -> [String] {
        organizations.filter { canSee($0, caller: .user) }.map(\.organization.id)
    }

    /// The members of an organization in list order (the demo user first where it is one).
    public func users(organizationID: String) -> [Keycard.OrganizationUser] {
        index(ofOrganization: organizationID).map { organizations[$0].users.map(\.user) } ?? []
    }

    /// The invitations of an organization in list order, with their stored status.
    public func invitations(organizationID: String) -> [Keycard.Invitation] {
        index(ofOrganization: organizationID).map { organizations[$0].invitations.map(\.invitation) } ?? []
    }

    /// The emailed token of an invitation.
    public func invitationToken(id: String) -> String? {
        organizations.lazy.flatMap(\.invitations).first { $0.invitation.id == id }?.token
    }

    /// The service accounts of an organization in list order.
    public func serviceAccounts(organizationID: String) -> [Keycard.ServiceAccount] {
        index(ofOrganization: organizationID).map { organizations[$0].serviceAccounts.map(\.account) } ?? []
    }

    /// The credentials of a service account in list order.
    public func credentials(organizationID: String, serviceAccountID: String) -> [Keycard.Credential] {
        guard let index = index(ofOrganization: organizationID) else { return [] }
        return organizations[index].serviceAccounts.first { $0.account.id == serviceAccountID }?.credentials
            .map(\.credential) ?? []
    }

    /// The client secret of a credential.
    public func clientSecret(ofCredentialID id: String) -> String? {
        allCredentials().first { $0.credential.id == id }?.secret
    }

    /// The SSO connection of an organization, nil while SSO is off.
    public func ssoConnection(organizationID: String) -> Keycard.SSOConnection? {
        index(ofOrganization: organizationID).flatMap { organizations[$0].sso }
    }

    /// How many issued access tokens are still unexpired.
    public func liveAccessTokenCount(at date: Date = Date()) -> Int {
        accessTokens.values.filter { $0.expiresAt > date }.count
    }

    private func allCredentials() -> [KeycardCredentialRecord] {
        organizations.flatMap { $0.serviceAccounts.flatMap(\.credentials) }
    }
}
