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
    /// Tokens with a write under way: a second write to one of them is refused, so nothing is rolled twice.
    public internal(set) var busyTokenIDs: Set<String> = []
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
        write(id: id, action: "rolling a token") { token in
            guard let rolling = self.context.directory.tokenRolling else { return }
            switch await WriteOutcome.of({ try await rolling.rollToken(token) }) {
            case .done(let rolled):
                let own = rolled.replacedOwnCredential
                self.reveal?.secret.wipe()
                self.reveal = SecretReveal(
                    tokenID: token.id, tokenName: token.name, secret: rolled.secret, replacedOwnCredential: own)
                await self.reread(token)
                let followUp = own ? " orgtui now uses the new secret: update wherever this token is stored." : ""
                self.context.notify(.success, "Rolled '\(token.name)': the old secret no longer works.\(followUp)")
                self.context.sessionChanged()
            case .failed(let message):
                self.context.notify(.error, "Could not roll '\(token.name)': \(message)")
            case .unknown:
                let current = await self.reread(token)
                let happened = current.map { $0.modifiedOn != token.modifiedOn } ?? false
                self.context.notify(
                    happened
                        ? Notice(.error, "The roll of '\(token.name)' reached the server but its answer was lost: the new secret cannot be recovered. Roll again to get a usable secret.")
                        : Notice(.warning, "No answer when rolling '\(token.name)'; the server shows it unchanged. Nothing was re-sent."))
            }
        }
    }

    /// Enables or disables a token.
    @discardableResult
    public func setEnabled(id: String, enabled: Bool) -> Task<Void, Never> {
        let verb = enabled ? "enabling" : "disabling"
        return write(id: id, action: "\(verb) a token") { token in
            guard let toggling = self.context.directory.tokenToggling else { return }
            switch await WriteOutcome.of({ try await toggling.setTokenEnabled(token, enabled: enabled) }) {
            case .done(let updated):
                self.list.replaceRow(updated)
                await self.context.invalidate([.tokens(token.owner)])
                self.context.notify(.success, "'\(token.name)' is now \(updated.status.label)")
            case .failed(let message):
                self.context.notify(.error, "Could not change '\(token.name)': \(message)")
            case .unknown:
                await self.reread(token)
                self.context.notify(.warning, "No answer when \(verb) '\(token.name)': showing what the server now says")
            }
        }
    }

    /// Deletes a token (after the UI's typed-name confirmation).
    @discardableResult
    public func delete(id: String) -> Task<Void, Never> {
        write(id: id, action: "deleting a \(list.row(id: id)?.kind.rawValue ?? "token")") { token in
            guard let deletion = self.context.directory.tokenDeletion else { return }
            switch await WriteOutcome.of({ try await deletion.deleteToken(token) }) {
            case .done:
                self.list.removeRow(id: token.id)
                await self.context.invalidate([.tokens(token.owner)])
                self.context.notify(.success, "Deleted '\(token.name)'")
            case .failed(let message):
                self.context.notify(.error, "Could not delete '\(token.name)': \(message)")
            case .unknown:
                await self.context.invalidate([.tokens(token.owner)])
                self.list.refresh()
                self.context.notify(.warning, "No answer when deleting '\(token.name)': re-reading the list")
            }
        }
    }

    /// Closes the secret modal and wipes the secret from memory.
    public func dismissReveal() {
        reveal?.secret.wipe()
        reveal = nil
        context.changed(.tokens)
    }

    /// Runs a write on one token: refused in read-only mode, and while another write to it is under way.
    func write(id: String, action: String, _ body: @escaping @MainActor (Token) async -> Void) -> Task<Void, Never> {
        Task {
            guard context.mayWrite(action), let token = list.row(id: id) else { return }
            guard !busyTokenIDs.contains(id) else {
                return context.notify(.warning, "'\(token.name)' is still being changed; wait for the answer")
            }
            busyTokenIDs.insert(id)
            defer {
                busyTokenIDs.remove(id)
                context.changed(.tokens)
            }
            context.notify(.info, "\(action.prefix(1).uppercased())\(action.dropFirst()) '\(token.name)'…")
            await body(token)
        }
    }

    /// Re-reads a token after a write and shows what the server says.
    @discardableResult
    func reread(_ token: Token) async -> Token? {
        await context.invalidate([.tokens(token.owner)])
        guard let current = try? await context.directory.token(token) else { return nil }
        list.replaceRow(current)
        return current
    }
}
