import APICore

extension TokensViewModel {
    /// Creates a token in the scope (after the UI's confirmation); its secret lands in `reveal`, shown once exactly
    /// as after a roll. Never re-sent: on an unknown outcome the list is re-read and the lost secret is said so.
    @discardableResult
    public func create(_ draft: TokenDraft) -> Task<Void, Never> {
        let scope = scope
        return Task {
            guard let creating = context.directory.tokenCreating, context.mayWrite("creating a token") else { return }
            context.notify(.info, "Creating token '\(draft.name)'…")
            switch await WriteOutcome.of({ try await creating.createToken(draft, in: scope) }) {
            case .done(let issued):
                reveal?.secret.wipe()
                reveal = SecretReveal(
                    tokenID: issued.token.id, tokenName: issued.token.name, secret: issued.secret,
                    replacedOwnCredential: false, created: true)
                await context.invalidate([.tokens(scope)])
                if self.scope == scope { list.insertRow(issued.token) }
                context.notify(.success, "Created '\(issued.token.name)': copy its secret now, it is shown once")
                context.sessionChanged()
            case .failed(let message):
                context.notify(.error, "Could not create '\(draft.name)': \(message)")
            case .unknown:
                await context.invalidate([.tokens(scope)])
                if self.scope == scope { list.refresh() }
                context.notify(.warning, "No answer when creating '\(draft.name)': if it was created its secret is lost (delete it and create another); re-reading the list, nothing was re-sent.")
            }
        }
    }

    /// Edits a token's name, status, expiry or IP ranges (after the UI's confirmation).
    @discardableResult
    public func edit(id: String, _ edit: TokenEdit) -> Task<Void, Never> {
        write(id: id, action: "editing a token") { token in
            guard let editing = self.context.directory.tokenEditing else { return }
            switch await WriteOutcome.of({ try await editing.editToken(token, edit) }) {
            case .done(let updated):
                self.list.replaceRow(updated)
                await self.context.invalidate([.tokens(token.owner)])
                self.context.notify(.success, "Saved '\(updated.name)'")
            case .failed(let message):
                self.context.notify(.error, "Could not save '\(token.name)': \(message)")
            case .unknown:
                let current = await self.reread(token)
                let shown = current.map { "'\($0.name)', \($0.status.label)" } ?? "unknown (could not re-read)"
                self.context.notify(.warning, "No answer when saving '\(token.name)'; the server now shows \(shown). Nothing was re-sent.")
            }
        }
    }
}
