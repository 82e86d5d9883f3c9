import APICore
import Clocks
import ConsoleModel
import ConsoleTesting
import ConsoleUI
import DemoServer
import Foundation
import OpenAIAdminAPI
import TUIKit

/// A runtime over a fake terminal and the OpenAI Admin API of an in-process DemoServer (120 users, pages of 50),
/// with a test clock for the key guard.
@MainActor
struct OpenAIHarness {
    let demo: InProcessDemo
    let terminal: FakeTerminal
    let session: ConsoleSession
    let runtime: ConsoleRuntime
    let clock: TestClock<Duration>
    let waiter: ModelEventWaiter

    init(size: Size = Size(width: 120, height: 40), readOnly: Bool = false) async throws {
        demo = await InProcessDemo.start()
        terminal = FakeTerminal(size: size)
        session = ConsoleSession(profile: "test", directory: try demo.openAIDirectory(), readOnly: readOnly)
        clock = TestClock()
        runtime = ConsoleRuntime(
            backend: terminal, session: session, header: HeaderInfo(profile: "test", provider: .openAI, isDemo: true),
            theme: .defaultDark, clock: clock)
        waiter = ModelEventWaiter(session)
    }

    /// The server's OpenAI organization.
    var store: OpenAIStore { demo.server.openAI }

    /// Starts the session and waits until the first screen's lists and the signed-in key are loaded.
    func start() async -> Bool {
        session.start()
        return await waiter.until {
            session.accounts.snapshot.loadState == .loaded && session.tokens.snapshot.loadState == .loaded
                && session.invitations.snapshot.loadState == .loaded && session.members.snapshot.loadState == .loaded
                && session.user != nil && session.tokens.signedInTokenID != nil
        }
    }

    /// Presses keys, one event each.
    func press(_ keys: Key...) {
        for key in keys { runtime.handle(.key(key)) }
    }

    /// Types text into whatever has the focus, one key per character.
    func type(_ text: String) {
        for character in text { runtime.handle(.key(.character(character))) }
    }

    /// Lets the confirmation guard pass, as a person's reaction time would.
    func think() async { await clock.advance(by: .milliseconds(200)) }

    /// Enter on the project at `row` of the Accounts pane (the organization is row 0; 1 is "Default Project",
    /// 2 "Production API"), until its members are loaded.
    func enterProject(row: Int) async -> Bool {
        press(.character("1"), .character("g"))
        for _ in 0..<row { press(.character("j")) }
        press(.enter)
        return await waiter.until {
            session.scope.node(.project) != nil && session.members.snapshot.loadState == .loaded
                && session.tokens.snapshot.loadState == .loaded && session.invitations.snapshot.loadState == .loaded
                && !session.invitations.snapshot.rows.isEmpty
        }
    }

    /// How many requests the server answered for `method` on a path ending with `suffix` (after `/v1`).
    func count(_ method: String, _ suffix: String) async -> Int {
        await demo.requests(method, pathSuffix: suffix).count
    }

    /// The current frame's text.
    var screen: [String] { runtime.frame().lines() }

    var text: String { screen.joined(separator: "\n") }

    /// The frame's lines for a golden file: a new key's secret (random on the DemoServer) becomes `×` of its length.
    var stableScreen: [String] { maskingSecrets(screen, session: session) }
}
