import APICore
import Clocks
import CloudflareAPI
import ConsoleModel
import ConsoleTesting
import ConsoleUI
import DemoServer
import Foundation
import TUIKit

/// A runtime over a fake terminal and the Cloudflare API of an in-process DemoServer (120 members in the big
/// account, pages of 50), with a test clock for the confirmation guard.
@MainActor
struct ConsoleHarness {
    let demo: InProcessDemo
    let terminal: FakeTerminal
    let session: ConsoleSession
    let runtime: ConsoleRuntime
    let clock: TestClock<Duration>
    let waiter: ModelEventWaiter

    init(
        size: Size = Size(width: 120, height: 40), readOnly: Bool = false, keyMap: KeyMap = KeyMap(),
        configuration: DemoServerConfiguration = InProcessDemo.configuration()
    ) async throws {
        demo = await InProcessDemo.start(configuration)
        terminal = FakeTerminal(size: size)
        session = ConsoleSession(profile: "test", directory: try demo.cloudflareDirectory(), readOnly: readOnly)
        clock = TestClock()
        runtime = ConsoleRuntime(
            backend: terminal, session: session, header: HeaderInfo(profile: "test", provider: .cloudflare, isDemo: true),
            theme: .defaultDark, keyMap: keyMap, clock: clock)
        waiter = ModelEventWaiter(session)
    }

    /// The server's Cloudflare state.
    var store: CloudflareStore { demo.server.store }

    /// Starts the session and waits until the first screen's lists are loaded.
    func start() async -> Bool {
        session.start()
        return await waiter.until {
            session.accounts.snapshot.loadState == .loaded && session.tokens.snapshot.loadState == .loaded
                && session.invitations.snapshot.loadState == .loaded && session.user != nil
                && session.tokens.signedInTokenID != nil
        }
    }

    /// Presses keys, one event each.
    func press(_ keys: Key...) {
        for key in keys { runtime.handle(.key(key)) }
    }

    /// Lets the confirmation guard pass, as a person's reaction time would.
    func think() async { await clock.advance(by: .milliseconds(200)) }

    /// The id of the account at `index` of `/accounts` (0 is the big account, "Acme Corp"; 1 is "Globex Staging").
    func accountID(_ index: Int) async -> String { await store.visibleAccountIDs()[index] }

    /// How many requests the server answered for `method` on a path ending with `suffix`.
    func count(_ method: String, _ suffix: String) async -> Int {
        await demo.requests(method, pathSuffix: suffix).count
    }

    /// The current frame's text.
    var screen: [String] { runtime.frame().lines() }

    var text: String { screen.joined(separator: "\n") }

    /// The frame's lines for a golden file: a revealed secret (random on the DemoServer) becomes `×` of its length.
    var stableScreen: [String] { maskingSecrets(screen, session: session) }
}

/// `lines` with the session's revealed secret, if any, replaced by `×` of the same length.
@MainActor
func maskingSecrets(_ lines: [String], session: ConsoleSession) -> [String] {
    guard let secret = session.tokens.reveal?.secret.reveal(), !secret.isEmpty else { return lines }
    let mask = String(repeating: "×", count: secret.count)
    return lines.map { $0.replacingOccurrences(of: secret, with: mask) }
}

/// Where this target's golden files live.
let goldensDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
