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

    public func updateSSO(organizationID: String, settings: SSOSettings) async throws -> SSOConnection {
        let body = Keycard.SSOConnectionBody(
            clientID: settings.clientID, identifier: settings.issuer, clientSecret: settings.clientSecret?.reveal())
        guard body.clientID != nil || body.identifier != nil || body.clientSecret != nil else {
            throw APIError(kind: .refused, detail: "Nothing to change in the SSO connection: nothing was sent")
        }
        return SSOConnection(
            keycard: try await client.updateSSO(organizationID: try Self.id(organizationID, of: "organization"), body))
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
