import APICore
import Clocks
import CloudflareAPI
import ConsoleModel
import ConsoleTesting
import ConsoleUI
import Foundation
import TUIKit

/// A runtime over a fake terminal and the fake Cloudflare API, with a test clock for the confirmation guard.
@MainActor
struct ConsoleHarness {
    let api: FakeCloudflareAPI
    let terminal: FakeTerminal
    let session: ConsoleSession
    let runtime: ConsoleRuntime
    let clock: TestClock<Duration>
    let waiter: ModelEventWaiter

    init(size: Size = Size(width: 120, height: 40), readOnly: Bool = false, keyMap: KeyMap = KeyMap()) throws {
        api = FakeCloudflareAPI(accounts: 2, members: 120)
        terminal = FakeTerminal(size: size)
        session = ConsoleSession(profile: "test", directory: try api.directory(), readOnly: readOnly)
        clock = TestClock()
        runtime = ConsoleRuntime(
            backend: terminal, session: session, header: HeaderInfo(profile: "test", provider: .cloudflare, isDemo: true),
            theme: .defaultDark, keyMap: keyMap, clock: clock)
        waiter = ModelEventWaiter(session)
    }

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

    /// The current frame's text.
    var screen: [String] { runtime.frame().lines() }

    var text: String { screen.joined(separator: "\n") }
}

/// Where this target's golden files live.
let goldensDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
