import APICore
import Foundation
import KeycardAPI

extension KeycardStore {
    /// `GET /organizations/{id}/invitations`: every status (a pending one past its expiry reads as expired).
    func listInvitations(_ organizationID: String, caller: KeycardCaller, page: KeycardPageRequest, query: QueryItems)
        throws -> Keycard.List<Keycard.Invitation>
    {
        let index = try accessibleOrganization(organizationID, caller: caller)
        let record = organizations[index]
        let (items, info) = page.slice(record.invitations, sequence: \.sequence)
        let expand = Self.wantsPermissions(query)
        let write = canWrite(record, caller: caller)
        return Keycard.List(
            items: items.map { item in
                var invitation = Self.current(item.invitation, now: wallClock.now())
                if expand { invitation.permissions = Self.permissions("invitations", write: write) }
                return invitation
            },
            pageInfo: info, permissions: expand ? Self.permissions("invitations", write: write, list: true) : nil)
    }

    /// `POST /organizations/{id}/invitations`.
    func createInvitation(_ organizationID: String, body: Keycard.InvitationCreate, caller: KeycardCaller) throws
        -> Keycard.Invitation
    {
        let index = try accessibleOrganization(organizationID, caller: caller, write: true)
        let email = body.email.trimmingCharacters(in: .whitespaces)
        guard email.contains("@"), !email.hasPrefix("@"), !email.hasSuffix("@") else {
            throw KeycardAPIError.invalid("email must be an email address")
        }
        guard body.role.value != nil else {
            throw KeycardAPIError.invalid("role must be one of org_admin, org_member, org_viewer")
        }
        let record = organizations[index]
        if record.users.contains(where: { $0.user.email?.lowercased() == email.lowercased() }) {
            throw KeycardAPIError.conflict("\(email) is already a member of this organization")
        }
        if record.invitations.contains(where: {
            Self.current($0.invitation, now: wallClock.now()).status == .known(.pending)
                && $0.invitation.email.lowercased() == email.lowercased()
        }) {
            throw KeycardAPIError.conflict("\(email) already has a pending invitation")
        }
        let now = wallClock.now()
        let invitation = Keycard.Invitation(
            id: newID(), organizationID: record.organization.id, email: email, role: body.role,
            status: OpenEnum(.pending), createdBy: creatorID(caller), createdAt: Timestamp.format(now),
            updatedAt: Timestamp.format(now), expiresAt: Timestamp.format(now.addingTimeInterval(7 * 86_400)))
        organizations[index].invitations.append(
            KeycardInvitationRecord(
                invitation: invitation, token: KeycardSecrets.invitationToken(), createdByName: creatorName(caller),
                sequence: takeSequence()))
        return invitation
    }

    /// `DELETE /organizations/{id}/invitations/{invitation}`: a pending invitation becomes `revoked` (still listed).
    func revokeInvitation(_ organizationID: String, id: String, caller: KeycardCaller) throws {
        let index = try accessibleOrganization(organizationID, caller: caller, write: true)
        guard let position = organizations[index].invitations.firstIndex(where: { $0.invitation.id == id }) else {
            throw KeycardAPIError.notFound("Invitation")
        }
        let status = Self.current(organizations[index].invitations[position].invitation, now: wallClock.now()).status
        guard status == .known(.pending) else {
            throw KeycardAPIError.conflict("The invitation is \(status.rawValue), not pending")
        }
        organizations[index].invitations[position].invitation.status = OpenEnum(.revoked)
        organizations[index].invitations[position].invitation.updatedAt = nowString()
    }

    /// `GET /invitations/{token}` (no credentials): what the token would join.
    func invitationPreview(token: String) throws -> Keycard.InvitationPreview {
        let (index, position) = try invitationPosition(token: token)
        let record = organizations[index].invitations[position]
        let invitation = Self.current(record.invitation, now: wallClock.now())
        return Keycard.InvitationPreview(
            email: invitation.email, organizationName: organizations[index].organization.name,
            createdByName: record.createdByName, role: invitation.role, status: invitation.status,
            expiresAt: invitation.expiresAt)
    }

    /// `POST /invitations/{token}/accept`: the signed-in user joins the organization with the invitation's role.
    func acceptInvitation(token: String, caller: KeycardCaller) throws -> Keycard.InvitationAcceptance {
        guard caller == .user else { throw KeycardAPIError.forbidden("Only a user can accept an invitation") }
        let (index, position) = try invitationPosition(token: token)
        let invitation = Self.current(organizations[index].invitations[position].invitation, now: wallClock.now())
        guard invitation.status == .known(.pending) else {
            throw KeycardAPIError.conflict("The invitation is \(invitation.status.rawValue), not pending")
        }
        if organizations[index].user(userID) != nil {
            throw KeycardAPIError.conflict("You are already a member of this organization")
        }
        let now = nowString()
        organizations[index].invitations[position].invitation.status = OpenEnum(.accepted)
        organizations[index].invitations[position].invitation.updatedAt = now
        organizations[index].users.append(
            KeycardUserRecord(
                user: Keycard.OrganizationUser(
                    id: userID, email: userEmail, role: invitation.role, status: OpenEnum(.active),
                    source: "https://accounts.google.com", createdAt: now, updatedAt: now),
                sequence: takeSequence()))
        let organization = organizations[index].organization
        return Keycard.InvitationAcceptance(
            success: true, organizationID: organization.id, organizationName: organization.name, userID: userID)
    }

    /// The invitation as the API shows it now: pending past its expiry reads as expired.
    static func current(_ invitation: Keycard.Invitation, now: Date) -> Keycard.Invitation {
        var invitation = invitation
        if invitation.status == .known(.pending), let expires = Timestamp.parse(invitation.expiresAt), expires <= now {
            invitation.status = OpenEnum(.expired)
        }
        return invitation
    }

    private func invitationPosition(token: String) throws -> (Int, Int) {
        for (index, record) in organizations.enumerated() {
            if let position = record.invitations.firstIndex(where: { $0.token == token }) { return (index, position) }
        }
        throw KeycardAPIError.notFound("Invitation")
    }

    private func creatorID(_ caller: KeycardCaller) -> String {
        switch caller {
        case .user: userID
        case .serviceAccount(_, let serviceAccountID, _): serviceAccountID
        case .organizationToken: userID
        }
    }

    private func creatorName(_ caller: KeycardCaller) -> String {
        caller == .user ? userName : "a service account"
    }
}
