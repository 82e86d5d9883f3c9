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

    /// Accepts an invitation by its emailed token (after the UI's confirmation); the token is wiped afterwards.
    @discardableResult
    public func accept(token: Secret, organizationName: String) -> Task<Void, Never> {
        Task {
            defer { token.wipe() }
            guard let accepting = context.directory.invitationTokenAccepting, context.mayWrite("accepting an invitation")
            else { return }
            context.notify(.info, "Accepting the invitation to \(organizationName)…")
            switch await WriteOutcome.of({ try await accepting.acceptInvitation(token: token) }) {
            case .done(let accepted):
                await context.invalidate([.accounts, .sentInvitations(scope)])
                onMembershipChanged?()
                context.notify(.success, "Joined \(accepted.organizationName)")
            case .failed(let message):
                context.notify(.error, "Could not accept the invitation to \(organizationName): \(message)")
            case .unknown:
                let now = try? await accepting.invitation(token: token)
                await context.invalidate([.accounts])
                onMembershipChanged?()
                context.notify(.warning, "No answer when accepting; the invitation to \(organizationName) is now \(now?.status.label ?? "unknown"). Nothing was re-sent.")
            }
        }
    }
}
