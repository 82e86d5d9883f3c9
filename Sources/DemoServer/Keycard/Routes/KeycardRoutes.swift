import APICore
import CloudflareAPI
import Hummingbird
import KeycardAPI

/// The Keycard Management API at the server root (`/organizations…`, `/invitations/{token}…`,
/// `/service-account-token`), beside Cloudflare's `/client/v4`.
struct KeycardRoutes {
    /// The first path segments the Keycard API owns.
    static let roots: Set<Substring> = ["organizations", "invitations", "service-account-token"]

    let store: KeycardStore

    /// Whether a request path belongs to the Keycard API (its errors and faults take the Keycard shape).
    static func owns(_ path: String) -> Bool {
        path.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: true).first.map(roots.contains) ?? false
    }

    func register(on router: Router<DemoRequestContext>) {
        let organizations = router.group("organizations")
        KeycardOrganizationRoutes(store: store).register(on: organizations)
        let organization = organizations.group(":organizationID")
        KeycardServiceAccountRoutes(store: store).register(on: organization.group("service-accounts"))
        KeycardLegacyRoutes(store: store).register(on: organization)
        KeycardTokenRoutes(store: store).register(on: router)
    }

    /// The caller of a request, or a 401 in the Keycard shape.
    static func caller(_ request: Request, _ store: KeycardStore) async throws -> KeycardCaller {
        try await store.authenticate(authorization: request.headers[.authorization])
    }

    /// A required path parameter (an empty one is an unknown route: 404).
    static func parameter(_ name: String, in context: DemoRequestContext) throws -> String {
        guard let value = context.parameters.get(name), !value.isEmpty else { throw KeycardAPIError.routeNotFound }
        return value
    }
}
