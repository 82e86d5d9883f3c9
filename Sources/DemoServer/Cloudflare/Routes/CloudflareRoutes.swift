import Hummingbird

/// The Cloudflare v4 User and Accounts API under `/client/v4` (api/cloudflare.md), served next to OpenAI's `/v1`.
enum CloudflareRoutes {
    /// Path prefix of the Cloudflare v4 API.
    static let prefix = "/client/v4"

    /// Registers every `/client/v4` route on `router`.
    static func register(on router: Router<DemoRequestContext>, store: CloudflareStore) {
        let api = router.group("client/v4")
        CloudflareUserRoutes(store: store).register(on: api.group("user"))
        CloudflareInviteRoutes(store: store).register(on: api.group("user"))
        CloudflareTokenRoutes(store: store) { _ in .user }.register(on: api.group("user/tokens"))
        CloudflareAccountRoutes(store: store).register(on: api.group("accounts"))
        CloudflareOrganizationRoutes(store: store).register(on: api.group("organizations"))
    }

    /// A required path parameter (an empty one is an unknown id: 404).
    static func parameter(_ name: String, in context: DemoRequestContext) throws -> String {
        guard let value = context.parameters.get(name), !value.isEmpty else { throw DemoAPIError.notFound }
        return value
    }
}
