import APICore
import ConsoleModel
import Foundation
import TUIKit

/// The one writer of `AppState`: merges terminal input and view-model events, turns keys into intents,
/// and renders a frame after each batch.
@MainActor
public final class ConsoleRuntime {
    public internal(set) var state: AppState
    public let session: ConsoleSession
    public let header: HeaderInfo
    public let keyMap: KeyMap
    public internal(set) var theme: Theme
    private let backend: any TerminalBackend
    private let themes: ThemeCatalog
    private let elapsed: @Sendable () -> Duration
    /// Called with text to copy (OSC 52), when the user enabled it.
    private let copy: ((String) -> Void)?

    public init(
        backend: any TerminalBackend, session: ConsoleSession, header: HeaderInfo, theme: Theme,
        themes: ThemeCatalog = ThemeCatalog(), keyMap: KeyMap = KeyMap(),
        clock: any Clock<Duration> = ContinuousClock(), copy: ((String) -> Void)? = nil
    ) {
        self.backend = backend
        self.session = session
        self.header = header
        self.theme = theme
        self.themes = themes
        self.keyMap = keyMap
        self.copy = copy
        elapsed = Self.elapsedReader(clock)
        state = AppState(size: backend.size, themeName: theme.name)
    }

    private static func elapsedReader<C: Clock>(_ clock: C) -> @Sendable () -> Duration where C.Duration == Duration {
        let start = clock.now
        return { start.duration(to: clock.now) }
    }

    /// Runs until the user quits: starts the session, then handles input and model events as they come.
    public func run() async {
        session.start()
        redraw()
        let (merged, continuation) = AsyncStream.makeStream(of: RuntimeEvent.self)
        let input = Task { [backend] in
            for await event in backend.events { continuation.yield(.input(event)) }
            continuation.yield(.input(.key(.control("c"))))
        }
        let model = Task { [session] in
            for await event in session.events { continuation.yield(.model(event)) }
        }
        let ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(120))
                continuation.yield(.tick)
            }
        }
        defer {
            input.cancel()
            model.cancel()
            ticker.cancel()
            session.finish()
        }
        for await event in merged {
            switch event {
            case .input(let input): handle(input)
            case .model: break
            case .tick:
                guard isBusy else { continue }
                state.tick += 1
            }
            if state.shouldQuit { return }
            redraw()
        }
    }

    /// Renders the current state and hands the frame to the terminal.
    public func redraw() {
        backend.present(frame())
    }

    /// The frame for the current state.
    public func frame() -> Buffer {
        keepSelectionInView()
        return ScreenRenderer.render(ScreenModel(state: state, header: header, session: session, keyMap: keyMap), theme: theme)
    }

    private var isBusy: Bool {
        [session.accounts.snapshot.loadState, session.members.snapshot.loadState, session.tokens.snapshot.loadState,
         session.invitations.snapshot.loadState].contains { if case .loading = $0 { true } else { false } }
    }

    var now: Duration { elapsed() }

    // MARK: - Events

    /// Applies one input event.
    public func handle(_ event: InputEvent) {
        switch event {
        case .resize(let size):
            state.size = size
        case .mouse(let button, _, let y):
            handleMouse(button, y: y)
        case .key(let key):
            if key == .control("c") { return quit() }
            if state.overlay != nil { return handleOverlayKey(key) }
            if state.editingFilter { return handleFilterKey(key) }
            if let action = keyMap.action(for: key, on: state.pane) { perform(action) }
        }
    }

    /// Shows a message in the status line.
    public func flash(_ notice: Notice) {
        state.flash = notice
    }

    func quit() {
        state.shouldQuit = true
    }

    private func handleMouse(_ button: MouseButton, y: Int) {
        guard state.overlay == nil else { return }
        switch button {
        case .wheelDown: currentList.moveSelection(by: 3)
        case .wheelUp: currentList.moveSelection(by: -3)
        case .left:
            let row = y - 3 + (state.offsets[state.pane] ?? 0)
            if y >= 3 { currentList.select(index: row) }
        default: break
        }
    }

    // MARK: - Lists

    /// The list behind the active pane.
    var currentList: any SelectableList {
        switch state.pane {
        case .accounts: session.accounts.list
        case .members: session.members.list
        case .tokens: session.tokens.list
        case .invitations: session.invitations.list
        }
    }

    private var pageSize: Int { ScreenRenderer.visibleRows(for: state.size, showDetails: state.showDetails) }

    private func keepSelectionInView() {
        for pane in PaneID.allCases {
            let list: any SelectableList = pane == state.pane ? currentList : listFor(pane)
            list.viewportHeight = pageSize
            let selected = list.selectedIndex ?? 0
            var offset = state.offsets[pane] ?? 0
            if selected < offset { offset = selected }
            if selected >= offset + pageSize { offset = selected - pageSize + 1 }
            offset = max(0, min(offset, max(0, list.rowCount - pageSize)))
            state.offsets[pane] = offset
        }
    }

    private func listFor(_ pane: PaneID) -> any SelectableList {
        switch pane {
        case .accounts: session.accounts.list
        case .members: session.members.list
        case .tokens: session.tokens.list
        case .invitations: session.invitations.list
        }
    }

    func setTheme(named name: String) {
        switch themes.theme(named: name) {
        case .success(let loaded):
            theme = loaded.theme
            state.themeName = loaded.theme.name
            state.flash = loaded.warnings.isEmpty
                ? Notice(.success, "Theme \(loaded.theme.name)")
                : Notice(.warning, "Theme \(loaded.theme.name): " + loaded.warnings.joined(separator: "; "))
        case .failure(let error):
            state.flash = Notice(.error, error.message)
        }
    }

    func copyToClipboard(_ text: String, what: String) {
        guard let copy else {
            state.flash = Notice(.info, "Copying is off: set copy_osc52 = true in the config to copy with y / c")
            return
        }
        copy(text)
        state.flash = Notice(.success, "Copied \(what) to the clipboard")
    }
}

/// What the runtime loop reacts to.
enum RuntimeEvent: Sendable {
    case input(InputEvent)
    case model(ModelEvent)
    case tick
}
