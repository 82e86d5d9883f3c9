import APICore
import KeycardAPI

extension KeycardStore {
    /// `GET …/sso-connection`: 404 while SSO is off.
    func ssoConnection(_ organizationID: String, caller: KeycardCaller, query: QueryItems) throws
        -> Keycard.SSOConnection
    {
        let index = try accessibleOrganization(organizationID, caller: caller)
        guard var connection = organizations[index].sso else { throw KeycardAPIError.notFound("SSO connection") }
        if Self.wantsPermissions(query) {
            let write = canWrite(organizations[index], caller: caller)
            connection.permissions = Self.permissions("sso_connections", write: write)
        }
        return connection
    }

    /// `POST …/sso-connection`: enables SSO; 409 when it is already on.
    func enableSSO(_ organizationID: String, body: Keycard.SSOConnectionBody, caller: KeycardCaller) throws
        -> Keycard.SSOConnection
    {
        let index = try accessibleOrganization(organizationID, caller: caller, write: true)
        guard organizations[index].sso == nil else { throw KeycardAPIError.conflict("SSO is already enabled") }
        guard let clientID = body.clientID, !clientID.isEmpty else {
            throw KeycardAPIError.invalid("client_id is required")
        }
        guard let identifier = body.identifier, !identifier.isEmpty else {
            throw KeycardAPIError.invalid("identifier is required")
        }
        let now = nowString()
        let connection = Keycard.SSOConnection(
            id: newID(), identifier: identifier, clientID: clientID,
            clientSecretSet: body.clientSecret?.isEmpty == false,
            protocols: body.protocols, createdAt: now, updatedAt: now)
        organizations[index].sso = connection
        organizations[index].organization.updatedAt = now
        return connection
    }

    /// `PATCH …/sso-connection`: sets what the body holds; a protocol left out stays as it is.
    func updateSSO(_ organizationID: String, body: Keycard.SSOConnectionBody, caller: KeycardCaller) throws
        -> Keycard.SSOConnection
    {
        let index = try accessibleOrganization(organizationID, caller: caller, write: true)
        guard var connection = organizations[index].sso else { throw KeycardAPIError.notFound("SSO connection") }
        if let clientID = body.clientID { connection.clientID = clientID }
        if let identifier = body.identifier {
            guard !identifier.isEmpty else { throw KeycardAPIError.invalid("identifier must not be empty") }
            connection.identifier = identifier
        }
        if let secret = body.clientSecret { connection.clientSecretSet = !secret.isEmpty }
        if let protocols = body.protocols {
            var merged = connection.protocols ?? Keycard.SSOProtocols()
            if let oauth2 = protocols.oauth2 { merged.oauth2 = oauth2 }
            if let openid = protocols.openid { merged.openid = openid }
            connection.protocols = merged
        }
        connection.updatedAt = nowString()
        organizations[index].sso = connection
        return connection
    }

    /// `DELETE …/sso-connection`: disables SSO; 404 when it is already off.
    func disableSSO(_ organizationID: String, caller: KeycardCaller) throws {
        let index = try accessibleOrganization(organizationID, caller: caller, write: true)
        guard organizations[index].sso != nil else { throw KeycardAPIError.notFound("SSO connection") }
        organizations[index].sso = nil
        organizations[index].organization.updatedAt = nowString()
    }
}
