import APICore

extension KeycardClient {
    static func ssoPath(_ organizationID: String) -> [String] {
        ["organizations", organizationID, "sso-connection"]
    }

    /// `GET /organizations/{id}/sso-connection`; nil while SSO is off (the server answers 404).
    public func ssoConnection(organizationID: String, expand: [Keycard.Expand] = []) async throws
        -> Keycard.SSOConnection?
    {
        do {
            return try await send(.get, Self.ssoPath(organizationID), query: expand.map { ("expand", $0.rawValue) })
        } catch let error as APIError where error.status == 404 {
            return nil
        }
    }

    /// `POST /organizations/{id}/sso-connection`: enables SSO (201; 409 when it is already on).
    public func enableSSO(organizationID: String, _ body: Keycard.SSOConnectionBody) async throws
        -> Keycard.SSOConnection
    {
        try await send(.post, Self.ssoPath(organizationID), body: body)
    }

    /// `PATCH /organizations/{id}/sso-connection`: changes what the body holds (404 while SSO is off).
    public func updateSSO(organizationID: String, _ body: Keycard.SSOConnectionBody) async throws
        -> Keycard.SSOConnection
    {
        try await send(.patch, Self.ssoPath(organizationID), body: body)
    }

    /// `DELETE /organizations/{id}/sso-connection`: disables SSO (404 when it is already off).
    public func disableSSO(organizationID: String) async throws {
        try await sendExpectingNoContent(.delete, Self.ssoPath(organizationID))
    }
}
