import Hummingbird

/// Assembles the router: middleware first (traffic → errors → auth), then every route group of the three APIs.
enum DemoRoutes {
    /// Path prefix of the Cloudflare v4 API.
    static let prefix = "/client/v4"
    /// Path prefix of the control endpoints (fault rules, request log).
    static let controlPrefix = "/__demo"

    /// The router of a demo server.
    static func router(
        store: DemoStore, openAI: OpenAIStore, keycard: KeycardStore, faults: FaultInjector, latency: Duration
    ) -> Router<DemoRequestContext> {
        let router = Router(context: DemoRequestContext.self)
        router.add(middleware: TrafficMiddleware(store: store, faults: faults, latency: latency))
        router.add(middleware: ErrorMiddleware())
        router.add(middleware: KeycardErrorMiddleware())
        router.add(middleware: AuthMiddleware(store: store, openAI: openAI))
        router.add(middleware: OpenAIAuthMiddleware(store: openAI))

        let api = router.group("client/v4")
        UserRoutes(store: store).register(on: api.group("user"))
        InviteRoutes(store: store).register(on: api.group("user"))
        TokenRoutes(store: store) { _ in .user }.register(on: api.group("user/tokens"))
        AccountRoutes(store: store).register(on: api.group("accounts"))
        OrganizationRoutes(store: store).register(on: api.group("organizations"))
        OpenAIRoutes.register(on: router, store: openAI)
        ControlRoutes(store: store, faults: faults).register(on: router.group("__demo"))
        KeycardRoutes(store: keycard).register(on: router)
        return router
    }

    /// A required path parameter (an empty one is an unknown id: 404).
    static func parameter(_ name: String, in context: DemoRequestContext) throws -> String {
        guard let value = context.parameters.get(name), !value.isEmpty else { throw DemoAPIError.notFound }
        return value
    }
}
