import APICore
import KeycardAPI

/// Seeds the people of one Keycard organization: the demo user, members with roles, statuses and identity
/// providers, and invitations in every status (pending, accepted, expired, revoked).
struct KeycardPeopleSeeder {
    let spec: KeycardCatalogue.OrganizationSpec
    let organizationIndex: Int
    let seed: UInt64
    let clock: SeedClock
    let userID: String
    let userEmail: String
    let userName: String

    private static let sources = [
        "https://accounts.google.com", "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0",
        "https://github.com",
    ]

    /// Members and invitations of `record`, numbered from `sequence` on.
    mutating func populate(_ record: inout KeycardOrganizationRecord, sequence: inout Int) {
        var rng = SplitMix64(seed: seed, label: "keycard:organization:\(organizationIndex):users")
        if let role = spec.userRole {
            sequence += 1
            record.users.append(
                KeycardUserRecord(
                    user: user(id: userID, email: userEmail, role: role, status: .active, rng: &rng), sequence: sequence
                ))
        }
        var emails: Set<String> = [userEmail]
        for index in 0..<spec.users {
            sequence += 1
            let email =
                spec.hostile && index < Self.hostileEmails.count
                ? Self.hostileEmails[index] : uniqueEmail(&emails, rng: &rng)
            // Enough administrators that removing one never leaves an organization without any.
            let draw = index < 2 ? 0 : rng.int(in: 0...99)
            let role: Keycard.OrganizationRole = draw < 6 ? .admin : draw < 84 ? .member : .viewer
            let status: Keycard.MembershipStatus = index >= 2 && rng.chance(0.04) ? .disabled : .active
            record.users.append(
                KeycardUserRecord(
                    user: user(id: rng.nanoid(), email: email, role: role, status: status, rng: &rng),
                    sequence: sequence))
        }
        seedInvitations(&record, sequence: &sequence)
    }

    private static let hostileEmails = [
        "\(HostileText.red)root\(HostileText.reset)@pwned.example",
        "\(HostileText.rightToLeftOverride)moc.elpmaxe@eve",
        "\(HostileText.zalgo)@pwned.example",
    ]

    private func uniqueEmail(_ emails: inout Set<String>, rng: inout SplitMix64) -> String {
        let (_, first) = rng.pick(NameCatalogue.firstNames)
        let (_, last) = rng.pick(NameCatalogue.lastNames)
        var email = "\(first).\(last)@\(spec.domain)"
        var counter = 2
        while emails.contains(email) {
            email = "\(first).\(last)\(counter)@\(spec.domain)"
            counter += 1
        }
        emails.insert(email)
        return email
    }

    private func user(
        id: String, email: String, role: Keycard.OrganizationRole, status: Keycard.MembershipStatus,
        rng: inout SplitMix64
    ) -> Keycard.OrganizationUser {
        let created = rng.int(in: 1...700)
        return Keycard.OrganizationUser(
            id: id, email: email, role: OpenEnum(role), status: OpenEnum(status),
            source: spec.sso ? KeycardCatalogue.ssoIssuer : rng.pick(Self.sources),
            createdAt: clock.ago(days: created, hours: rng.int(in: 0...23)),
            updatedAt: clock.ago(days: rng.int(in: 0...created), hours: rng.int(in: 0...23)))
    }

    /// (status, days ago it was sent) of the invitations each organization sent.
    private var invitationPlan: [(Keycard.InvitationStatus, Int)] {
        switch organizationIndex {
        case 0:
            [
                (.pending, 1), (.pending, 2), (.pending, 5), (.accepted, 30), (.accepted, 61), (.expired, 20),
                (.expired, 45), (.revoked, 10),
            ]
        case 1: [(.pending, 3), (.expired, 19), (.accepted, 80)]
        case 2: [(.pending, 2)]
        case 3: [(.accepted, 40), (.revoked, 4)]
        case 4: [(.pending, 1)]
        default: spec.userRole == nil ? [(.pending, 2)] : []
        }
    }

    private func seedInvitations(_ record: inout KeycardOrganizationRecord, sequence: inout Int) {
        var rng = SplitMix64(seed: seed, label: "keycard:organization:\(organizationIndex):invitations")
        let admin = record.users.first { $0.user.role == .known(.admin) && $0.user.id != userID }
        let otherInviter = spec.userRole == nil ? "Bruce Wayne" : "Dana Whitfield"
        let (inviterID, inviterName): (String, String) =
            spec.userRole == .admin ? (userID, userName) : (admin?.user.id ?? rng.nanoid(), otherInviter)
        for (offset, (status, daysAgo)) in invitationPlan.enumerated() {
            sequence += 1
            let invitee: String
            if spec.userRole == nil {
                invitee = userEmail
            } else if spec.hostile {
                invitee = "\(HostileText.osc52)mallory@pwned.example"
            } else if status == .accepted, record.users.count > offset + 2 {
                invitee = record.users[record.users.count - 1 - offset].user.email ?? "someone@\(spec.domain)"
            } else {
                invitee = "invitee\(offset + 1)@\(spec.domain)"
            }
            let role: Keycard.OrganizationRole = offset % 3 == 2 ? .viewer : .member
            let sent = clock.ago(days: daysAgo, hours: offset)
            record.invitations.append(
                KeycardInvitationRecord(
                    invitation: Keycard.Invitation(
                        id: rng.nanoid(), organizationID: record.organization.id, email: invitee, role: OpenEnum(role),
                        status: OpenEnum(status), createdBy: inviterID, createdAt: sent,
                        updatedAt: status == .pending ? sent : clock.ago(days: max(daysAgo - 2, 0)),
                        expiresAt: clock.ahead(days: 7 - daysAgo, hours: -offset)),
                    token: KeycardSecrets.invitationToken(), createdByName: inviterName, sequence: sequence))
        }
    }
}
