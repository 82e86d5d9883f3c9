import APICore
import ConsoleModel
import ConsoleUI
import Foundation
import TUIKit

/// A console session with a member list loaded, and the frame and filter timings over it.
@MainActor
struct ScreenBench {
    let session: ConsoleSession
    let header: HeaderInfo
    let size = Size(width: 120, height: 40)

    /// A session over the fixture's recording with (at least) `rows` members loaded.
    static func loaded(_ fixture: ProviderFixture, rows: Int) async throws -> ScreenBench {
        let session = ConsoleSession(profile: "bench", directory: fixture.replayDirectory())
        session.members.setScope(fixture.scope)
        let list = session.members.list
        func failure() throws {
            if case .failed(let message) = list.snapshot.loadState { throw BenchError.setup(message) }
        }
        try await waitUntil("the first page") {
            try failure()
            return list.snapshot.pagesLoaded > 0 && !list.isLoading
        }
        if rows >= fixture.memberCount {
            list.loadAll()
            try await waitUntil("every page") {
                try failure()
                return list.snapshot.loadedCount >= fixture.memberCount && !list.isLoading
            }
        } else {
            while list.snapshot.loadedCount < rows, list.snapshot.hasMore {
                let before = list.snapshot.pagesLoaded
                list.loadNextPage()
                try await waitUntil("page \(before + 1)") {
                    try failure()
                    return list.snapshot.pagesLoaded > before && !list.isLoading
                }
            }
        }
        return ScreenBench(
            session: session, header: HeaderInfo(profile: "bench", provider: fixture.provider, isDemo: true))
    }

    /// Builds the screen model and draws one Members frame, with the selection at `row`.
    func frame(selecting row: Int) -> Buffer {
        var state = AppState(size: size, themeName: "default")
        state.pane = .members
        let visible = ScreenRenderer.visibleRows(for: size, showDetails: false)
        state.offsets[.members] = TableWidget.scrollOffset(
            selected: row, current: 0, visibleRows: visible, rowCount: session.members.snapshot.rows.count)
        let model = ScreenModel(state: state, header: header, session: session, keyMap: KeyMap())
        return ScreenRenderer.render(model, theme: .defaultDark)
    }

    /// `frames` frames at selections spread over the list.
    func frames(_ frames: Int) -> Measurement {
        let list = session.members.list
        let count = list.snapshot.rows.count
        var samples = Samples()
        var generator = SystemRandomNumberGenerator()
        _ = frame(selecting: 0)
        for _ in 0..<frames {
            let row = Int.random(in: 0..<max(1, count), using: &generator)
            list.select(index: row)
            samples.add(timed { _ = frame(selecting: row) })
        }
        return Measurement("members frame 120×40", "\(APIBench.count(list.snapshot.loadedCount)) rows loaded", samples)
    }

    /// Typing and erasing needles taken from loaded rows, one keystroke at a time.
    func filterKeystrokes(words: Int) -> Measurement {
        let list = session.members.list
        let loaded = list.snapshot.loadedCount
        var samples = Samples()
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<words {
            let member = list.snapshot.rows[Int.random(in: 0..<max(1, list.snapshot.rows.count), using: &generator)]
            let word = Array(member.email.prefix(6))
            var typed = ""
            for character in word {
                typed.append(character)
                let needle = typed
                samples.add(timed { list.setFilter(needle) })
            }
            while !typed.isEmpty {
                typed.removeLast()
                let needle = typed
                samples.add(timed { list.setFilter(needle) })
            }
        }
        return Measurement(
            "filter keystroke", "\(APIBench.count(loaded)) rows, type + erase \(words) words", samples)
    }

    /// Waits (polling the main actor) until `condition` holds, for at most two minutes.
    static func waitUntil(_ what: String, _ condition: () throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(120)
        while try !condition() {
            guard ContinuousClock.now < deadline else { throw BenchError.setup("timed out waiting for \(what)") }
            try await Task.sleep(for: .milliseconds(1))
        }
    }
}
