import APICore
import ConsoleModel

/// Where Enter on a cross-profile row goes: a profile, a scope, a pane and the row there.
public struct LensJump: Sendable, Hashable {
    public var profile: String
    public var scope: Scope
    public var pane: PaneID
    public var rowID: String?
    /// The catalogue action that acts on the row (its key is named in the flash after the jump).
    public var actionID: String?
}

/// One line of a person's view: a membership, an open invitation or a key.
public struct PersonLine: Sendable, Hashable {
    public var kind: String
    public var provider: String
    public var place: String
    public var role: String
    public var status: String
    public var twoFactor: String
    public var jump: LensJump
    /// Every field, for the detail panel.
    public var fields: [RecordField]
}

/// The rows of the cross-profile tables, filtered: pure functions of `LensState`, shared by the renderer and keys.
public enum LensRows {
    /// The people whose email, name, provider or role contains `filter` (case-insensitive).
    public static func people(_ lens: LensState, filter: String) -> [Person] {
        guard !filter.isEmpty else { return lens.people }
        let needle = filter.lowercased()
        return lens.people.filter { person in
            person.id.contains(needle) || (person.name?.lowercased().contains(needle) ?? false)
                || person.providers.contains { $0.displayName.lowercased().contains(needle) }
                || (person.highestRole?.name.lowercased().contains(needle) ?? false)
        }
    }

    /// The person's cells: email, name, providers, places, highest role, open invitations, keys.
    public static func cells(_ person: Person) -> [String] {
        [
            person.email, person.name ?? "", person.providers.map(\.displayName).joined(separator: ", "),
            "\(person.placeCount)", person.highestRole?.name ?? "", "\(person.invitations.count)",
            "\(person.keys.count)",
        ]
    }

    public static let peopleColumns = ["Email", "Name", "Providers", "Places", "Highest role", "Invites", "Keys"]
    public static let personColumns = ["Kind", "Provider", "Where", "Role", "Status", "2FA"]
    public static let riskColumns = ["Severity", "Finding", "Provider", "Where", "Subject", "Reason"]

    /// The person's memberships, then open invitations, then keys.
    public static func lines(of person: Person) -> [PersonLine] {
        var lines = person.memberships.map { membership in
            let member = membership.member
            let roles = member.roles.map(\.name).joined(separator: ", ")
            let twoFactor = member.twoFactorEnabled.map { $0 ? "on" : "off" } ?? "—"
            return PersonLine(
                kind: "member", provider: membership.provider.displayName, place: membership.place, role: roles,
                status: member.status.label, twoFactor: twoFactor,
                jump: LensJump(
                    profile: membership.profile, scope: membership.scope, pane: .members, rowID: member.id,
                    actionID: "members.remove"),
                fields: [
                    RecordField("Profile", membership.profile), RecordField("Where", membership.place),
                    RecordField("Member id", member.id), RecordField("Email", member.email),
                    RecordField("Roles", roles), RecordField("Status", member.status.label),
                    RecordField("Two-factor", twoFactor),
                ])
        }
        lines += person.invitations.map { sent in
            let invitation = sent.invitation
            let since = invitation.invitedOn.map { Timestamp.format($0) } ?? ""
            return PersonLine(
                kind: "invitation", provider: sent.provider.displayName, place: sent.place,
                role: invitation.roles.joined(separator: ", "), status: invitation.status.label, twoFactor: "",
                jump: LensJump(
                    profile: sent.profile, scope: sent.scope, pane: .invitations, rowID: invitation.id,
                    actionID: "invitations.revoke"),
                fields: [
                    RecordField("Profile", sent.profile), RecordField("Where", sent.place),
                    RecordField("Invitation id", invitation.id), RecordField("Sent", since),
                    RecordField("Expires", invitation.expiresOn.map { Timestamp.format($0) } ?? ""),
                ])
        }
        lines += person.keys.map { key in
            let token = key.token
            return PersonLine(
                kind: token.kind.rawValue, provider: key.provider.displayName, place: key.place, role: token.name,
                status: token.status.label, twoFactor: "",
                jump: LensJump(
                    profile: key.profile, scope: key.scope, pane: .tokens, rowID: token.id, actionID: "tokens.delete"),
                fields: [
                    RecordField("Profile", key.profile), RecordField("Where", key.place), RecordField("Id", token.id),
                    RecordField("Name", token.name), RecordField("Owner", token.ownerLabel ?? ""),
                    RecordField("Last used", token.lastUsedOn.map { Timestamp.format($0) } ?? "never"),
                ])
        }
        return lines
    }

    public static func cells(_ line: PersonLine) -> [String] {
        [line.kind, line.provider, line.place, line.role, line.status, line.twoFactor]
    }

    /// The findings whose text contains `filter` (case-insensitive).
    public static func findings(_ lens: LensState, filter: String) -> [RiskFinding] {
        guard !filter.isEmpty else { return lens.findings }
        let needle = filter.lowercased()
        return lens.findings.filter { cells($0).contains { $0.lowercased().contains(needle) } }
    }

    public static func cells(_ finding: RiskFinding) -> [String] {
        [
            finding.severity.label, finding.kind.rawValue, finding.provider.displayName,
            finding.place, finding.subject, finding.reason,
        ]
    }

    /// Where Enter on a finding goes.
    public static func jump(_ finding: RiskFinding) -> LensJump {
        LensJump(
            profile: finding.profile, scope: finding.scope, pane: finding.pane, rowID: finding.rowID,
            actionID: finding.fixActionID)
    }
}
