import APICore
import CloudflareAPI
import Foundation

extension CloudflareStore {
    /// The invitations the user received; a pending one past `expires_on` reads as expired.
    func listInvites() -> [Cloudflare.Invite] {
        invites.map { Self.presented($0, at: wallClock.now()) }
    }

    /// One invitation.
    func invite(id: String) throws -> Cloudflare.Invite {
        guard let invite = invites.first(where: { $0.id == id }) else { throw DemoAPIError.notFound }
        return Self.presented(invite, at: wallClock.now())
    }

    /// Accepts or rejects a pending invitation; accepting makes the user an accepted member of the account.
    func respondToInvite(id: String, status: String) throws -> Cloudflare.Invite {
        guard let index = invites.firstIndex(where: { $0.id == id }) else { throw DemoAPIError.notFound }
        guard let answer = Cloudflare.InviteStatus(rawValue: status), answer == .accepted || answer == .rejected else {
            throw DemoAPIError.invalidBody("status must be accepted or rejected")
        }
        let current = Self.presented(invites[index], at: wallClock.now())
        guard current.status?.value == .pending else {
            throw DemoAPIError.invalidBody(
                "Invitation is no longer pending (status: \(current.status?.rawValue ?? "unknown"))")
        }
        var invite = invites[index]
        invite.status = OpenEnum(answer)
        invites[index] = invite
        let memberID = newID()
        try? mutateAccount(invite.organizationID) { record in
            let existing = invite.invitedMemberID.flatMap(record.member(id:)) ?? record.userMembership
            guard answer == .accepted else {
                // A declined invitation leaves no membership (members are only "accepted" or "pending").
                if let id = existing?.id { record.removeMember(id: id) }
                return
            }
            var member =
                existing
                ?? Cloudflare.Member(
                    id: memberID, email: user.email, status: OpenEnum(.pending), user: .init(email: user.email),
                    roles: record.roles(named: invite.roles ?? []))
            if existing == nil { record.append(member) }
            member.status = OpenEnum(.accepted)
            member.user = .init(
                email: user.email, id: user.id, firstName: user.firstName, lastName: user.lastName,
                twoFactorAuthenticationEnabled: user.twoFactorAuthenticationEnabled)
            record.replace(member)
            record.userMemberID = member.id
        }
        return invite
    }

    static func presented(_ invite: Cloudflare.Invite, at now: Date) -> Cloudflare.Invite {
        var invite = invite
        if invite.status?.value == .pending, let expires = Timestamp.parse(invite.expiresOn), expires <= now {
            invite.status = OpenEnum(.expired)
        }
        return invite
    }

    // MARK: Inspection

    /// Every invitation with its current status.
    public func allInvites() -> [Cloudflare.Invite] { listInvites() }

    /// The status of one invitation.
    public func inviteStatus(id: String) -> Cloudflare.InviteStatus? {
        invites.first { $0.id == id }.flatMap { Self.presented($0, at: wallClock.now()).status?.value }
    }
}
