import APICore
import Foundation

/// Computes the risk lens's findings from every profile's sweep: keys unused, expiring, expired or broad; members
/// without two-factor where it is not enforced; organizations with one owner or too many; stale invitations; SSO
/// off where members come from several identity providers.
public enum RiskLens {
    /// The findings, most severe first.
    public static func findings(
        in inventories: [ProfileInventory], thresholds: RiskThresholds = RiskThresholds(), now: Date = Date()
    ) -> [RiskFinding] {
        var findings: [RiskFinding] = []
        for inventory in inventories {
            for scope in inventory.scopes {
                let place = Place(inventory: inventory, scope: scope)
                findings += scope.tokens.compactMap { keyFinding($0, place, thresholds, now) }
                findings += scope.tokens.compactMap { broadFinding($0, place) }
                findings += memberFindings(scope, place, thresholds)
                findings += scope.invitations.compactMap { invitationFinding($0, place, thresholds, now) }
                if scope.ssoEnabled == false, scope.memberSources.count >= thresholds.ssoSources,
                    let organization = scope.scope.leaf
                {
                    findings.append(
                        place.finding(
                            .medium, .ssoOff, subject: organization.name,
                            reason: "SSO is off while members sign in through \(scope.memberSources.count) identity "
                                + "providers", pane: .accounts, rowID: organization.id, fix: "sso.show",
                            scope: scope.scope.parent))
                }
            }
        }
        let kinds = RiskFinding.Kind.allCases
        func rank(_ finding: RiskFinding) -> Int { kinds.firstIndex(of: finding.kind) ?? 0 }
        return findings.sorted { lhs, rhs in
            if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
            return (rank(lhs), lhs.provider.rawValue, lhs.place, lhs.subject)
                < (rank(rhs), rhs.provider.rawValue, rhs.place, rhs.subject)
        }
    }

    /// Where a finding's row lives.
    struct Place {
        let inventory: ProfileInventory
        let scope: ScopeInventory

        var name: String { scope.scope.leaf?.name ?? scope.account?.name ?? inventory.provider.displayName }

        func finding(
            _ severity: RiskFinding.Severity, _ kind: RiskFinding.Kind, subject: String, reason: String, pane: PaneID,
            rowID: String?, fix: String?, scope: Scope? = nil
        ) -> RiskFinding {
            RiskFinding(
                severity: severity, kind: kind, subject: subject, reason: reason, profile: inventory.profile,
                provider: inventory.provider, place: PeopleIndex.place(self.scope.scope, inventory),
                scope: scope ?? self.scope.scope, pane: pane, rowID: rowID,
                fixActionID: fix)
        }
    }

    /// Expired, expiring, or unused: the first that applies (an expired key is not also "unused").
    static func keyFinding(_ token: Token, _ place: Place, _ thresholds: RiskThresholds, _ now: Date)
        -> RiskFinding?
    {
        guard token.kind != .serviceAccount else { return nil }
        let days = { (date: Date) in Int(now.timeIntervalSince(date) / 86_400) }
        func finding(_ severity: RiskFinding.Severity, _ kind: RiskFinding.Kind, _ reason: String, fix: String)
            -> RiskFinding
        {
            place.finding(
                severity, kind, subject: token.name, reason: reason, pane: .tokens, rowID: token.id, fix: fix)
        }
        if token.status == .expired || (token.expiresOn.map { $0 <= now } ?? false) {
            let when = token.expiresOn.map { " \(days($0)) days ago" } ?? ""
            return finding(
                .medium, .expiredKey, "\(token.kind.rawValue) expired\(when), still listed", fix: "tokens.delete")
        }
        if let expires = token.expiresOn, expires.timeIntervalSince(now) <= Double(thresholds.expiringDays) * 86_400 {
            let left = max(0, Int(expires.timeIntervalSince(now) / 86_400))
            return finding(.medium, .expiringKey, "\(token.kind.rawValue) expires in \(left) days", fix: "tokens.menu")
        }
        guard token.status != .disabled else { return nil }
        if let used = token.lastUsedOn {
            guard days(used) >= thresholds.unusedDays else { return nil }
            return finding(
                .low, .unusedKey, "\(token.kind.rawValue) not used for \(days(used)) days", fix: "tokens.delete")
        }
        guard let issued = token.issuedOn else {
            return finding(.low, .unusedKey, "\(token.kind.rawValue) never used", fix: "tokens.delete")
        }
        // A key issued yesterday has simply not been used yet.
        guard days(issued) >= 7 else { return nil }
        return finding(
            days(issued) >= thresholds.unusedDays ? .medium : .low, .unusedKey,
            "\(token.kind.rawValue) never used, issued \(days(issued)) days ago", fix: "tokens.delete")
    }

    /// A key that reaches every account, or the whole organization.
    static func broadFinding(_ token: Token, _ place: Place) -> RiskFinding? {
        guard token.status == .active else { return nil }
        let everyAccount = token.policies.contains { policy in
            policy.allows && policy.resources.contains { $0.hasSuffix(".account.*") || $0 == "*" }
        }
        let reason: String
        if everyAccount {
            reason = "reaches every account of the user"
        } else if token.kind == .adminKey {
            reason = "admin key: full control of the organization"
        } else {
            return nil
        }
        return place.finding(
            everyAccount ? .high : .medium, .broadKey, subject: token.name, reason: reason, pane: .tokens,
            rowID: token.id, fix: "tokens.edit")
    }

    /// Members without two-factor where the account does not enforce it; one owner, or more than a handful.
    static func memberFindings(_ scope: ScopeInventory, _ place: Place, _ thresholds: RiskThresholds)
        -> [RiskFinding]
    {
        var findings: [RiskFinding] = []
        let active = scope.members.filter { $0.status == .active }
        if scope.account?.enforcesTwoFactor == false {
            for member in active where member.twoFactorEnabled == false {
                findings.append(
                    place.finding(
                        .medium, .noTwoFactor, subject: member.email,
                        reason: "no two-factor, and \(place.name) does not enforce it", pane: .members,
                        rowID: member.id, fix: "members.remove"))
            }
        }
        let owners = active.filter { $0.roles.contains { $0.tier == .owner } }
        guard !scope.members.isEmpty, scope.scope.leaf?.kind != .project else { return findings }
        if owners.count == 1, let owner = owners.first {
            findings.append(
                place.finding(
                    .medium, .singleOwner, subject: place.name,
                    reason: "one owner (\(owner.email)): if they leave, nobody can administer it", pane: .members,
                    rowID: owner.id, fix: "members.edit"))
        } else if owners.count > thresholds.maxOwners {
            findings.append(
                place.finding(
                    .low, .manyOwners, subject: place.name,
                    reason: "\(owners.count) owners (more than \(thresholds.maxOwners))", pane: .members,
                    rowID: owners.first?.id, fix: "members.edit"))
        }
        return findings
    }

    /// An invitation pending too long, or expired and still listed.
    static func invitationFinding(
        _ invitation: Invitation, _ place: Place, _ thresholds: RiskThresholds, _ now: Date
    ) -> RiskFinding? {
        let who = invitation.inviteeEmail ?? invitation.id
        let expired =
            invitation.status == .expired
            || (invitation.status == .pending && (invitation.expiresOn.map { $0 <= now } ?? false))
        if expired {
            return place.finding(
                .low, .expiredInvitation, subject: who, reason: "invitation expired and not cleaned up",
                pane: .invitations, rowID: invitation.id, fix: "invitations.revoke")
        }
        guard invitation.status == .pending, let sent = invitation.invitedOn else { return nil }
        let days = Int(now.timeIntervalSince(sent) / 86_400)
        guard days > thresholds.invitationDays else { return nil }
        return place.finding(
            .low, .staleInvitation, subject: who, reason: "invitation pending for \(days) days",
            pane: .invitations, rowID: invitation.id, fix: "invitations.revoke")
    }
}
