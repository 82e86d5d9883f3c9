import APICore
import Clocks
import ConsoleModel
import ConsoleTesting
import ConsoleUI
import DemoServer
import Foundation
import KeycardAPI
import TUIKit

/// A runtime over a fake terminal and the Keycard API of an in-process DemoServer (120 users besides the demo user
/// in Acme Robotics, pages of 50), with a test clock for the key guard.
@MainActor
struct KeycardHarness {
    let demo: InProcessDemo
    let terminal: FakeTerminal
    let session: ConsoleSession
    let runtime: ConsoleRuntime
    let clock: TestClock<Duration>
    let waiter: ModelEventWaiter

    /// `legacyEndpoints: false` is a newer server: its users and roles endpoints answer 404.
    init(size: Size = Size(width: 120, height: 40), legacyEndpoints: Bool = true, readOnly: Bool = false) async throws {
        demo = await InProcessDemo.start(InProcessDemo.configuration(keycardLegacyEndpoints: legacyEndpoints))
        terminal = FakeTerminal(size: size)
        session = ConsoleSession(profile: "test", directory: try demo.keycardDirectory(), readOnly: readOnly)
        clock = TestClock()
        runtime = ConsoleRuntime(
            backend: terminal, session: session, header: HeaderInfo(profile: "test", provider: .keycard, isDemo: true),
            theme: .defaultDark, clock: clock)
        waiter = ModelEventWaiter(session)
    }

    /// The server's Keycard state.
    var store: KeycardStore { demo.server.keycard }

    /// Starts the session and waits until the organizations (every one the demo user belongs to) and the signed-in
    /// profile are loaded.
    func start() async -> Bool {
        let organizations = await store.userOrganizationIDs().count
        session.start()
        return await waiter.until {
            session.accounts.snapshot.loadState == .loaded && session.accounts.snapshot.rows.count == organizations
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

    /// Enter on the organization at `row` of the Accounts pane (0 is Acme Robotics, 1 Globex Research, with SSO),
    /// until its members (or the placeholder saying the server has none), service accounts and invitations are loaded.
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

    /// Tokens, the service account at `row` (one with credentials; 0 is ci-deploy), Enter: until its credentials
    /// are listed.
    func enterServiceAccount(row: Int) async -> Bool {
        press(.character("3"), .character("g"))
        for _ in 0..<row { press(.character("j")) }
        press(.enter)
        return await waiter.until {
            session.scope.node(.serviceAccount) != nil && session.tokens.snapshot.loadState == .loaded
                && !session.tokens.snapshot.rows.isEmpty
                && session.tokens.snapshot.rows.allSatisfy { $0.kind == .credential }
                // The other panes follow the new scope too (from the cache): wait until they settle.
                && session.members.snapshot.loadState == .loaded && session.invitations.snapshot.loadState == .loaded
        }
    }

    /// How many requests the server answered for `method` on a path ending with `suffix`.
    func count(_ method: String, _ suffix: String) async -> Int {
        await demo.requests(method, pathSuffix: suffix).count
    }

    /// The current frame's text.
    var screen: [String] { runtime.frame().lines() }

    var text: String { screen.joined(separator: "\n") }

    /// The frame's lines for a golden file: a new credential's secret (random on the DemoServer) becomes `×`.
    var stableScreen: [String] { maskingSecrets(screen, session: session) }
}

/// The seeded Keycard ids the tests name: Acme Robotics and its service accounts.
struct KeycardSeed {
    let acme: String
    let globex: String
    /// Acme's service accounts in list order: ci-deploy, orgtui-demo, terraform, backup-bot, the hostile one.
    let serviceAccounts: [String]

    /// Reads them from the server.
    init(_ store: KeycardStore) async {
        acme = store.bigOrganizationID
        globex = store.ssoOrganizationID
        serviceAccounts = await store.serviceAccounts(organizationID: store.bigOrganizationID).map(\.id)
    }

    /// `/organizations/{acme}`.
    var acmePath: String { "/organizations/\(acme)" }

    /// The credentials path of the service account at `index`.
    func credentialsPath(_ index: Int) -> String {
        "\(acmePath)/service-accounts/\(serviceAccounts[index])/credentials"
    }
}
