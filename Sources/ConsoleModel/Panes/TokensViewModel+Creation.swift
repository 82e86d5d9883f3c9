import APICore

extension TokensViewModel {
    /// Creates a token in the scope (after the UI's confirmation); its secret lands in `reveal`, shown once exactly
    /// as after a roll. Never re-sent: on an unknown outcome the list is re-read and the lost secret is said so.
    @discardableResult
    public func create(_ draft: TokenDraft) -> Task<Void, Never> {
        context.writes.start(createWrite(draft, in: scope))
    }

    /// Edits a token's name, status, expiry or IP ranges (after the UI's confirmation).
    @discardableResult
    public func edit(id: String, _ edit: TokenEdit) -> Task<Void, Never> {
        context.writes.start(list.row(id: id).flatMap { editWrite($0, edit) })
    }

    /// `tokens.create`: the one copy of the secret goes to `reveal`; the row joins the list when its scope is shown.
    public func createWrite(_ draft: TokenDraft, in scope: Scope) -> WriteSpec<IssuedKey>? {
        guard let creating = context.directory.tokenCreating else { return nil }
        let messages = WriteMessages<IssuedKey>(
            sending: "Creating token '\(draft.name)'…",
            done: { issued in
                issued.secret.count == 0
                    ? "Created '\(issued.token.name)'"
                    : "Created '\(issued.token.name)': copy its secret now, it is shown once"
            },
            refused: { "Could not create '\(draft.name)': \($0)" },
            unknown: { _ in
                "No answer when creating '\(draft.name)': if it was created its secret is lost (delete it and create another); re-reading the list, nothing was re-sent."
            })
        var spec = WriteSpec("tokens.create", target: draft.name, activity: "creating a token", messages: messages) {
            try await creating.createToken(draft, in: scope)
        }.invalidating([.tokens(scope)])
        spec.apply = { [weak self] issued in
            guard let self else { return issued.secret.wipe() }
            // Nothing secret was issued (a service account): the row is all there is to show.
            guard issued.secret.count > 0 else {
                if self.scope == scope { list.insertRow(issued.token) }
                return
            }
            reveal?.secret.wipe()
            reveal = SecretReveal(
                tokenID: issued.token.id, tokenName: issued.token.name, secret: issued.secret,
                replacedOwnCredential: false, created: true)
            if self.scope == scope { list.insertRow(issued.token) }
        }
        spec.reread = { [weak self] in
            if self?.scope == scope { self?.list.refresh() }
            return RereadFinding()
        }
        return spec
    }

    /// `tokens.edit`: the row shows the server's answer, or what a re-read shows.
    public func editWrite(_ token: Token, _ edit: TokenEdit) -> WriteSpec<Token>? {
        guard let editing = context.directory.tokenEditing else { return nil }
        let messages = WriteMessages<Token>(
            sending: nil,
            done: { "Saved '\($0.name)'" },
            refused: { "Could not save '\(token.name)': \($0)" },
            unknown: {
                "No answer when saving '\(token.name)'; the server now shows \($0.shownOrUnread). Nothing was re-sent."
            })
        var spec = tokenWrite("tokens.edit", token, activity: "editing a token", messages: messages) {
            try await editing.editToken(token, edit)
        }.invalidating([.tokens(token.owner)])
        spec.apply = { [list] in list.replaceRow($0) }
        spec.reread = { [weak self] in
            let current = await self?.refetch(token)
            return RereadFinding(shown: current.map { "'\($0.name)', \($0.status.label)" })
        }
        return spec
    }
}
