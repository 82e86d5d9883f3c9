import APICore

extension TokensViewModel {
    /// Step 1 of a guided rotation (after the UI's confirmation): creates the replacement key and holds its secret
    /// for the modal. Nothing is deleted yet.
    @discardableResult
    public func startRotation(id: String) -> Task<Void, Never> {
        write(id: id, action: "rotating a key") { old in
            guard let rotation = self.context.directory.keyRotation else { return }
            self.rotation?.secret?.wipe()
            let own = await rotation.isOwnCredential(old)
            self.rotation = KeyRotationState(old: old, step: .creating, isOwnCredential: own)
            self.context.sessionChanged()
            switch await WriteOutcome.of({ try await rotation.createReplacement(for: old) }) {
            case .done(let issued):
                self.rotation?.new = issued.token
                self.rotation?.secret = issued.secret
                self.rotation?.step = .created
                await self.context.invalidate([.tokens(old.owner)])
                self.list.insertRow(issued.token)
                self.context.notify(.success, "Created '\(issued.token.name)': store its secret, then confirm to delete the old key")
            case .failed(let message):
                self.rotation?.step = .createFailed(message)
                self.context.notify(.error, "Could not create a replacement for '\(old.name)': \(message). Nothing changed.")
            case .unknown:
                await self.context.invalidate([.tokens(old.owner)])
                self.list.refresh()
                self.rotation?.step = .createFailed("no answer from the server")
                self.context.notify(.warning, "No answer when creating the replacement of '\(old.name)': if a new key was created, its secret is lost — re-reading the list; nothing was re-sent.")
            }
            self.context.sessionChanged()
        }
    }

    /// Step 2 (after the user confirms they stored the new secret): moves orgtui to the new key when it signed in
    /// with the old one, then deletes the old key. If the delete fails, both keys stay and both are listed.
    @discardableResult
    public func finishRotation() -> Task<Void, Never> {
        Task {
            guard let state = rotation, state.step == .created || isDeleteFailed(state.step),
                let rotationOps = context.directory.keyRotation, let deletion = context.directory.tokenDeletion,
                let new = state.new, let secret = state.secret, context.mayWrite("deleting the old key")
            else { return }
            if state.isOwnCredential { rotationOps.adopt(IssuedKey(token: new, secret: secret)) }
            rotation?.step = .deletingOld
            context.sessionChanged()
            switch await WriteOutcome.of({ try await deletion.deleteToken(state.old) }) {
            case .done:
                rotation?.step = .finished
                list.removeRow(id: state.old.id)
                await context.invalidate([.tokens(state.old.owner)])
                if state.isOwnCredential { loadSignedInTokenID() }
                let moved = state.isOwnCredential ? " orgtui now signs in with the new key." : ""
                context.notify(.success, "Rotated '\(state.old.name)': the old key is deleted, '\(new.name)' replaces it.\(moved)")
            case .failed(let message):
                rotation?.step = .deleteFailed(message)
                context.notify(.error, "The old key '\(state.old.name)' could not be deleted (\(message)): both keys are valid; nothing is lost.")
            case .unknown:
                await context.invalidate([.tokens(state.old.owner)])
                let stillThere = (try? await context.directory.token(state.old)) != nil
                if stillThere {
                    rotation?.step = .deleteFailed("no answer; the server still lists the old key")
                } else {
                    rotation?.step = .finished
                    list.removeRow(id: state.old.id)
                }
                context.notify(.warning, stillThere
                    ? "No answer when deleting '\(state.old.name)': it is still listed, so both keys are valid."
                    : "No answer when deleting '\(state.old.name)', but it is gone now: the rotation is complete.")
            }
            context.sessionChanged()
        }
    }

    /// Closes the rotation modal and wipes the new secret; stopping before step 2 leaves both keys valid.
    public func closeRotation() {
        guard let state = rotation else { return }
        state.secret?.wipe()
        rotation = nil
        if state.step == .created, let new = state.new {
            context.notify(.warning, "Rotation stopped: both '\(state.old.name)' and '\(new.name)' are valid. Delete the old one with R → Delete when ready.")
        }
        context.changed(.tokens)
    }

    private func isDeleteFailed(_ step: KeyRotationState.Step) -> Bool {
        if case .deleteFailed = step { return true }
        return false
    }
}
