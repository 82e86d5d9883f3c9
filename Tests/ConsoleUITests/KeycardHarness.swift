import APICore
import Clocks
import ConsoleModel
import ConsoleTesting
import ConsoleUI
import Foundation
import KeycardAPI
import TUIKit

/// A runtime over a fake terminal and the fake Keycard API (pages of 50), with a test clock for the key guard.
@MainActor
struct KeycardHarness {
    let api: FakeKeycardAPI
    let terminal: FakeTerminal
    let session: ConsoleSession
    let runtime: ConsoleRuntime
    let clock: TestClock<Duration>
    let waiter: ModelEventWaiter

    /// `legacyEndpoints: false` is a newer server: its users and roles endpoints answer 404.
    init(size: Size = Size(width: 120, height: 40), legacyEndpoints: Bool = true, readOnly: Bool = false) throws {
        api = FakeKeycardAPI(legacyEndpoints: legacyEndpoints)
        terminal = FakeTerminal(size: size)
        session = ConsoleSession(profile: "test", directory: try api.directory(limit: 50), readOnly: readOnly)
        clock = TestClock()
        runtime = ConsoleRuntime(
            backend: terminal, session: session, header: HeaderInfo(profile: "test", provider: .keycard, isDemo: true),
            theme: .defaultDark, clock: clock)
        waiter = ModelEventWaiter(session)
    }

    /// Starts the session and waits until the organizations and the signed-in profile are loaded.
    func start() async -> Bool {
        session.start()
        return await waiter.until {
            session.accounts.snapshot.loadState == .loaded && session.accounts.snapshot.rows.count == 3
                && session.user != nil
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

    /// Enter on the organization at `row` of the Accounts pane, until its members (or the placeholder saying the
    /// server has none), service accounts and invitations are loaded.
    func enterOrganization(row: Int) async -> Bool {
        press(.character("1"), .character("g"))
        for _ in 0..<row { press(.character("j")) }
        press(.enter)
        return await waiter.until {
            session.scope.node(.organization) != nil && session.members.snapshot.loadState == .loaded
                && session.tokens.snapshot.loadState == .loaded && session.invitations.snapshot.loadState == .loaded
                && !session.tokens.snapshot.rows.isEmpty
        }
    }

    /// Tokens, the service account at `row` (one with credentials), Enter: until its credentials are listed.
    func enterServiceAccount(row: Int) async -> Bool {
        press(.character("3"), .character("g"))
        for _ in 0..<row { press(.character("j")) }
        press(.enter)
        return await waiter.until {
            session.scope.node(.serviceAccount) != nil && session.tokens.snapshot.loadState == .loaded
                && !session.tokens.snapshot.rows.isEmpty && session.tokens.snapshot.rows.allSatisfy { $0.kind == .credential }
                // The other panes follow the new scope too (from the cache): wait until they settle.
                && session.members.snapshot.loadState == .loaded && session.invitations.snapshot.loadState == .loaded
        }
    }

    /// The current frame's text.
    var screen: [String] { runtime.frame().lines() }

    var text: String { screen.joined(separator: "\n") }
}
