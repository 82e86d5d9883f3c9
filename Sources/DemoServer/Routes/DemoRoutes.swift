import Hummingbird

/// Assembles the router: middleware first (traffic → errors → auth), then every route group of the three APIs.
enum DemoRoutes {
    /// Path prefix of the control endpoints (fault rules, request log).
    static let controlPrefix = "/__demo"

    /// The router of a demo server.
    static func router(
        store: CloudflareStore, openAI: OpenAIStore, keycard: KeycardStore, faults: FaultInjector,
        requestLog: DemoRequestLog, latency: Duration
    ) -> Router<DemoRequestContext> {
        let router = Router(context: DemoRequestContext.self)
        router.add(middleware: TrafficMiddleware(log: requestLog, faults: faults, latency: latency))
        router.add(middleware: ErrorMiddleware())
        router.add(middleware: KeycardErrorMiddleware())
        router.add(middleware: CloudflareAuthMiddleware(store: store, openAI: openAI))
        router.add(middleware: OpenAIAuthMiddleware(store: openAI))

        CloudflareRoutes.register(on: router, store: store)
        OpenAIRoutes.register(on: router, store: openAI)
        ControlRoutes(log: requestLog, faults: faults).register(on: router.group("__demo"))
        KeycardRoutes(store: keycard).register(on: router)
        return router
    }
}
