import APICore
import Foundation

/// The Tokens pane: tokens, keys, service accounts or credentials of the scope, with the writes the provider has:
/// roll, guided rotation, enable/disable, delete.
@MainActor
public final class TokensViewModel {
    public let list: PagedListModel<Token>
    /// Whose tokens are shown.
    public private(set) var scope: Scope = .top
    /// A rolled secret waiting to be seen; cleared (and wiped) by `dismissReveal`.
    public internal(set) var reveal: SecretReveal?
    /// A guided rotation under way (its new secret is wiped when it is closed).
    public internal(set) var rotation: KeyRotationState?
    /// The id of the token orgtui is signed in with, once known: an account token of the scope, else the user's.
    public var signedInTokenID: String? { scopedSignedInTokenID ?? userSignedInTokenID }
    private var userSignedInTokenID: String?
    /// The account token orgtui signs in with, when it belongs to the scope shown.
    private var scopedSignedInTokenID: String?
    /// Tokens with a write under way: a second write to one of them is refused (by the runner), so nothing is
    /// rolled twice.
    public var busyTokenIDs: Set<String> {
        let prefix = Self.writeKeyPrefix
        return Set(
            context.writes.inFlight.compactMap { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : nil })
    }
    /// The runner's exclusive keys of token writes are this prefix and the token's id.
    static let writeKeyPrefix = "token:"
    let context: SessionContext

    init(context: SessionContext) {
        self.context = context
        list = context.list(Columns.tokens, pane: .tokens)
    }

    /// The current state, for rendering.
    public var snapshot: ListSnapshot<Token> { list.snapshot }

    /// The account or project name of the scope, for messages.
    public var scopeName: String? { scope.leaf?.name }

    /// Shows the tokens of `scope`; `selecting` is the row to select once loaded.
    public func setScope(_ scope: Scope, selecting: String? = nil) {
        guard scope != self.scope || list.snapshot.loadState == .idle || list.resource == nil else { return }
        self.scope = scope
        scopedSignedInTokenID = nil
        context.directory.tokens(in: scope).show(in: list, resource: .tokens(scope), selecting: selecting)
        guard scope.node(.account) != nil else { return }
        Task {
            let own = await context.directory.signedInTokenID(in: scope)
            guard self.scope == scope else { return }
            scopedSignedInTokenID = own
            context.changed(.tokens)
        }
    }

    /// Reloads, bypassing the cache.
    public func refresh() { list.refresh() }

    /// Finds out which token orgtui is signed in with (for the roll confirmation).
    @discardableResult
    public func loadSignedInTokenID() -> Task<Void, Never> {
        Task {
            userSignedInTokenID = try? await context.directory.signedInTokenID()
            context.changed(.tokens)
        }
    }

    /// Rolls a token (after the UI's confirmation); the new secret lands in `reveal`.
    @discardableResult
    public func roll(id: String) -> Task<Void, Never> {
        context.writes.start(list.row(id: id).flatMap(rollWrite))
    }

    /// Enables or disables a token.
    @discardableResult
    public func setEnabled(id: String, enabled: Bool) -> Task<Void, Never> {
        context.writes.start(list.row(id: id).flatMap { setEnabledWrite($0, enabled: enabled) })
    }

    /// Deletes a token (after the UI's typed-name confirmation).
    @discardableResult
    public func delete(id: String) -> Task<Void, Never> {
        context.writes.start(list.row(id: id).flatMap(deleteWrite))
    }

    /// `tokens.roll`: the one copy of the new secret goes to `reveal`; after an unknown outcome the token is read
    /// again, and a roll that happened is said plainly to have lost its secret.
    public func rollWrite(_ token: Token) -> WriteSpec<RolledToken>? {
        guard let rolling = context.directory.tokenRolling else { return nil }
        let messages = WriteMessages<RolledToken>(
            sending: nil,
            done: { rolled in
                let followUp =
                    rolled.replacedOwnCredential
                    ? " orgtui now uses the new secret: update wherever this token is stored." : ""
                return "Rolled '\(token.name)': the old secret no longer works.\(followUp)"
            },
            refused: { "Could not roll '\(token.name)': \($0)" },
            unknownNotice: { finding in
                finding.tookEffect == true
                    ? Notice(
                        .error,
                        "The roll of '\(token.name)' reached the server but its answer was lost: the new secret cannot be recovered. Roll again to get a usable secret."
                    )
                    : Notice(
                        .warning,
                        "No answer when rolling '\(token.name)'; the server shows it unchanged so far and nothing was re-sent. If the roll still lands, its new secret is lost: roll again then."
                    )
            })
        var spec = tokenWrite("tokens.roll", token, activity: "rolling a token", messages: messages) {
            try await rolling.rollToken(token)
        }.invalidating([.tokens(token.owner)])
        spec.apply = { [weak self] rolled in
            self?.reveal?.secret.wipe()
            self?.reveal = SecretReveal(
                tokenID: token.id, tokenName: token.name, secret: rolled.secret,
                replacedOwnCredential: rolled.replacedOwnCredential)
            await self?.refetch(token)
        }
        spec.reread = { [weak self] in
            let current = await self?.refetch(token)
            // A roll changes the token's modification time: that is how a lost answer is told from no roll.
            return RereadFinding(
                shown: current.map { $0.modifiedOn == token.modifiedOn ? "unchanged" : "rolled" },
                tookEffect: current.map { $0.modifiedOn != token.modifiedOn } ?? false)
        }
        return spec
    }

    /// `tokens.setEnabled`: the row shows the status the server answers with.
    public func setEnabledWrite(_ token: Token, enabled: Bool) -> WriteSpec<Token>? {
        guard let toggling = context.directory.tokenToggling else { return nil }
        let verb = enabled ? "enabling" : "disabling"
        let messages = WriteMessages<Token>(
            sending: nil,
            done: { "'\(token.name)' is now \($0.status.label)" },
            refused: { "Could not change '\(token.name)': \($0)" },
            unknown: { _ in "No answer when \(verb) '\(token.name)': showing what the server now says" })
        var spec = tokenWrite("tokens.setEnabled", token, activity: "\(verb) a token", messages: messages) {
            try await toggling.setTokenEnabled(token, enabled: enabled)
        }.invalidating([.tokens(token.owner)])
        spec.apply = { [list] in list.replaceRow($0) }
        spec.reread = { [weak self] in
            let current = await self?.refetch(token)
            return RereadFinding(shown: current?.status.label)
        }
        return spec
    }

    /// `tokens.delete`: the row goes.
    public func deleteWrite(_ token: Token) -> WriteSpec<Void>? {
        guard let deletion = context.directory.tokenDeletion else { return nil }
        let messages = WriteMessages<Void>(
            sending: nil,
            done: { "Deleted '\(token.name)'" },
            refused: { "Could not delete '\(token.name)': \($0)" },
            unknown: { _ in "No answer when deleting '\(token.name)': re-reading the list" })
        var spec = tokenWrite("tokens.delete", token, activity: "deleting a \(token.kind.rawValue)", messages: messages)
        {
            try await deletion.deleteToken(token)
        }.invalidating([.tokens(token.owner)])
        spec.apply = { [list] _ in list.removeRow(id: token.id) }
        spec.reread = { [list] in
            list.refresh()
            return RereadFinding()
        }
        return spec
    }

    /// Reads the token `id` again on its own (its single-item GET), so its details show what the server has now.
    @discardableResult
    public func readFresh(id: String) -> Task<Void, Never> {
        guard let token = list.row(id: id) else { return Task {} }
        return Task { await refetch(token) }
    }

    /// Closes the secret modal and wipes the secret from memory.
    public func dismissReveal() {
        reveal?.secret.wipe()
        reveal = nil
        context.changed(.tokens)
    }

    /// A write on one token: exclusive to it (a second write to it is refused while the first waits for its
    /// answer), announced as "Rolling a token 'ci'…".
    func tokenWrite<Value>(
        _ actionID: String, _ token: Token, activity: String, messages: WriteMessages<Value>,
        request: @escaping @MainActor () async throws -> Value
    ) -> WriteSpec<Value> {
        var messages = messages
        messages.sending = "\(activity.prefix(1).uppercased())\(activity.dropFirst()) '\(token.name)'…"
        var spec = WriteSpec(actionID, target: token.name, activity: activity, messages: messages, request: request)
        spec.exclusive = (Self.writeKeyPrefix + token.id, "'\(token.name)' is still being changed; wait for the answer")
        spec.targetID = token.id
        return spec
    }

    /// Reads a token again after a write (the runner has invalidated the cache) and shows what the server says.
    @discardableResult
    func refetch(_ token: Token) async -> Token? {
        guard let current = try? await context.directory.token(token) else { return nil }
        list.replaceRow(current)
        return current
    }
}
