import APICore

extension TokensViewModel {
    /// Step 1 of a guided rotation (after the UI's confirmation): creates the replacement key and holds its secret
    /// for the modal. Nothing is deleted yet.
    @discardableResult
    public func startRotation(id: String) -> Task<Void, Never> {
        context.writes.start(list.row(id: id).flatMap(createReplacementWrite))
    }

    /// Step 2 (after the user confirms they stored the new secret): moves orgtui to the new key when it signed in
    /// with the old one, then deletes the old key. If the delete fails, both keys stay and both are listed.
    @discardableResult
    public func finishRotation() -> Task<Void, Never> {
        context.writes.start(deleteOldKeyWrite())
    }

    /// `tokens.rotate` (step 1): the new key and the one copy of its secret go to `rotation`; on an unknown outcome a
    /// key that may exist has lost its secret, and the step says so.
    public func createReplacementWrite(_ old: Token) -> WriteSpec<IssuedKey>? {
        guard let rotationOps = context.directory.keyRotation else { return nil }
        let messages = WriteMessages<IssuedKey>(
            sending: nil,
            done: { "Created '\($0.token.name)': store its secret, then confirm to delete the old key" },
            refused: { "Could not create a replacement for '\(old.name)': \($0). Nothing changed." },
            unknown: { _ in
                "No answer when creating the replacement of '\(old.name)': if a new key was created, its secret is lost — re-reading the list; nothing was re-sent."
            })
        var spec = tokenWrite("tokens.rotate", old, activity: "rotating a key", messages: messages) {
            try await rotationOps.createReplacement(for: old)
        }.invalidating([.tokens(old.owner)])
        spec.prepare = { [weak self] in
            self?.rotation?.secret?.wipe()
            let own = await rotationOps.isOwnCredential(old)
            self?.rotation = KeyRotationState(old: old, step: .creating, isOwnCredential: own)
            self?.context.sessionChanged()
        }
        spec.apply = { [weak self] issued in
            guard let self, rotation != nil else { return issued.secret.wipe() }
            rotation?.new = issued.token
            rotation?.secret = issued.secret
            rotation?.step = .created
            list.insertRow(issued.token)
        }
        spec.revert = { [weak self] message in self?.rotation?.step = .createFailed(message) }
        spec.reread = { [weak self] in
            self?.list.refresh()
            self?.rotation?.step = .createFailed("no answer from the server")
            return RereadFinding()
        }
        spec.targetID = old.id
        return spec
    }

    /// `tokens.finishRotation` (step 2): deletes the old key; on an unknown outcome the old key is read again to tell a
    /// finished rotation from one where both keys are still valid.
    public func deleteOldKeyWrite() -> WriteSpec<Void>? {
        guard let state = rotation, state.step == .created || isDeleteFailed(state.step),
            let rotationOps = context.directory.keyRotation, let deletion = context.directory.tokenDeletion,
            let new = state.new, let secret = state.secret
        else { return nil }
        let old = state.old
        let own = state.isOwnCredential
        let directory = context.directory
        let messages = WriteMessages<Void>(
            sending: nil,
            done: {
                let moved = own ? " orgtui now signs in with the new key." : ""
                return "Rotated '\(old.name)': the old key is deleted, '\(new.name)' replaces it.\(moved)"
            },
            refused: {
                "The old key '\(old.name)' could not be deleted (\($0)): both keys are valid; nothing is lost."
            },
            unknown: { finding in
                finding.tookEffect == true
                    ? "No answer when deleting '\(old.name)', but it is gone now: the rotation is complete."
                    : "No answer when deleting '\(old.name)': it is still listed, so both keys are valid."
            })
        var spec = WriteSpec(
            "tokens.finishRotation", target: "\(old.name) → \(new.name)", activity: "deleting the old key",
            messages: messages
        ) {
            try await deletion.deleteToken(old)
        }.invalidating([.tokens(old.owner)])
        spec.prepare = { [weak self] in
            // orgtui moves to the new key before the old one can stop working.
            if own { rotationOps.adopt(IssuedKey(token: new, secret: secret)) }
            self?.rotation?.step = .deletingOld
            self?.context.sessionChanged()
        }
        spec.apply = { [weak self] _ in
            self?.rotation?.step = .finished
            self?.list.removeRow(id: old.id)
        }
        spec.reloadWhenDone = { [weak self] in
            if own { self?.loadSignedInTokenID() }
        }
        spec.revert = { [weak self] message in self?.rotation?.step = .deleteFailed(message) }
        spec.reread = { [weak self] in
            let stillThere = (try? await directory.token(old)) != nil
            if stillThere {
                self?.rotation?.step = .deleteFailed("no answer; the server still lists the old key")
            } else {
                self?.rotation?.step = .finished
                self?.list.removeRow(id: old.id)
            }
            return RereadFinding(shown: stillThere ? "still listed" : "gone", tookEffect: !stillThere)
        }
        return spec
    }

    /// Closes the rotation modal and wipes the new secret; stopping before step 2 leaves both keys valid.
    public func closeRotation() {
        guard let state = rotation else { return }
        state.secret?.wipe()
        rotation = nil
        if state.step == .created, let new = state.new {
            context.notify(
                .warning,
                "Rotation stopped: both '\(state.old.name)' and '\(new.name)' are valid. Delete the old one with R → Delete when ready."
            )
        }
        context.changed(.tokens)
    }

    private func isDeleteFailed(_ step: KeyRotationState.Step) -> Bool {
        if case .deleteFailed = step { return true }
        return false
    }
}
