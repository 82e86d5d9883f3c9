import APICore
import Foundation

/// The routes of `FakeOpenAIAPI`: one exact path per seeded (or pre-named) object, answering as the Admin API does.
extension FakeOpenAIAPI {
    func install() {
        installUsers()
        installInvites()
        installAdminKeys()
        installProjects()
    }

    // The routes hold the fake strongly: a request still in flight when a test ends (a background revalidation)
    // must find it alive, and a fake living as long as its transport costs nothing in a test.
    private func route(_ method: APICore.HTTPMethod, _ path: String, _ answer: @escaping @Sendable (HTTPRequest) -> FakeTransport.Outcome) {
        transport.handle(method, Self.base + path, answer)
    }

    private func installUsers() {
        route(.get, "/users") { Self.page(self.store.withLock { $0.users }, $0, id: \.id) }
        for id in store.withLock({ $0.users.map(\.id) }) {
            route(.get, "/users/\(id)") { _ in
                Self.answer(self.store.withLock { $0.users.first { $0.id == id } })
            }
            route(.post, "/users/\(id)") { request in
                let update = Self.decode(Wire.UserUpdate.self, request)
                return Self.answer(self.store.withLock { store -> Wire.OrganizationUser? in
                    guard let index = store.users.firstIndex(where: { $0.id == id }) else { return nil }
                    if let role = update?.role { store.users[index].role = role }
                    return store.users[index]
                })
            }
            route(.delete, "/users/\(id)") { _ in
                let removed = self.store.withLock { Self.remove(from: &$0.users) { $0.id == id } }
                return Self.deleted(id, "organization.user.deleted", removed)
            }
        }
    }

    private func installInvites() {
        route(.get, "/invites") { Self.page(self.store.withLock { $0.invites }, $0, id: \.id) }
        route(.post, "/invites") { request in
            guard let body = Self.decode(Wire.InviteCreate.self, request) else { return Self.error(400, "Invalid body") }
            return Self.answer(self.store.withLock { store -> Wire.Invite in
                store.created += 1
                let invite = Wire.Invite(
                    id: "invite-new\(store.created)", email: body.email, role: body.role, status: OpenEnum(.pending),
                    createdAt: Self.epoch + 86_400, expiresAt: Self.epoch + 8 * 86_400)
                store.invites.append(invite)
                return invite
            })
        }
        for id in store.withLock({ $0.invites.map(\.id) }) + (1...3).map({ "invite-new\($0)" }) {
            route(.get, "/invites/\(id)") { _ in
                Self.answer(self.store.withLock { $0.invites.first { $0.id == id } })
            }
            route(.delete, "/invites/\(id)") { _ in
                let removed = self.store.withLock { store in
                    Self.remove(from: &store.invites) { $0.id == id && $0.status == OpenEnum(.pending) }
                }
                return Self.deleted(id, "organization.invite.deleted", removed)
            }
        }
    }

    private func installAdminKeys() {
        route(.get, "/admin_api_keys") { Self.page(self.store.withLock { $0.adminKeys }, $0, id: \.id) }
        route(.post, "/admin_api_keys") { request in
            guard let body = Self.decode(Wire.AdminAPIKeyCreate.self, request) else { return Self.error(400, "Invalid body") }
            return Self.answer(self.store.withLock { store -> Wire.AdminAPIKeyCreated in
                store.created += 1
                let id = "key_new\(store.created)"
                // Deterministic, so screens with the new secret can be compared with golden files.
                let secret = "sk-admin-new\(store.created)-0000n\(store.created)ew"
                let owner = store.adminKeys.first?.owner ?? .init()
                let key = Wire.AdminAPIKey(
                    id: id, createdAt: Self.epoch + 10 * 86_400, redactedValue: "sk-admin...n\(store.created)ew",
                    owner: owner, name: body.name)
                store.adminKeys.append(key)
                store.secrets[id] = secret
                return Wire.AdminAPIKeyCreated(key: key, value: secret)
            })
        }
        for id in store.withLock({ $0.adminKeys.map(\.id) }) + (1...3).map({ "key_new\($0)" }) {
            route(.get, "/admin_api_keys/\(id)") { _ in
                Self.answer(self.store.withLock { $0.adminKeys.first { $0.id == id } })
            }
            route(.delete, "/admin_api_keys/\(id)") { _ in
                let removed = self.store.withLock { Self.remove(from: &$0.adminKeys) { $0.id == id } }
                return Self.deleted(id, "organization.admin_api_key.deleted", removed)
            }
        }
    }

    private func installProjects() {
        let epoch = Self.epoch
        let projects = [
            Wire.Project(id: "proj_alpha", createdAt: epoch, name: "Project Alpha", status: OpenEnum(.active)),
            Wire.Project(id: "proj_beta", createdAt: epoch + 1, name: "Project Beta", status: OpenEnum(.active)),
            Wire.Project(id: "proj_legacy", createdAt: epoch - 400 * 86_400, name: "Project Legacy", status: OpenEnum(.archived),
                         archivedAt: epoch - 100 * 86_400),
        ]
        route(.get, "/projects") { Self.page(projects, $0, id: \.id) }
        for project in projects {
            let path = "/projects/\(project.id)"
            route(.get, path) { _ in Self.answer(project) }
            route(.get, "\(path)/users") {
                Self.page(self.store.withLock { $0.projectUsers[project.id] ?? [] }, $0, id: \.id)
            }
            for user in store.withLock({ $0.projectUsers[project.id] ?? [] }) {
                let id = user.id
                route(.get, "\(path)/users/\(id)") { _ in
                    Self.answer(self.store.withLock { $0.projectUsers[project.id]?.first { $0.id == id } })
                }
                route(.post, "\(path)/users/\(id)") { request in
                    let update = Self.decode(Wire.ProjectUserUpdate.self, request)
                    return Self.answer(self.store.withLock { store -> Wire.ProjectUser? in
                        guard let update, let index = store.projectUsers[project.id]?.firstIndex(where: { $0.id == id }) else { return nil }
                        store.projectUsers[project.id]?[index].role = update.role.rawValue
                        return store.projectUsers[project.id]?[index]
                    })
                }
                route(.delete, "\(path)/users/\(id)") { _ in
                    let removed = self.store.withLock { store in
                        Self.remove(from: &store.projectUsers[project.id, default: []]) { $0.id == id }
                    }
                    return Self.deleted(id, "organization.project.user.deleted", removed)
                }
            }
            let keys = Self.projectKeys(project.id)
            route(.get, "\(path)/api_keys") { Self.page(keys, $0, id: \.id) }
            for key in keys { route(.get, "\(path)/api_keys/\(key.id)") { _ in Self.answer(key) } }
            let accounts = [Wire.ServiceAccount(id: "svc_\(project.id)_bot", name: "deploy bot", createdAt: epoch, role: OpenEnum(.member))]
            route(.get, "\(path)/service_accounts") { Self.page(accounts, $0, id: \.id) }
            for account in accounts { route(.get, "\(path)/service_accounts/\(account.id)") { _ in Self.answer(account) } }
        }
    }

    private static func projectKeys(_ project: String) -> [Wire.ProjectAPIKey] {
        let person = Wire.ProjectAPIKey.Owner(type: OpenEnum(.user), user: .init(id: userID(1), email: "user1@example.test", name: "User 1"))
        let robot = Wire.ProjectAPIKey.Owner(
            type: OpenEnum(.serviceAccount), serviceAccount: .init(id: "svc_\(project)_bot", name: "deploy bot"))
        return [
            Wire.ProjectAPIKey(id: "key_\(project)_web", name: "web key", createdAt: epoch, redactedValue: "sk-proj-...web1",
                               ownerProjectAccess: OpenEnum(.active), owner: person),
            Wire.ProjectAPIKey(id: "key_\(project)_bot", name: "bot key", createdAt: epoch, redactedValue: "sk-svcacct-...bot1",
                               ownerProjectAccess: OpenEnum(.active), owner: robot),
        ]
    }

    // MARK: - Answers

    /// Removes the matching items; whether there were any.
    static func remove<Item>(from items: inout [Item], where matches: (Item) -> Bool) -> Bool {
        let before = items.count
        items.removeAll(where: matches)
        return items.count < before
    }

    /// A ConversationCursorPage of `items` after the `after` id, `limit` long (20 when absent, as the API).
    static func page<Item: Codable & Sendable & Hashable>(
        _ items: [Item], _ request: HTTPRequest, id: KeyPath<Item, String>
    ) -> FakeTransport.Outcome {
        let query = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        let limit = query.first { $0.name == "limit" }?.value.flatMap(Int.init) ?? 20
        let after = query.first { $0.name == "after" }?.value
        let start = after.flatMap { cursor in items.firstIndex { $0[keyPath: id] == cursor }.map { $0 + 1 } } ?? 0
        let slice = Array(items[min(start, items.count)..<min(start + limit, items.count)])
        let page = Wire.ListPage(
            data: slice, firstID: slice.first?[keyPath: id], lastID: slice.last?[keyPath: id],
            hasMore: start + limit < items.count)
        return .response(HTTPResponse(status: 200, body: encoded(page)))
    }

    static func answer<Result: Encodable>(_ result: Result?) -> FakeTransport.Outcome {
        guard let result else { return error(404, "No such object") }
        return .response(HTTPResponse(status: 200, body: encoded(result)))
    }

    static func deleted(_ id: String, _ object: String, _ removed: Bool) -> FakeTransport.Outcome {
        removed ? answer(Wire.DeletedObject(id: id, object: object, deleted: true)) : error(404, "No such object: \(id)")
    }

    static func error(_ status: Int, _ message: String) -> FakeTransport.Outcome {
        let body = Wire.ErrorBody(error: .init(message: message, type: "invalid_request_error"))
        return .response(HTTPResponse(status: status, body: encoded(body)))
    }

    static func decode<Body: Decodable>(_ type: Body.Type, _ request: HTTPRequest) -> Body? {
        request.body.flatMap { try? JSONDecoder().decode(Body.self, from: $0) }
    }

    static func encoded(_ value: some Encodable) -> Data {
        (try? JSONEncoder().encode(value)) ?? Data()
    }
}
