import APICore
import Clocks
import ConsoleModel
import ConsoleTesting
import ConsoleUI
import DemoServer
import Foundation
import TUIKit

/// A runtime whose three profiles are the three providers of one in-process DemoServer (as `--demo` has them), a
/// journal file of its own, and the risk lens's clock fixed to the seed's date.
@MainActor
struct PeopleHarness {
    static let profiles = ["cloudflare", "openai", "keycard"]

    let demo: InProcessDemo
    let runtime: ConsoleRuntime
    let journal: URL
    let clock: TestClock<Duration>

    init(size: Size = Size(width: 120, height: 40), readOnly: Bool = false, first: String = "cloudflare") async throws {
        let demo = await InProcessDemo.start()
        self.demo = demo
        let journal = FileManager.default.temporaryDirectory.appendingPathComponent(
            "orgtui-people-\(UUID().uuidString).jsonl")
        self.journal = journal
        @MainActor func open(_ name: String) throws -> (ConsoleSession, HeaderInfo) {
            let provider: Provider = name == "openai" ? .openAI : name == "keycard" ? .keycard : .cloudflare
            let session = ConsoleSession(
                profile: name, directory: try demo.directory(provider), readOnly: readOnly,
                journal: JournalFile(path: journal.path))
            return (session, HeaderInfo(profile: name, provider: provider, isDemo: true))
        }
        let (session, header) = try open(first)
        clock = TestClock()
        runtime = ConsoleRuntime(
            backend: FakeTerminal(size: size), session: session, header: header, theme: .defaultDark, clock: clock,
            profiles: ProfileSwitcher(names: Self.profiles) { name in try open(name) })
        runtime.wallClock = { InProcessDemo.referenceDate }
        session.start()
    }

    /// Presses keys, one event each.
    func press(_ keys: Key...) {
        for key in keys { runtime.handle(.key(key)) }
    }

    /// Types text, one key a character.
    func type(_ text: String) {
        for character in text { runtime.handle(.key(.character(character))) }
    }

    /// True as soon as `condition` holds, checked after each event the runtime handles; false after `timeout`.
    func until(timeout: Duration = .seconds(60), _ condition: @MainActor () -> Bool) async -> Bool {
        if condition() { return true }
        let changes = runtime.observe()
        let (wakeups, wake) = AsyncStream.makeStream(of: Void.self)
        let forward = Task {
            for await _ in changes { wake.yield() }
        }
        // A deadline, not a wait: the loop below ends as soon as the condition holds.
        let timer = Watchdog.start(after: timeout) { wake.yield() }
        defer {
            forward.cancel()
            timer.cancel()
        }
        let deadline = ContinuousClock.now + timeout
        for await _ in wakeups {
            if condition() { return true }
            if ContinuousClock.now >= deadline { return false }
        }
        return condition()
    }

    /// Opens `:command` and waits until every profile's sweep landed.
    func open(_ command: String) async -> Bool {
        press(.character(":"))
        type(command)
        press(.enter)
        return await until { !runtime.state.lens.isLoading && runtime.state.lens.profiles.count == 3 }
    }

    /// The journal's lines as JSON objects.
    func journalEntries() -> [[String: Any]] {
        guard let text = try? String(contentsOf: journal, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
    }

    var screen: [String] { runtime.frame().lines() }
    var text: String { screen.joined(separator: "\n") }
}
