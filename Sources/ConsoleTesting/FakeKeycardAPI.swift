import APICore
import Foundation
import KeycardAPI
import Synchronization

/// Three Keycard organizations served by a `FakeTransport`, in the wire format of `api/keycard.md`.
///
/// `org-acme` (Acme Robotics) has 120 users over pages, three service accounts (one without credentials) and
/// invitations in every status; `org-globex` (Globex Research) has an SSO connection; `org-initech` is small.
/// The token `tok-initech` invites the signed-in caller to Initech (`tok-expired` is used up). With
/// `legacyEndpoints: false` the users and roles endpoints answer 404, as newer servers do. Writes change the data;
/// ids of created objects are deterministic (`cred-new1`, `inv-new1`, …), so their routes exist before they do.
/// Scripted outcomes queued on `transport` win over the routes.
public final class FakeKeycardAPI: Sendable {
    public typealias Wire = Keycard
    public let transport = FakeTransport()
    /// The API key the directory signs in with.
    public let apiKey = "kc-api-key-own-0000"
    /// Organizations, in list order.
    public static let organizationIDs = ["org-acme", "org-globex", "org-initech"]
    /// The organization with an SSO connection.
    public static let ssoOrganizationID = "org-globex"
    /// Every seeded timestamp's day.
    public static let epoch = "2026-01-01T00:00:00Z"
    /// Whether the users and roles endpoints exist (older servers) or answer 404 (newer ones).
    public let legacyEndpoints: Bool

    struct ServiceAccount {
        var account: Wire.ServiceAccount
        var credentials: [Wire.Credential]
    }

    struct Organization {
        var organization: Wire.Organization
        var users: [Wire.OrganizationUser]
        var serviceAccounts: [ServiceAccount]
        var invitations: [Wire.Invitation]
        var sso: Wire.SSOConnection?
    }

    struct Store {
        var organizations: [Organization]
        var tokens: [String: Wire.InvitationPreview]
        var created = 0
        var secrets: [String: String] = [:]
    }

    let store: Mutex<Store>

    /// Seeds the organizations; `acmeUsers` users in Acme (the directory's page size decides how many pages).
    public init(acmeUsers: Int = 120, legacyEndpoints: Bool = true) {
        self.legacyEndpoints = legacyEndpoints
        let acme = Organization(
            organization: Self.organization("org-acme", "Acme Robotics", sso: false),
            users: Self.users("acme", count: acmeUsers),
            serviceAccounts: [
                Self.serviceAccount("sa-ci", "ci-deploy", "GitHub Actions deploys", [
                    ("cred-gh", "github-actions", "2026-01-09T08:00:00Z"),
                    ("cred-gh-old", "github-actions-2023", nil),
                ]),
                Self.serviceAccount("sa-tf", "terraform", "Infrastructure as code", [("cred-tf", "tf-cloud", "2026-01-08T12:00:00Z")]),
                Self.serviceAccount("sa-backup", "backup-bot", nil, []),
            ],
            invitations: [
                Self.invitation("inv-pending", "org-acme", "new.hire@acme.example", .member, .pending),
                Self.invitation("inv-accepted", "org-acme", "joined@acme.example", .admin, .accepted),
                Self.invitation("inv-expired", "org-acme", "late@acme.example", .viewer, .expired),
                Self.invitation("inv-revoked", "org-acme", "gone@acme.example", .member, .revoked),
            ])
        let globex = Organization(
            organization: Self.organization("org-globex", "Globex Research", sso: true),
            users: Self.users("globex", count: 6),
            serviceAccounts: [Self.serviceAccount("sa-scim", "scim-sync", "Directory sync from Okta", [("cred-scim", "okta-scim", nil)])],
            invitations: [Self.invitation("inv-globex", "org-globex", "analyst@globex.example", .viewer, .pending)],
            sso: Wire.SSOConnection(
                id: "sso-globex", identifier: "https://globex.okta.example/oauth2/default", clientID: "0oa9globex",
                clientSecretSet: true, createdAt: Self.epoch, updatedAt: Self.epoch))
        let initech = Organization(
            organization: Self.organization("org-initech", "Initech", sso: false),
            users: Self.users("initech", count: 3),
            serviceAccounts: [Self.serviceAccount("sa-tps", "tps-reports", "Report generator", [("cred-cron", "cron", nil)])],
            invitations: [])
        let tokens = [
            "tok-initech": Wire.InvitationPreview(
                email: "me@example.test", organizationName: "Initech", createdByName: "Bill Lumbergh",
                role: OpenEnum(.member), status: OpenEnum(.pending), expiresAt: "2026-01-08T00:00:00Z"),
            "tok-expired": Wire.InvitationPreview(
                email: "me@example.test", organizationName: "Globex Research", createdByName: "Hank Scorpio",
                role: OpenEnum(.viewer), status: OpenEnum(.expired), expiresAt: "2025-12-01T00:00:00Z"),
        ]
        store = Mutex(Store(organizations: [acme, globex, initech], tokens: tokens))
        install()
    }

    /// A directory over the fake transport, signed in with `apiKey`, with `limit` rows a page.
    public func directory(limit: Int = 50) throws -> KeycardDirectory {
        let configuration = try KeycardConfiguration(baseURL: "https://api.keycard.example", credentials: .apiKey(Secret(apiKey)))
        return KeycardDirectory(client: KeycardClient(configuration: configuration, transport: transport), limit: limit)
    }

    /// The id of the user at `index` of an organization (`acme`, `globex`, `initech`).
    public static func userID(_ organization: String, _ index: Int) -> String { String(format: "\(organization)-user-%03d", index) }

    /// The ids of a service account's credentials now, in order.
    public func credentialIDs(organization: String, serviceAccount: String) -> [String] {
        store.withLock { store in
            store.organizations.first { $0.organization.id == organization }?.serviceAccounts
                .first { $0.account.id == serviceAccount }?.credentials.map(\.id) ?? []
        }
    }

    /// The one-time secret of a created credential.
    public func secret(ofCredential id: String) -> String? { store.withLock { $0.secrets[id] } }

    /// The invitations of an organization now: id → status.
    public func invitationStatuses(organization: String) -> [String: String] {
        store.withLock { store in
            let invitations = store.organizations.first { $0.organization.id == organization }?.invitations ?? []
            return Dictionary(uniqueKeysWithValues: invitations.map { ($0.id, $0.status.rawValue) })
        }
    }

    /// Whether an organization has an SSO connection now.
    public func ssoIsOn(organization: String) -> Bool {
        store.withLock { $0.organizations.first { $0.organization.id == organization }?.sso != nil }
    }

    /// The `Authorization` header of every request to `METHOD path`, in order ("" when there was none).
    public func authorizations(_ method: APICore.HTTPMethod, _ path: String) -> [String] {
        requests(method, path).map { request in
            request.headers.first { $0.name.lowercased() == "authorization" }?.value ?? ""
        }
    }

    /// The JSON body of the last request to `METHOD path`, its string values.
    public func lastBody(_ method: APICore.HTTPMethod, _ path: String) -> [String: String]? {
        guard let body = requests(method, path).last?.body,
            let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any]
        else { return nil }
        return object.compactMapValues { $0 as? String }
    }

    /// The top-level keys of the JSON body of the last request to `METHOD path`, sorted (a `null` value counts).
    public func lastBodyKeys(_ method: APICore.HTTPMethod, _ path: String) -> [String]? {
        guard let body = requests(method, path).last?.body,
            let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any]
        else { return nil }
        return object.keys.sorted()
    }

    /// The raw body of the last request to `METHOD path` (nil when none was sent or it had none).
    public func lastRawBody(_ method: APICore.HTTPMethod, _ path: String) -> Data? { requests(method, path).last?.body }

    /// How many requests went to `METHOD path`.
    public func count(_ method: APICore.HTTPMethod, _ path: String) -> Int { transport.count(method, path) }

    /// How many requests were writes (anything but GET).
    public var writeCount: Int { transport.requests.filter { $0.method != .get }.count }

    /// Makes `METHOD path` answer with a Keycard error, every time.
    public func fail(_ method: APICore.HTTPMethod, _ path: String, status: Int = 500, message: String = "Internal error") {
        transport.script(method, path, [Self.error(status, message)])
    }

    private func requests(_ method: APICore.HTTPMethod, _ path: String) -> [HTTPRequest] {
        transport.requests.filter { $0.method == method && FakeTransport.routePath($0.url) == path }
    }

    // MARK: - Seed

    private static func organization(_ id: String, _ name: String, sso: Bool) -> Wire.Organization {
        Wire.Organization(
            id: id, name: name, label: name.lowercased().replacingOccurrences(of: " ", with: "-"), ssoEnabled: sso,
            zoneID: "zone-\(id)", createdAt: epoch, updatedAt: epoch)
    }

    private static func users(_ organization: String, count: Int) -> [Wire.OrganizationUser] {
        (0..<count).map { index in
            let role: Wire.OrganizationRole = index % 10 == 0 ? .admin : index % 7 == 0 ? .viewer : .member
            return Wire.OrganizationUser(
                id: userID(organization, index), email: String(format: "user%03d@\(organization).example", index),
                role: OpenEnum(role), status: OpenEnum(index % 25 == 24 ? .disabled : .active),
                source: "https://accounts.google.com", createdAt: epoch, updatedAt: epoch)
        }
    }

    private static func serviceAccount(
        _ id: String, _ name: String, _ description: String?, _ credentials: [(String, String, String?)]
    ) -> ServiceAccount {
        ServiceAccount(
            account: Wire.ServiceAccount(id: id, name: name, description: description, createdAt: epoch, updatedAt: epoch),
            credentials: credentials.map { id, name, lastUsed in
                Wire.Credential(id: id, clientID: "client-\(id)", name: name, createdAt: epoch, lastUsedAt: lastUsed)
            })
    }

    private static func invitation(
        _ id: String, _ organization: String, _ email: String, _ role: Wire.OrganizationRole, _ status: Wire.InvitationStatus
    ) -> Wire.Invitation {
        Wire.Invitation(
            id: id, organizationID: organization, email: email, role: OpenEnum(role), status: OpenEnum(status),
            createdBy: userID("acme", 0), createdAt: epoch, updatedAt: epoch, expiresAt: "2026-01-08T00:00:00Z")
    }
}
