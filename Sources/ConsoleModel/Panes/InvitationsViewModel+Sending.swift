import APICore

extension InvitationsViewModel {
    /// Revokes a sent invitation (after the UI's confirmation), then shows what the server lists.
    @discardableResult
    public func revoke(id: String) -> Task<Void, Never> {
        Task {
            guard let revoking = context.directory.invitationRevoking, context.mayWrite("revoking an invitation"),
                let invitation = sent.row(id: id)
            else { return }
            let who = invitation.inviteeEmail ?? invitation.id
            let changed: [CachedResource] = [.sentInvitations(scope), .members(scope), .members(accountID: invitation.accountID)]
            context.notify(.info, "Revoking the invitation of \(who)…")
            switch await WriteOutcome.of({ try await revoking.revokeInvitation(invitation) }) {
            case .done:
                var revoked = invitation
                revoked.status = .revoked
                sent.replaceRow(revoked)
                await context.invalidate(changed)
                sent.refresh()
                onMembersChanged?(scope)
                context.notify(.success, "Revoked the invitation of \(who)")
            case .failed(let message):
                context.notify(.error, "Could not revoke the invitation of \(who): \(message)")
            case .unknown:
                await context.invalidate(changed)
                sent.refresh()
                context.notify(.warning, "No answer when revoking the invitation of \(who): re-reading the invitations")
            }
        }
    }

    /// Invites `email` with `roles` into the scope (after the UI's confirmation); the invitation lands in Sent.
    @discardableResult
    public func invite(email: String, roles: [Role], in scope: Scope) -> Task<Void, Never> {
        Task {
            guard let inviting = context.directory.memberInviting, context.mayWrite("inviting a member") else { return }
            let place = scope.leaf?.name ?? "the organization"
            let changed: [CachedResource] = [.sentInvitations(scope), .members(scope)]
            context.notify(.info, "Inviting \(email) to \(place)…")
            switch await WriteOutcome.of({ try await inviting.invite(email: email, roles: roles, in: scope) }) {
            case .done(let invitation):
                await context.invalidate(changed)
                if self.scope == scope {
                    sent.insertRow(invitation)
                }
                context.notify(.success, "Invited \(email) to \(place) as \(roles.map(\.name).joined(separator: ", "))")
                onMembersChanged?(scope)
            case .failed(let message):
                context.notify(.error, "Could not invite \(email): \(message)")
            case .unknown:
                await context.invalidate(changed)
                if self.scope == scope { showSent() }
                context.notify(.warning, "No answer after inviting \(email): re-reading the sent invitations (nothing was re-sent)")
            }
        }
    }
}
