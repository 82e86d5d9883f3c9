import APICore
import CloudflareAPI
import ConsoleModel
import ConsoleTesting
import ConsoleUI
import TUIKit
import Testing

/// The header shows the session's rate-limit budget only once less than a quarter of it is left.
@MainActor
@Suite("Rate-limit budget in the header")
struct RateBudgetHeaderTests {
    @Test func theBudgetAppearsUnderAQuarterAndNotBefore() async throws {
        let demo = await InProcessDemo.start(InProcessDemo.configuration())
        let budget = RateBudget(default: RateLimit(requests: 40, window: .seconds(300)))
        let session = ConsoleSession(profile: "test", directory: try demo.cloudflareDirectory(), budget: budget)
        let runtime = ConsoleRuntime(
            backend: FakeTerminal(size: Size(width: 120, height: 40)), session: session,
            header: HeaderInfo(profile: "test", provider: .cloudflare, isDemo: true), theme: .defaultDark)
        for _ in 0..<20 { budget.sending() }
        #expect(!runtime.frame().lines()[0].contains("RATE"), "half the budget left: no marker")
        for _ in 0..<15 { budget.sending() }
        let header = runtime.frame().lines()[0]
        #expect(header.contains("RATE 5/40 per 5m"), "\(header)")
        #expect(header.contains("DEMO"))
    }
}
