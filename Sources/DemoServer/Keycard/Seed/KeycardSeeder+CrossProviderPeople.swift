import APICore
import KeycardAPI

extension KeycardSeeder {
    /// User ids of the people (hand-written: no seeded generator is drawn for them).
    private static let crossProviderUserIDs = [
        CrossProviderPeople.priya.key: "20ez7zb0k7xxnvz326amooty09",
        CrossProviderPeople.sam.key: "4pn2wrscxzuv1y8u56dppzewzm",
    ]

    /// Invitation ids by person.
    private static let crossProviderInvitationIDs = [CrossProviderPeople.jordan.key: "y16ww0fpqdxbflyzvcfh26lwsi"]

    /// Identity provider of a member whose organization has SSO off, when the spec names none.
    private static let defaultSource = "https://accounts.google.com"

    /// Appends the cross-provider people after the generated members and invitations, numbered from `sequence` on.
    func appendCrossProviderPeople(
        to organizations: inout [KeycardOrganizationRecord], userID: String, sequence: inout Int
    ) {
        // In place of the last generated members: each organization keeps the count it was configured with.
        for spec in CrossProviderPeople.keycardMembers where organizations.indices.contains(spec.organization) {
            if let last = organizations[spec.organization].users.last, last.user.id != userID {
                organizations[spec.organization].users.removeLast()
            }
        }
        for spec in CrossProviderPeople.keycardMembers {
            guard organizations.indices.contains(spec.organization),
                let id = Self.crossProviderUserIDs[spec.person.key]
            else { continue }
            let ssoIssuer = organizations[spec.organization].sso?.identifier
            sequence += 1
            organizations[spec.organization].users.append(
                KeycardUserRecord(
                    user: Keycard.OrganizationUser(
                        id: id, email: spec.email, role: OpenEnum(spec.role), status: OpenEnum(.active),
                        source: spec.source ?? ssoIssuer ?? Self.defaultSource,
                        createdAt: clock.ago(days: spec.joinedDaysAgo),
                        updatedAt: clock.ago(days: min(spec.joinedDaysAgo, 14))),
                    sequence: sequence))
        }
        for spec in CrossProviderPeople.keycardInvitations {
            guard organizations.indices.contains(spec.organization),
                let id = Self.crossProviderInvitationIDs[spec.person.key]
            else { continue }
            let record = organizations[spec.organization]
            // Sent by the demo user when it administers the organization, else by one of its administrators.
            let inviter =
                record.user(userID)?.user.role == .known(.admin)
                ? (id: userID, name: userName)
                : (id: record.users.first { $0.user.role == .known(.admin) }?.user.id ?? userID, name: "Dana Whitfield")
            let sent = clock.ago(days: spec.sentDaysAgo)
            sequence += 1
            organizations[spec.organization].invitations.append(
                KeycardInvitationRecord(
                    invitation: Keycard.Invitation(
                        id: id, organizationID: record.organization.id, email: spec.email, role: OpenEnum(spec.role),
                        status: OpenEnum(.pending), createdBy: inviter.id, createdAt: sent, updatedAt: sent,
                        expiresAt: clock.ahead(days: spec.lifetimeDays - spec.sentDaysAgo)),
                    token: KeycardSecrets.invitationToken(), createdByName: inviter.name, sequence: sequence))
        }
    }
}
