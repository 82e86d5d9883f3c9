/// Shows, enables, changes and disables an organization's single sign-on connection.
public protocol SSOManaging: Sendable {
    /// The SSO connection, or nil while SSO is off.
    func ssoConnection(organizationID: String) async throws -> SSOConnection?
    /// Enables SSO; `settings` must name the issuer and the client id.
    func enableSSO(organizationID: String, settings: SSOSettings) async throws -> SSOConnection
    /// Changes the parts `settings` sets.
    func updateSSO(organizationID: String, settings: SSOSettings) async throws -> SSOConnection
    /// Disables SSO; disabling it while it is off succeeds.
    func disableSSO(organizationID: String) async throws
}
