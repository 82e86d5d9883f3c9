import APICore

extension TokensViewModel {
    /// Exchanges the credential for an access token of `organization` (after the UI's confirmation); the token lands
    /// in `reveal`, shown once.
    @discardableResult
    public func exchangeToken(for organization: ScopeNode) -> Task<Void, Never> {
        context.writes.start(exchangeWrite(for: organization))
    }

    /// `tokens.exchange`: a new secret is issued, so it is never re-sent; a lost answer loses nothing (the token
    /// simply expires).
    public func exchangeWrite(for organization: ScopeNode) -> WriteSpec<(token: Secret, expiresIn: Double?)>? {
        guard let exchanging = context.directory.tokenExchanging else { return nil }
        let messages = WriteMessages<(token: Secret, expiresIn: Double?)>(
            sending: "Exchanging for an access token of \(organization.name)…",
            done: { answer in
                "Issued an access token for \(organization.name)"
                    + (answer.expiresIn.map { ": it expires in \(Int($0 / 60)) min" } ?? "")
            },
            refused: { "Could not get an access token for \(organization.name): \($0)" },
            unknown: { _ in
                "No answer from the token exchange: if a token was issued it is lost and expires on its own; nothing was re-sent."
            })
        var spec = WriteSpec(
            "tokens.exchange", target: organization.name, activity: "exchanging a token", messages: messages
        ) {
            try await exchanging.exchangeToken(organizationID: organization.id)
        }
        spec.apply = { [weak self] answer in
            guard let self else { return answer.token.wipe() }
            reveal?.secret.wipe()
            reveal = SecretReveal(
                tokenID: organization.id, tokenName: "access token · \(organization.name)", secret: answer.token,
                replacedOwnCredential: false, created: true)
        }
        spec.targetID = organization.id
        return spec
    }
}
