import APICore
import Foundation

/// The routes of `FakeKeycardAPI`: one exact path per seeded (or pre-named) object, answering as the Management
/// API does (DELETE answers 204; SSO reads answer 404 while it is off; a revoked invitation stays listed).
extension FakeKeycardAPI {
    func install() {
        on(.get, "/organizations") { api, request in
            Self.page(api.store.withLock { $0.organizations.map(\.organization) }, request, id: \.id)
        }
        for id in Self.organizationIDs {
            let path = "/organizations/\(id)"
            on(.get, path) { api, _ in Self.answer(api.read(id) { $0.organization }) }
            installMembers(id, path)
            installInvitations(id, path)
            installServiceAccounts(id, path)
            installSSO(id, path)
        }
        installTokens()
    }

    /// Reads the organization `id` under the lock.
    func read<Value>(_ id: String, _ body: (Organization) -> Value?) -> Value? {
        store.withLock { store in store.organizations.first { $0.organization.id == id } }.flatMap(body)
    }

    /// Changes the organization `id` under the lock.
    func change<Value: Sendable>(_ id: String, _ body: (inout Organization) -> Value?) -> Value? {
        store.withLock { store in
            guard let index = store.organizations.firstIndex(where: { $0.organization.id == id }) else { return nil }
            return body(&store.organizations[index])
        }
    }

    /// Answers `METHOD path` while this fake lives; a load still running after a test ended gets a 503, not a crash.
    private func on(
        _ method: APICore.HTTPMethod, _ path: String,
        _ answer: @escaping @Sendable (FakeKeycardAPI, HTTPRequest) -> FakeTransport.Outcome
    ) {
        transport.handle(method, path) { [weak self] request in
            guard let self else { return Self.error(503, "The fake API is gone") }
            return answer(self, request)
        }
    }

    private func installMembers(_ id: String, _ path: String) {
        guard legacyEndpoints else {
            for route in ["users", "roles"] {
                transport.handle(.get, "\(path)/\(route)") { _ in Self.error(404, "Route not found") }
            }
            return
        }
        on(.get, "\(path)/users") { api, request in
            Self.page(api.read(id) { $0.users } ?? [], request, id: \.id)
        }
        let roles = Wire.RoleList(items: Wire.OrganizationRole.allCases.map { role in
            Wire.Role(name: role.rawValue, label: Role.keycardOrganizationRoles.first { $0.id == role.rawValue }?.description,
                      scope: OpenEnum(.organization))
        })
        transport.handle(.get, "\(path)/roles") { _ in Self.answer(roles) }
    }

    private func installInvitations(_ id: String, _ path: String) {
        on(.get, "\(path)/invitations") { api, request in
            Self.page(api.read(id) { $0.invitations } ?? [], request, id: \.id)
        }
        on(.post, "\(path)/invitations") { api, request in
            guard let body = Self.decode(Wire.InvitationCreate.self, request) else { return Self.error(400, "email and role are required") }
            return Self.answer(api.store.withLock { store -> Wire.Invitation? in
                guard let index = store.organizations.firstIndex(where: { $0.organization.id == id }) else { return nil }
                store.created += 1
                let invitation = Wire.Invitation(
                    id: "inv-new\(store.created)", organizationID: id, email: body.email, role: body.role,
                    status: OpenEnum(.pending), createdBy: Self.userID("acme", 0), createdAt: "2026-01-10T00:00:00Z",
                    updatedAt: "2026-01-10T00:00:00Z", expiresAt: "2026-01-17T00:00:00Z")
                store.organizations[index].invitations.append(invitation)
                return invitation
            }, status: 201)
        }
        let seeded = read(id) { $0.invitations.map(\.id) } ?? []
        for invitation in seeded + (1...3).map({ "inv-new\($0)" }) {
            on(.delete, "\(path)/invitations/\(invitation)") { api, _ in
                let revoked = api.change(id) { organization -> Bool? in
                    guard let index = organization.invitations.firstIndex(where: { $0.id == invitation }) else { return nil }
                    organization.invitations[index].status = OpenEnum(.revoked)
                    return true
                }
                return revoked == nil ? Self.error(404, "Invitation not found") : Self.noContent
            }
        }
    }

    private func installServiceAccounts(_ id: String, _ path: String) {
        on(.get, "\(path)/service-accounts") { api, request in
            Self.page(api.read(id) { $0.serviceAccounts.map(\.account) } ?? [], request, id: \.id)
        }
        for account in read(id, { $0.serviceAccounts.map(\.account.id) }) ?? [] {
            let accountPath = "\(path)/service-accounts/\(account)"
            on(.get, accountPath) { api, _ in
                Self.answer(api.read(id) { $0.serviceAccounts.first { $0.account.id == account }?.account })
            }
            on(.get, "\(accountPath)/credentials") { api, request in
                Self.page(api.read(id) { $0.serviceAccounts.first { $0.account.id == account }?.credentials } ?? [], request, id: \.id)
            }
            on(.post, "\(accountPath)/credentials") { api, request in
                guard let body = Self.decode(Wire.NameBody.self, request), let name = body.name else { return Self.error(400, "name is required") }
                return Self.answer(api.createCredential(id, account, name: name, description: body.description), status: 201)
            }
            let seeded = read(id) { $0.serviceAccounts.first { $0.account.id == account }?.credentials.map(\.id) } ?? []
            for credential in seeded + (1...3).map({ "cred-new\($0)" }) {
                let credentialPath = "\(accountPath)/credentials/\(credential)"
                on(.get, credentialPath) { api, _ in
                    Self.answer(api.read(id) { $0.serviceAccounts.first { $0.account.id == account }?.credentials.first { $0.id == credential } })
                }
                on(.delete, credentialPath) { api, _ in
                    let removed = api.change(id) { organization -> Bool? in
                        guard let index = organization.serviceAccounts.firstIndex(where: { $0.account.id == account }) else { return nil }
                        let before = organization.serviceAccounts[index].credentials.count
                        organization.serviceAccounts[index].credentials.removeAll { $0.id == credential }
                        return organization.serviceAccounts[index].credentials.count < before ? true : nil
                    }
                    return removed == nil ? Self.error(404, "Credential not found") : Self.noContent
                }
            }
        }
    }

    private func createCredential(_ organization: String, _ account: String, name: String, description: String?) -> Wire.CredentialCreated? {
        store.withLock { store in
            guard let index = store.organizations.firstIndex(where: { $0.organization.id == organization }),
                let accountIndex = store.organizations[index].serviceAccounts.firstIndex(where: { $0.account.id == account })
            else { return nil }
            store.created += 1
            let id = "cred-new\(store.created)"
            // Deterministic, so screens with the new secret can be compared with golden files.
            let secret = "kc-secret-new\(store.created)-0000n\(store.created)ew"
            let created = Wire.CredentialCreated(
                id: id, clientID: "client-\(id)", clientSecret: secret, name: name, description: description,
                createdAt: "2026-01-10T00:00:00Z")
            store.organizations[index].serviceAccounts[accountIndex].credentials.append(created.credential)
            store.secrets[id] = secret
            return created
        }
    }

    private func installSSO(_ id: String, _ path: String) {
        let ssoPath = "\(path)/sso-connection"
        on(.get, ssoPath) { api, _ in
            guard let connection = api.read(id, { $0.sso }) else { return Self.error(404, "SSO connection not found") }
            return Self.answer(connection)
        }
        on(.post, ssoPath) { api, request in
            guard let body = Self.decode(Wire.SSOConnectionBody.self, request), let issuer = body.identifier, body.clientID != nil
            else { return Self.error(400, "client_id and identifier are required") }
            let outcome = api.change(id) { organization -> Wire.SSOConnection?? in
                guard organization.sso == nil else { return .some(nil) }
                let connection = Wire.SSOConnection(
                    id: "sso-\(id)", identifier: issuer, clientID: body.clientID, clientSecretSet: body.clientSecret != nil,
                    createdAt: "2026-01-10T00:00:00Z", updatedAt: "2026-01-10T00:00:00Z")
                organization.sso = connection
                organization.organization.ssoEnabled = true
                return .some(connection)
            }
            switch outcome {
            case .some(.some(let connection)): return Self.answer(connection, status: 201)
            case .some(.none): return Self.error(409, "SSO is already enabled")
            case .none: return Self.error(404, "Organization not found")
            }
        }
        on(.delete, ssoPath) { api, _ in
            let removed = api.change(id) { organization -> Bool? in
                guard organization.sso != nil else { return nil }
                organization.sso = nil
                organization.organization.ssoEnabled = false
                return true
            }
            return removed == nil ? Self.error(404, "SSO connection not found") : Self.noContent
        }
    }

    private func installTokens() {
        for token in store.withLock({ Array($0.tokens.keys) }) {
            on(.get, "/invitations/\(token)") { api, _ in
                Self.answer(api.store.withLock { $0.tokens[token] })
            }
            on(.post, "/invitations/\(token)/accept") { api, _ in
                let accepted = api.store.withLock { store -> Wire.InvitationPreview? in
                    guard let preview = store.tokens[token], preview.status == OpenEnum(.pending) else { return nil }
                    store.tokens[token]?.status = OpenEnum(.accepted)
                    return preview
                }
                guard let accepted else { return Self.error(409, "The invitation is not pending") }
                let id = Self.organizationIDs.first { api.read($0) { $0.organization.name } == accepted.organizationName } ?? ""
                return Self.answer(Wire.InvitationAcceptance(
                    success: true, organizationID: id, organizationName: accepted.organizationName, userID: "usr-me"))
            }
        }
    }

    // MARK: - Answers

    /// A page of `items` after the `after` cursor (an item id), `limit` long (50 when absent).
    static func page<Item: Codable & Sendable>(_ items: [Item], _ request: HTTPRequest, id: KeyPath<Item, String>)
        -> FakeTransport.Outcome
    {
        let query = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        let limit = query.first { $0.name == "limit" }?.value.flatMap(Int.init) ?? 50
        let after = query.first { $0.name == "after" }?.value
        let start = after.flatMap { cursor in items.firstIndex { $0[keyPath: id] == cursor }.map { $0 + 1 } } ?? 0
        let slice = Array(items[min(start, items.count)..<min(start + limit, items.count)])
        let info = Wire.PageInfo(
            hasNextPage: start + limit < items.count, hasPrevPage: start > 0, startCursor: slice.first?[keyPath: id],
            endCursor: slice.last?[keyPath: id])
        return .response(HTTPResponse(status: 200, body: encoded(Wire.List(items: slice, pageInfo: info))))
    }

    static func answer<Result: Encodable>(_ result: Result?, status: Int = 200) -> FakeTransport.Outcome {
        guard let result else { return error(404, "Not found") }
        return .response(HTTPResponse(status: status, body: encoded(result)))
    }

    static let noContent = FakeTransport.Outcome.response(HTTPResponse(status: 204, body: Data()))

    static func error(_ status: Int, _ message: String) -> FakeTransport.Outcome {
        let code = status == 404 ? "not_found" : status == 409 ? "conflict" : status == 400 ? "bad_request" : "error"
        let body = Wire.ErrorBody(message: message, code: code, status: status)
        return .response(HTTPResponse(status: status, body: encoded(body)))
    }

    static func decode<Body: Decodable>(_ type: Body.Type, _ request: HTTPRequest) -> Body? {
        request.body.flatMap { try? JSONDecoder().decode(Body.self, from: $0) }
    }

    static func encoded(_ value: some Encodable) -> Data {
        (try? JSONEncoder().encode(value)) ?? Data()
    }
}
