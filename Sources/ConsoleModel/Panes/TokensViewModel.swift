import APICore
import Foundation

/// The Tokens pane: the user's own tokens or an account's, with roll, enable/disable and delete.
@MainActor
public final class TokensViewModel {
    public let list: PagedListModel<Token>
    /// Whose tokens are shown.
    public private(set) var scope: TokenScope = .user
    /// The account name of an account scope.
    public private(set) var scopeName: String?
    /// A rolled secret waiting to be seen; cleared (and wiped) by `dismissReveal`.
    public private(set) var reveal: SecretReveal?
    /// The id of the token orgtui is signed in with, once known.
    public private(set) var signedInTokenID: String?
    /// Tokens with a write under way: a second write to one of them is refused, so nothing is rolled twice.
    public private(set) var busyTokenIDs: Set<String> = []
    private let context: SessionContext

    init(context: SessionContext) {
        self.context = context
        list = PagedListModel(columns: Columns.tokens, cache: context.cache, profile: context.profile) {
            context.changed(.tokens)
        }
    }

    /// The current state, for rendering.
    public var snapshot: ListSnapshot<Token> { list.snapshot }

    /// Shows the user's tokens or an account's.
    public func setScope(_ scope: TokenScope, name: String? = nil) {
        guard scope != self.scope || list.snapshot.loadState == .idle else { return }
        self.scope = scope
        scopeName = name
        list.show(ListSource(resource: .tokens(scope), list: context.directory.tokens(scope: scope)))
    }

    /// Reloads, bypassing the cache.
    public func refresh() { list.refresh() }

    /// Finds out which token orgtui is signed in with (for the roll confirmation).
    @discardableResult
    public func loadSignedInTokenID() -> Task<Void, Never> {
        Task {
            signedInTokenID = try? await context.directory.signedInTokenID()
            context.changed(.tokens)
        }
    }

    /// Rolls a token (after the UI's confirmation); the new secret lands in `reveal`.
    @discardableResult
    public func roll(id: String) -> Task<Void, Never> {
        write(id: id, action: "rolling a token") { token in
            switch await WriteOutcome.of({ try await self.context.directory.rollToken(token) }) {
            case .done(let rolled):
                let own = rolled.replacedOwnCredential
                self.reveal?.secret.wipe()
                self.reveal = SecretReveal(
                    tokenID: token.id, tokenName: token.name, scope: token.scope, secret: rolled.secret,
                    replacedOwnCredential: own)
                await self.reread(token)
                let followUp = own ? " orgtui now uses the new secret: update wherever this token is stored." : ""
                self.list.setNotice(Notice(.success, "Rolled '\(token.name)': the old secret no longer works.\(followUp)"))
                self.context.sessionChanged()
            case .failed(let message):
                self.list.setNotice(Notice(.error, "Could not roll '\(token.name)': \(message)"))
            case .unknown:
                let current = await self.reread(token)
                let happened = current.map { $0.modifiedOn != token.modifiedOn } ?? false
                self.list.setNotice(
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
            switch await WriteOutcome.of({ try await self.context.directory.setTokenEnabled(token, enabled: enabled) }) {
            case .done(let updated):
                self.list.replaceRow(updated)
                await self.context.invalidate([.tokens(token.scope)])
                self.list.setNotice(Notice(.success, "'\(token.name)' is now \(updated.status.label)"))
            case .failed(let message):
                self.list.setNotice(Notice(.error, "Could not change '\(token.name)': \(message)"))
            case .unknown:
                await self.reread(token)
                self.list.setNotice(Notice(.warning, "No answer when \(verb) '\(token.name)': showing what the server now says"))
            }
        }
    }

    /// Deletes a token (after the UI's typed-name confirmation).
    @discardableResult
    public func delete(id: String) -> Task<Void, Never> {
        write(id: id, action: "deleting a token") { token in
            switch await WriteOutcome.of({ try await self.context.directory.deleteToken(token) }) {
            case .done:
                self.list.removeRow(id: token.id)
                await self.context.invalidate([.tokens(token.scope)])
                self.list.setNotice(Notice(.success, "Deleted '\(token.name)'"))
            case .failed(let message):
                self.list.setNotice(Notice(.error, "Could not delete '\(token.name)': \(message)"))
            case .unknown:
                await self.context.invalidate([.tokens(token.scope)])
                self.list.refresh()
                self.list.setNotice(Notice(.warning, "No answer when deleting '\(token.name)': re-reading the token list"))
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
    private func write(id: String, action: String, _ body: @escaping @MainActor (Token) async -> Void) -> Task<Void, Never> {
        Task {
            if let refusal = context.refusal(of: action) { return list.setNotice(refusal) }
            guard let token = list.row(id: id) else { return }
            guard !busyTokenIDs.contains(id) else {
                return list.setNotice(Notice(.warning, "'\(token.name)' is still being changed; wait for the answer"))
            }
            busyTokenIDs.insert(id)
            defer {
                busyTokenIDs.remove(id)
                context.changed(.tokens)
            }
            list.setNotice(Notice(.info, "\(action.prefix(1).uppercased())\(action.dropFirst()) '\(token.name)'…"))
            await body(token)
        }
    }

    /// Re-reads a token after a write and shows what the server says.
    @discardableResult
    private func reread(_ token: Token) async -> Token? {
        await context.invalidate([.tokens(token.scope)])
        guard let current = try? await context.directory.token(scope: token.scope, id: token.id) else { return nil }
        list.replaceRow(current)
        return current
    }
}
