import APICore

/// An organization's single sign-on connection (`:sso`): shown, enabled and disabled where the provider can.
@MainActor
public final class SSOViewModel {
    /// Where the connection stands.
    public enum State: Sendable, Hashable {
        case idle
        case loading
        /// SSO is off for the organization.
        case off
        case on(SSOConnection)
        case failed(String)
    }

    /// The organization whose connection is shown.
    public private(set) var organization: ScopeNode?
    public private(set) var state: State = .idle
    /// A write is under way (a second one is refused).
    public private(set) var isBusy = false
    private let context: SessionContext

    init(context: SessionContext) {
        self.context = context
    }

    /// Loads the connection of `organization`.
    @discardableResult
    public func load(_ organization: ScopeNode) -> Task<Void, Never> {
        self.organization = organization
        state = .loading
        context.sessionChanged()
        return Task {
            guard let sso = context.directory.ssoManaging else { return }
            do {
                let connection = try await sso.ssoConnection(organizationID: organization.id)
                guard self.organization == organization else { return }
                state = connection.map(State.on) ?? .off
            } catch {
                state = .failed(PagedListModel<Account>.message(for: error))
            }
            context.sessionChanged()
        }
    }

    /// Enables SSO with an issuer and client id (after the UI's confirmation).
    @discardableResult
    public func enable(issuer: String, clientID: String) -> Task<Void, Never> {
        write("enabling SSO") { sso, organization in
            try await sso.enableSSO(organizationID: organization.id, settings: SSOSettings(issuer: issuer, clientID: clientID))
        } done: { connection in
            self.state = .on(connection)
            return "SSO is on for \(self.organization?.name ?? "the organization") (\(connection.issuer))"
        }
    }

    /// Disables SSO (after the UI's confirmation naming who is affected).
    @discardableResult
    public func disable() -> Task<Void, Never> {
        write("disabling SSO") { sso, organization in
            try await sso.disableSSO(organizationID: organization.id)
        } done: { _ in
            self.state = .off
            return "SSO is off for \(self.organization?.name ?? "the organization")"
        }
    }

    private func write<Value: Sendable>(
        _ action: String, _ operation: @escaping @Sendable (any SSOManaging, ScopeNode) async throws -> Value,
        done: @escaping @MainActor (Value) -> String
    ) -> Task<Void, Never> {
        Task {
            guard let sso = context.directory.ssoManaging, let organization, context.mayWrite(action) else { return }
            guard !isBusy else { return context.notify(.warning, "Still \(action); wait for the answer") }
            isBusy = true
            defer {
                isBusy = false
                context.sessionChanged()
            }
            context.notify(.info, "\(action.prefix(1).uppercased())\(action.dropFirst()) for \(organization.name)…")
            switch await WriteOutcome.of({ try await operation(sso, organization) }) {
            case .done(let value):
                context.notify(.success, done(value))
                await context.invalidate([.accounts])
            case .failed(let message):
                context.notify(.error, "Could not finish \(action) for \(organization.name): \(message)")
            case .unknown:
                context.notify(.warning, "No answer when \(action) for \(organization.name): re-reading the connection (nothing was re-sent)")
                await load(organization).value
            }
        }
    }
}
