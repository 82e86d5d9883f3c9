import APICore

extension InvitationsViewModel {
    /// Revokes a sent invitation (after the UI's confirmation), then shows what the server lists.
    @discardableResult
    public func revoke(id: String) -> Task<Void, Never> {
        context.writes.start(sent.row(id: id).flatMap { revokeWrite($0, in: scope) })
    }

    /// Invites `email` with `roles` into the scope (after the UI's confirmation); the invitation lands in Sent.
    @discardableResult
    public func invite(email: String, roles: [Role], in scope: Scope) -> Task<Void, Never> {
        context.writes.start(inviteWrite(email: email, roles: roles, in: scope))
    }

    /// `invitations.revoke`: the row shows revoked, then Sent and the scope's members are read again.
    public func revokeWrite(_ invitation: Invitation, in scope: Scope) -> WriteSpec<Void>? {
        guard let revoking = context.directory.invitationRevoking else { return nil }
        let id = invitation.id
        let who = invitation.inviteeEmail ?? invitation.id
        let messages = WriteMessages<Void>(
            sending: "Revoking the invitation of \(who)…",
            done: { "Revoked the invitation of \(who)" },
            refused: { "Could not revoke the invitation of \(who): \($0)" },
            unknown: { _ in "No answer when revoking the invitation of \(who): re-reading the invitations" })
        var spec = WriteSpec("invitations.revoke", target: who, activity: "revoking an invitation", messages: messages)
        {
            try await revoking.revokeInvitation(invitation)
        }.invalidating(
            [.sentInvitations(scope)]
                + (membersToo ? [.members(scope), .members(accountID: invitation.accountID)] : []))
        spec.apply = { [sent] _ in
            var revoked = invitation
            revoked.status = .revoked
            sent.replaceRow(revoked)
        }
        let membersToo = membersToo
        spec.reloadWhenDone = { [weak self] in
            self?.sent.refresh()
            if membersToo { self?.onMembersChanged?(scope) }
        }
        spec.reread = { [sent] in
            sent.refresh()
            return RereadFinding()
        }
        spec.targetID = id
        return spec
    }

    /// `members.invite`: the invitation is inserted into Sent when that scope is still shown.
    public func inviteWrite(email: String, roles: [Role], in scope: Scope) -> WriteSpec<Invitation>? {
        guard let inviting = context.directory.memberInviting else { return nil }
        let place = scope.leaf?.name ?? "the organization"
        let messages = WriteMessages<Invitation>(
            sending: "Inviting \(email) to \(place)…",
            done: { _ in "Invited \(email) to \(place) as \(roles.map(\.name).joined(separator: ", "))" },
            refused: { "Could not invite \(email): \($0)" },
            unknown: { _ in "No answer after inviting \(email): re-reading the sent invitations (nothing was re-sent)" }
        )
        var spec = WriteSpec(
            "members.invite", target: "\(email) → \(place)", activity: "inviting a member", messages: messages
        ) {
            try await inviting.invite(email: email, roles: roles, in: scope)
        }.invalidating([.sentInvitations(scope)] + (membersToo ? [.members(scope)] : []))
        spec.apply = { [weak self] invitation in
            if self?.scope == scope { self?.sent.insertRow(invitation) }
        }
        if membersToo { spec.reloadWhenDone = { [weak self] in self?.onMembersChanged?(scope) } }
        spec.reread = { [weak self] in
            if self?.scope == scope { self?.showSent() }
            return RereadFinding()
        }
        return spec
    }

    /// Whether this provider lists sent invitations as pending members, so both lists change together.
    var membersToo: Bool { context.directory.sentInvitationsAreMembers }
}
