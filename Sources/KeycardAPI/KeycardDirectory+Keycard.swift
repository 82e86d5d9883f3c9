import APICore
import Foundation

/// The Keycard-only features the console calls directly: `:accept TOKEN` and an organization's SSO connection.
extension KeycardDirectory: InvitationTokenAccepting, SSOManaging {
    public func invitation(token: Secret) async throws -> InvitationPreview {
        InvitationPreview(keycard: try await client.invitation(token: token))
    }

    public func acceptInvitation(token: Secret) async throws -> AcceptedInvitation {
        let preview = try await invitation(token: token)
        guard preview.status == .pending else {
            throw APIError(
                kind: .refused,
                detail: "The invitation to \(preview.organizationName) is \(preview.status.label): nothing was sent")
        }
        let answer = try await client.acceptInvitation(token: token)
        guard answer.success else {
            throw APIError(
                kind: .http(status: 200),
                providerMessages: [ProviderMessage(code: nil, message: "the invitation was not accepted")],
                requestLine: "POST /invitations/<redacted>/accept", detail: "success: false")
        }
        return AcceptedInvitation(
            invitation: preview, organizationID: answer.organizationID, organizationName: answer.organizationName,
            userID: answer.userID)
    }

    public func ssoConnection(organizationID: String) async throws -> SSOConnection? {
        try await client.ssoConnection(organizationID: try Self.id(organizationID, of: "organization"))
            .map(SSOConnection.init(keycard:))
    }

    public func enableSSO(organizationID: String, settings: SSOSettings) async throws -> SSOConnection {
        guard let issuer = settings.issuer, !issuer.isEmpty, let clientID = settings.clientID, !clientID.isEmpty else {
            throw APIError(
                kind: .refused, detail: "Enabling SSO needs the issuer URL and the client id: nothing was sent")
        }
        let body = Keycard.SSOConnectionBody(
            clientID: clientID, identifier: issuer, clientSecret: settings.clientSecret?.reveal())
        return SSOConnection(
            keycard: try await client.enableSSO(organizationID: try Self.id(organizationID, of: "organization"), body))
    }

    /// PATCHes what `settings` sets; endpoint and scope changes are read-modify-write over the current protocols,
    /// so a detail the form did not touch is sent back as it was.
    public func updateSSO(organizationID: String, settings: SSOSettings) async throws -> SSOConnection {
        var body = Keycard.SSOConnectionBody(
            clientID: settings.clientID, identifier: settings.issuer, clientSecret: settings.clientSecret?.reveal())
        let id = try Self.id(organizationID, of: "organization")
        if settings.changesProtocols {
            var protocols = try await client.ssoConnection(organizationID: id)?.protocols ?? Keycard.SSOProtocols()
            var oauth2 = protocols.oauth2 ?? Keycard.OAuth2Protocol()
            var openid = protocols.openid ?? Keycard.OpenIDProtocol()
            if let endpoint = settings.authorizationEndpoint {
                oauth2.authorizationEndpoint = Self.blankIsNil(endpoint)
            }
            if let endpoint = settings.tokenEndpoint { oauth2.tokenEndpoint = Self.blankIsNil(endpoint) }
            if let endpoint = settings.userinfoEndpoint { openid.userinfoEndpoint = Self.blankIsNil(endpoint) }
            if let scopes = settings.scopes { openid.scopes = scopes }
            protocols.oauth2 = oauth2
            protocols.openid = openid
            body.protocols = protocols
        }
        guard body.clientID != nil || body.identifier != nil || body.clientSecret != nil || body.protocols != nil else {
            throw APIError(kind: .refused, detail: "Nothing to change in the SSO connection: nothing was sent")
        }
        return SSOConnection(keycard: try await client.updateSSO(organizationID: id, body))
    }

    private static func blankIsNil(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    public func disableSSO(organizationID: String) async throws {
        do {
            try await client.disableSSO(organizationID: try Self.id(organizationID, of: "organization"))
        } catch let error as APIError where error.status == 404 {
            // 404 means SSO is off already: the state asked for.
            return
        }
    }
}
