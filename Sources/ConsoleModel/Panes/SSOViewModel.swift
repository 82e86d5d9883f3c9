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
    public var isBusy: Bool { context.writes.isBusy(Self.writeKey) }
    /// The runner's exclusive key of SSO writes: one at a time.
    private static let writeKey = "sso"
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
        enable(SSOSettings(issuer: issuer, clientID: clientID))
    }

    /// Enables SSO with `settings` (issuer and client id required; a client secret is sent once, then wiped).
    @discardableResult
    public func enable(_ settings: SSOSettings) -> Task<Void, Never> {
        context.writes.start(enableWrite(settings))
    }

    /// `sso.enable`.
    public func enableWrite(_ settings: SSOSettings) -> WriteSpec<SSOConnection>? {
        write("sso.enable", "enabling SSO", wiping: settings) { sso, organization in
            try await sso.enableSSO(organizationID: organization.id, settings: settings)
        } apply: { connection in
            self.state = .on(connection)
        } done: { organization, connection in
            "SSO is on for \(organization.name) (\(connection.issuer))"
        }
    }

    /// Changes the connection's settings (after the UI's confirmation listing each change).
    @discardableResult
    public func update(_ settings: SSOSettings) -> Task<Void, Never> {
        context.writes.start(updateWrite(settings))
    }

    /// `sso.update`: the modal shows the connection the server answers with.
    public func updateWrite(_ settings: SSOSettings) -> WriteSpec<SSOConnection>? {
        write("sso.update", "changing SSO", wiping: settings) { sso, organization in
            try await sso.updateSSO(organizationID: organization.id, settings: settings)
        } apply: { connection in
            self.state = .on(connection)
        } done: { organization, _ in
            "Saved the SSO settings of \(organization.name)"
        }
    }

    /// Disables SSO (after the UI's confirmation naming who is affected).
    @discardableResult
    public func disable() -> Task<Void, Never> {
        context.writes.start(disableWrite())
    }

    /// `sso.disable`.
    public func disableWrite() -> WriteSpec<Void>? {
        write("sso.disable", "disabling SSO") { sso, organization in
            try await sso.disableSSO(organizationID: organization.id)
        } apply: { _ in
            self.state = .off
        } done: { organization, _ in
            "SSO is off for \(organization.name)"
        }
    }

    /// An SSO write on the organization shown: `apply` sets the state the answer gives, `done` says it; an unknown
    /// outcome reads the connection again.
    private func write<Value: Sendable>(
        _ actionID: String, _ activity: String, wiping settings: SSOSettings? = nil,
        _ operation: @escaping @Sendable (any SSOManaging, ScopeNode) async throws -> Value,
        apply: @escaping @MainActor (Value) -> Void,
        done: @escaping @MainActor (ScopeNode, Value) -> String
    ) -> WriteSpec<Value>? {
        guard let sso = context.directory.ssoManaging, let organization else { return nil }
        let messages = WriteMessages<Value>(
            sending: "\(activity.prefix(1).uppercased())\(activity.dropFirst()) for \(organization.name)…",
            done: { done(organization, $0) },
            refused: { "Could not finish \(activity) for \(organization.name): \($0)" },
            unknown: { _ in
                "No answer when \(activity) for \(organization.name): re-reading the connection (nothing was re-sent)"
            })
        var spec = WriteSpec(actionID, target: organization.name, activity: activity, messages: messages) {
            // The client secret is sent once, then its copy is wiped whatever the answer.
            defer { settings?.clientSecret?.wipe() }
            return try await operation(sso, organization)
        }
        spec.exclusive = (Self.writeKey, "Still \(activity); wait for the answer")
        spec.apply = { apply($0) }
        spec.invalidatesWhenDone = [.accounts]
        spec.reread = { [weak self] in
            await self?.load(organization).value
            return RereadFinding(shown: self?.state.label)
        }
        spec.targetID = organization.id
        return spec
    }
}

extension SSOViewModel.State {
    /// The state in words, for what a re-read found.
    var label: String? {
        switch self {
        case .off: "off"
        case .on(let connection): "on (\(connection.issuer))"
        case .idle, .loading, .failed: nil
        }
    }
}
