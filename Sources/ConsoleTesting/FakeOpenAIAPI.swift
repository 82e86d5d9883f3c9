import APICore
import Foundation
import OpenAIAdminAPI
import Synchronization

/// A small OpenAI Admin organization served by a `FakeTransport`, in the wire format of `api/openai.md`.
///
/// 120 users (`user-000`…, every tenth an owner), two active projects and an archived one, three admin keys (the
/// signed-in one first), project keys and a service account, and invites in each state. Writes change the data, so
/// a re-read shows them; ids of created keys and invites are deterministic (`key_new1`, `invite-new1`, …), so their
/// routes exist before they do. Scripted outcomes queued on `transport` win over the routes.
public final class FakeOpenAIAPI: Sendable {
    public typealias Wire = OpenAIAdmin
    public let transport = FakeTransport()
    /// The admin key the directory signs in with, and its listed id.
    public let ownSecret = "sk-admin-own-0000abcd"
    public let ownKeyID = "key_own"
    /// Projects: `proj_alpha` (Project Alpha), `proj_beta` (Project Beta), `proj_legacy` (archived).
    public let projectIDs = ["proj_alpha", "proj_beta", "proj_legacy"]
    /// Seconds since 1970 of every seeded timestamp (2026-01-01T00:00:00Z), and the directory's "now".
    public static let epoch = 1_767_225_600
    static let base = "/v1/organization"

    struct Store {
        var users: [Wire.OrganizationUser]
        var invites: [Wire.Invite]
        var adminKeys: [Wire.AdminAPIKey]
        var projectUsers: [String: [Wire.ProjectUser]] = [:]
        var created = 0
        var secrets: [String: String] = [:]
    }

    let store: Mutex<Store>

    /// Seeds `users` users; the directory's page size decides how many pages they span.
    public init(users: Int = 120) {
        let epoch = Self.epoch
        let people = (0..<users).map { index in
            Wire.OrganizationUser(
                id: Self.userID(index), addedAt: epoch + index, email: "user\(index)@example.test",
                name: "User \(index)", role: OpenEnum(index % 10 == 0 ? .owner : .reader))
        }
        let invites = [
            Wire.Invite(id: "invite-pending", email: "new.hire@example.test", role: OpenEnum(.reader),
                        status: OpenEnum(.pending), createdAt: epoch, expiresAt: epoch + 7 * 86_400),
            Wire.Invite(id: "invite-accepted", email: "joined@example.test", role: OpenEnum(.owner),
                        status: OpenEnum(.accepted), createdAt: epoch, expiresAt: epoch + 7 * 86_400, acceptedAt: epoch + 60),
            Wire.Invite(id: "invite-expired", email: "late@example.test", role: OpenEnum(.reader),
                        status: OpenEnum(.expired), createdAt: epoch - 30 * 86_400, expiresAt: epoch - 23 * 86_400),
        ]
        let owner = Wire.AdminAPIKey.Owner(id: Self.userID(0), name: "User 0", type: OpenEnum(.user), role: OpenEnum(.owner))
        let keys = [
            Wire.AdminAPIKey(id: "key_own", createdAt: epoch, redactedValue: "sk-admin...abcd", owner: owner, name: "orgtui admin"),
            Wire.AdminAPIKey(id: "key_ci", createdAt: epoch + 86_400, redactedValue: "sk-admin...wxyz", owner: owner,
                             name: "ci deploy", lastUsedAt: epoch + 2 * 86_400),
            Wire.AdminAPIKey(id: "key_old", createdAt: epoch - 90 * 86_400, redactedValue: "sk-admin...9999", owner: owner,
                             name: "old admin", expiresAt: epoch - 86_400),
        ]
        var store = Store(users: people, invites: invites, adminKeys: keys)
        for (project, count) in [("proj_alpha", 5), ("proj_beta", 3), ("proj_legacy", 1)] {
            store.projectUsers[project] = people.prefix(count).enumerated().map { index, user in
                Wire.ProjectUser(id: user.id, addedAt: epoch, role: index == 0 ? "owner" : "member",
                                 email: user.email, name: user.name)
            }
        }
        self.store = Mutex(store)
        install()
    }

    /// A directory over the fake transport, signed in with `ownSecret`, with `limit` rows a page.
    public func directory(limit: Int = 50) throws -> OpenAIDirectory {
        let configuration = try OpenAIConfiguration(baseURL: "https://api.example.test/v1", adminKey: Secret(ownSecret))
        let now = Date(timeIntervalSince1970: TimeInterval(Self.epoch + 10 * 86_400))
        return OpenAIDirectory(client: OpenAIClient(configuration: configuration, transport: transport), limit: limit, now: { now })
    }

    /// The id of the user at `index`.
    public static func userID(_ index: Int) -> String { String(format: "user-%03d", index) }

    /// The ids of the admin keys listed now, in order.
    public var adminKeyIDs: [String] { store.withLock { $0.adminKeys.map(\.id) } }

    /// The organization role of a user now.
    public func role(ofUser id: String) -> String? { store.withLock { $0.users.first { $0.id == id }?.role?.rawValue } }

    /// The project role of a user now, nil once removed.
    public func role(ofUser id: String, in project: String) -> String? {
        store.withLock { $0.projectUsers[project]?.first { $0.id == id }?.role }
    }

    /// The ids of the invites listed now.
    public var inviteIDs: [String] { store.withLock { $0.invites.map(\.id) } }

    /// The one-time secret of a created admin key.
    public func secret(ofKey id: String) -> String? { store.withLock { $0.secrets[id] } }

    /// The bearer token of every request sent to `METHOD /v1/organization…/path`, in order.
    public func authorizations(_ method: APICore.HTTPMethod, _ path: String) -> [String] {
        transport.requests.filter { $0.method == method && FakeTransport.routePath($0.url) == Self.base + path }.map { request in
            request.headers.first { $0.name.lowercased() == "authorization" }?.value ?? ""
        }
    }

    /// The JSON body of the last request to `METHOD /v1/organization…/path`, as an object.
    public func lastBody(_ method: APICore.HTTPMethod, _ path: String) -> [String: String]? {
        guard let request = transport.requests.last(where: { $0.method == method && FakeTransport.routePath($0.url) == Self.base + path }),
            let body = request.body, let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any]
        else { return nil }
        return object.compactMapValues { $0 as? String }
    }

    /// How many requests went to `METHOD /v1/organization…/path`.
    public func count(_ method: APICore.HTTPMethod, _ path: String) -> Int { transport.count(method, Self.base + path) }

    /// Makes `METHOD /v1/organization…/path` answer with an OpenAI error, every time.
    public func fail(_ method: APICore.HTTPMethod, _ path: String, status: Int = 500, message: String = "The server had an error") {
        let body = Wire.ErrorBody(error: .init(message: message, type: "server_error"))
        transport.script(method, Self.base + path, [.response(HTTPResponse(status: status, body: Self.encoded(body)))])
    }
}
