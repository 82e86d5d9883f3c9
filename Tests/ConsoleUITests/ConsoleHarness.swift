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
            backend: terminal, session: session,
            header: HeaderInfo(profile: "test", provider: .cloudflare, isDemo: true),
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

/// `lines` with the session's revealed secret and a rotation's new secret, if any, replaced by `×`: every run of 8 or
/// more characters taken from a secret, and the start of a line that continues a masked run (a long secret wraps).
@MainActor
func maskingSecrets(_ lines: [String], session: ConsoleSession) -> [String] {
    let secrets = [session.tokens.reveal?.secret.reveal(), session.tokens.rotation?.secret?.reveal()]
        .compactMap { $0 }.filter { !$0.isEmpty }
    guard !secrets.isEmpty else { return lines }
    var continues = false
    return lines.map { line in
        var masked = Array(secrets.reduce(line) { masking($1, in: $0) })
        let start = (masked.firstIndex(of: "│").map { $0 + 1 } ?? 0)
        if continues, let first = masked[start...].firstIndex(where: { $0 != " " }) {
            let end = masked[first...].firstIndex { $0 == " " || $0 == "│" } ?? masked.endIndex
            if secrets.contains(where: { $0.contains(String(masked[first..<end])) }) {
                for index in first..<end { masked[index] = "×" }
            }
        }
        // A masked run followed only by blanks up to the border (or the end) may go on on the next line.
        continues =
            masked.lastIndex(of: "×").map { last in
                masked[(last + 1)...].prefix { $0 != "│" }.allSatisfy { $0 == " " }
            } ?? false
        return String(masked)
    }
}

/// `line` with each run of at least `minimum` characters that occurs in `secret` replaced by `×` of its length (10,
/// so a row named like the secret's fixed prefix, `old-admin-script` beside `sk-admin-s…`, is left alone).
private func masking(_ secret: String, in line: String, minimum: Int = 10) -> String {
    let characters = Array(line)
    var masked = characters
    var start = 0
    while start < characters.count {
        var end = start
        while end < characters.count, secret.contains(String(characters[start...end])) { end += 1 }
        if end - start >= minimum {
            for index in start..<end { masked[index] = "×" }
            start = end
        } else {
            start += 1
        }
    }
    return String(masked)
}

/// Where this target's golden files live.
let goldensDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
