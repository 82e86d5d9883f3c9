import APICore

extension InvitationsViewModel {
    /// Reads what an emailed invitation token would join, without credentials and without using it up
    /// (`:accept TOKEN`, before the confirmation).
    public func preview(token: Secret) async -> Result<InvitationPreview, APIError> {
        guard let accepting = context.directory.invitationTokenAccepting else {
            return .failure(APIError(kind: .unsupported, detail: "This provider has no invitation tokens"))
        }
        do {
            return .success(try await accepting.invitation(token: token))
        } catch let error as APIError {
            return .failure(error)
        } catch {
            return .failure(APIError(kind: .malformedResponse, detail: "\(error)"))
        }
    }

    /// Accepts an invitation by its emailed token (after the UI's confirmation); the token is wiped afterwards,
    /// whatever the outcome (read-only refusal included).
    @discardableResult
    public func accept(token: Secret, organizationName: String) -> Task<Void, Never> {
        guard let spec = acceptWrite(token: token, organizationName: organizationName) else {
            token.wipe()
            return Task {}
        }
        return Task {
            defer { token.wipe() }
            await context.writes.run(spec)
        }
    }

    /// `invitations.acceptToken`: the target is the organization's name, never the token.
    func acceptWrite(token: Secret, organizationName: String) -> WriteSpec<AcceptedInvitation>? {
        guard let accepting = context.directory.invitationTokenAccepting else { return nil }
        let messages = WriteMessages<AcceptedInvitation>(
            sending: "Accepting the invitation to \(organizationName)…",
            done: { "Joined \($0.organizationName)" },
            refused: { "Could not accept the invitation to \(organizationName): \($0)" },
            unknown: {
                "No answer when accepting; the invitation to \(organizationName) is now \($0.shown ?? "unknown"). Nothing was re-sent."
            })
        var spec = WriteSpec(
            "invitations.acceptToken", target: organizationName, activity: "accepting an invitation", messages: messages
        ) {
            try await accepting.acceptInvitation(token: token)
        }
        spec.invalidatesWhenDone = [.accounts, .sentInvitations(scope)]
        spec.invalidatesWhenUnknown = [.accounts]
        spec.reloadWhenDone = { [weak self] in self?.onMembershipChanged?() }
        spec.reread = { [weak self] in
            let now = try? await accepting.invitation(token: token)
            self?.onMembershipChanged?()
            return RereadFinding(shown: now?.status.label)
        }
        return spec
    }
}
