import APICore

/// Runs offboarding steps, one at a time, through the session's one write runner (read-only refusal, the request
/// sent once, the outcome, the journal line); a step whose outcome was unknown is read again before anything is
/// re-sent.
@MainActor
public enum OffboardingRunner {
    /// Runs `step` in `session` and returns where it then stands.
    public static func run(_ step: OffboardingStep, in session: ConsoleSession) async -> OffboardingStep.State {
        if case .unknown = step.state {
            switch await isStillThere(step, directory: session.directory) {
            case .success(false): return .done
            case .success(true): break
            case .failure(let error):
                return .unknown("still unknown: it could not be read again (\(InventorySweep.message(error)))")
            }
        }
        guard let result = await write(step, in: session) else {
            return .manual("\(session.provider.displayName) cannot do this here")
        }
        switch result.outcome {
        case .done: return .done
        case .refused(let message): return .failed(message)
        case .readOnly: return .failed("read-only: nothing was sent")
        case .notSent(let reason): return .failed(reason)
        case .unknown:
            // Read it now, so the screen says what the server shows; the resume checks again before sending.
            switch await isStillThere(step, directory: session.directory) {
            case .success(false): return .done
            case .success(true): return .unknown("no answer, and it is still there: resume sends it again")
            case .failure: return .unknown("no answer, and it could not be read again: resume checks first")
            }
        }
    }

    /// The step as the catalogue write it is, run once.
    private static func write(_ step: OffboardingStep, in session: ConsoleSession) async -> WriteResult? {
        switch step.action {
        case .deleteKey(let token):
            guard let spec = session.tokens.deleteWrite(token) else { return nil }
            return await session.writes.run(spec)
        case .revokeInvitation(let invitation):
            guard let spec = session.invitations.revokeWrite(invitation, in: step.scope) else { return nil }
            return await session.writes.run(spec)
        case .removeMember(let member):
            guard let spec = session.members.removeWrite(member) else { return nil }
            return await session.writes.run(spec)
        case .disableMember(let member):
            guard let spec = session.members.setEnabledWrite(member, enabled: false) else { return nil }
            return await session.writes.run(spec)
        }
    }

    /// Whether the row the step changes is still as it was (present, pending, enabled), read fresh from the server.
    static func isStillThere(_ step: OffboardingStep, directory: any IdentityDirectory) async -> Result<Bool, any Error>
    {
        do {
            switch step.action {
            case .deleteKey(let token):
                do {
                    _ = try await directory.token(token)
                    return .success(true)
                } catch let error as APIError where error.status == 404 {
                    return .success(false)
                }
            case .revokeInvitation(let invitation):
                let sent = try await all(directory.sentInvitations(in: step.scope))
                return .success(sent.contains { $0.id == invitation.id && $0.status.isOpen })
            case .removeMember(let member):
                let members = try await all(directory.members(in: step.scope, status: nil))
                return .success(members.contains { $0.id == member.id })
            case .disableMember(let member):
                let members = try await all(directory.members(in: step.scope, status: nil))
                return .success(members.contains { $0.id == member.id && $0.status != .disabled })
            }
        } catch {
            return .failure(error)
        }
    }

    private static func all<Item>(_ listing: Listing<Item>) async throws -> [Item] {
        try await listing.pagedList?.fetchAll() ?? []
    }
}
