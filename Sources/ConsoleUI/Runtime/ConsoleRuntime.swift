import APICore
import ConsoleModel
import Foundation
import TUIKit

/// The one writer of `AppState`: merges terminal input and view-model events, turns keys into intents, and renders
/// at most one frame per batch of events (and at most 60 a second).
@MainActor
public final class ConsoleRuntime {
    public internal(set) var state: AppState
    public internal(set) var session: ConsoleSession
    public internal(set) var header: HeaderInfo
    public let keyMap: KeyMap
    public internal(set) var theme: Theme
    let backend: any TerminalBackend
    let themes: ThemeCatalog
    private let elapsed: @Sendable () -> Duration
    /// Called with text to copy (OSC 52), when the user enabled it.
    let copy: ((String) -> Void)?
    let profiles: ProfileSwitcher?
    /// Sessions opened so far, by profile, so switching back keeps each profile's cache.
    var sessions: [String: (session: ConsoleSession, header: HeaderInfo)] = [:]
    private let wakeups: AsyncStream<RuntimeEvent>
    private let wake: AsyncStream<RuntimeEvent>.Continuation
    /// Told after every event the runtime handled (tests wait on state with it).
    private var observers: [AsyncStream<Void>.Continuation] = []
    /// The wall clock the risk lens measures ages against (tests fix it to the seed's date).
    public var wallClock: @Sendable () -> Date = { Date() }
    private var followers: [Task<Void, Never>] = []
    private var renderScheduled = false
    private var lastFrameAt: Duration = .zero

    public init(
        backend: any TerminalBackend, session: ConsoleSession, header: HeaderInfo, theme: Theme,
        themes: ThemeCatalog = ThemeCatalog(), keyMap: KeyMap = KeyMap(),
        clock: any Clock<Duration> = ContinuousClock(), copy: ((String) -> Void)? = nil,
        profiles: ProfileSwitcher? = nil
    ) {
        self.backend = backend
        self.session = session
        self.header = header
        self.theme = theme
        self.themes = themes
        self.keyMap = keyMap
        self.copy = copy
        self.profiles = profiles
        elapsed = Self.elapsedReader(clock)
        state = AppState(size: backend.size, themeName: theme.name)
        (wakeups, wake) = AsyncStream.makeStream(of: RuntimeEvent.self)
        sessions[session.profile] = (session, header)
        follow(session)
    }

    isolated deinit {
        for follower in followers { follower.cancel() }
        for observer in observers { observer.finish() }
    }

    private static func elapsedReader<C: Clock>(_ clock: C) -> @Sendable () -> Duration where C.Duration == Duration {
        let start = clock.now
        return { start.duration(to: clock.now) }
    }

    /// Hands every event of `session` to the runtime while it is the current one.
    func follow(_ session: ConsoleSession) {
        let events = session.subscribe()
        followers.append(
            Task { [weak self] in
                for await event in events {
                    guard let self, self.session === session else { continue }
                    self.receive(.model(event))
                }
            })
    }

    /// Runs `work` as a task; its result comes back as an event that `land` applies in `receive` (dropped if the
    /// profile changed meanwhile), drawn by the frame scheduler. No task writes state or draws on its own.
    func effect<Value: Sendable>(
        _ work: @escaping @Sendable () async -> Value,
        whenProfileChanged dropped: (@MainActor @Sendable (Value) -> Void)? = nil,
        land: @escaping @MainActor @Sendable (ConsoleRuntime, Value) -> Void
    ) {
        let current = session
        Task { [weak self] in
            let value = await work()
            self?.receive(
                .effect(
                    EffectResult { runtime in
                        guard runtime.session === current else { return dropped?(value) ?? () }
                        land(runtime, value)
                    }))
        }
    }

    /// Runs `work` as a task whose result lands whatever profile is shown (a sweep of every profile, an offboarding
    /// step); `report` hands a progress event to the runtime on the way. No task writes state or draws on its own.
    func crossProfileEffect<Value: Sendable>(
        _ work: @escaping @Sendable (_ report: @escaping @Sendable (EffectResult) async -> Void) async -> Value,
        land: @escaping @MainActor @Sendable (ConsoleRuntime, Value) -> Void
    ) {
        Task { [weak self] in
            let value = await work { [weak self] progress in await self?.receive(.effect(progress)) }
            self?.receive(.effect(EffectResult { land($0, value) }))
        }
    }

    /// The one place an event changes the state: terminal input, a model event, an effect's result, a tick.
    func receive(_ event: RuntimeEvent) {
        switch event {
        case .input(let input): handle(input)
        case .model(let event): apply(event)
        case .effect(let result):
            result.land(self)
            settle()
        case .tick:
            guard isBusy else { return }
            state.tick += 1
        }
        if !state.shouldQuit { scheduleFrame() }
        for observer in observers { observer.yield() }
    }

    /// A stream that yields after every event the runtime handled, from now on.
    public func observe() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        observers.append(continuation)
        return stream
    }

    /// Runs until the user quits: starts the session, then handles input and model events as they come.
    public func run() async {
        session.start()
        settle()
        redraw()
        let wake = wake
        let input = Task { [backend] in
            for await event in backend.events { wake.yield(.input(event)) }
            wake.yield(.input(.key(.control("c"))))
        }
        let ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(120))
                wake.yield(.tick)
            }
        }
        defer {
            input.cancel()
            ticker.cancel()
            for (_, opened) in sessions { opened.session.finish() }
        }
        for await event in wakeups {
            receive(event)
            if state.shouldQuit { return }
        }
    }

    /// Draws now when the last frame is at least 1/60 s old, else once that much time has passed: a burst of
    /// events (200 pages landing) costs a handful of frames, and a key press is drawn at once.
    private func scheduleFrame() {
        guard !renderScheduled else { return }
        let wait = .milliseconds(16) - (now - lastFrameAt)
        guard wait > .zero else { return drawFrame() }
        renderScheduled = true
        Task { [weak self] in
            try? await Task.sleep(for: wait)
            self?.renderScheduled = false
            self?.drawFrame()
        }
    }

    private func drawFrame() {
        lastFrameAt = now
        redraw()
    }

    /// Renders the current state and hands the frame to the terminal.
    public func redraw() {
        backend.present(frame())
    }

    /// The frame for the current state: pure, it writes nothing.
    public func frame() -> Buffer {
        ScreenRenderer.render(
            ScreenModel(state: state, header: header, session: session, keyMap: keyMap, now: now), theme: theme)
    }

    private var isBusy: Bool {
        [
            session.accounts.snapshot.loadState, session.members.snapshot.loadState, session.tokens.snapshot.loadState,
            session.invitations.snapshot.loadState,
        ].contains { if case .loading = $0 { true } else { false } }
            || session.tokens.rotation?.step == .creating || session.tokens.rotation?.step == .deletingOld
    }

    var now: Duration { elapsed() }

    // MARK: - Events

    /// Applies one input event.
    public func handle(_ event: InputEvent) {
        defer { settle() }
        switch event {
        case .resize(let size):
            state.size = size
        case .mouse(let button, _, let y):
            handleMouse(button, y: y)
        case .key(let key):
            if key == .control("c") { return quit() }
            if state.overlay != nil { return handleOverlayKey(key) }
            if state.editingFilter { return handleFilterKey(key) }
            if let action = keyMap.action(for: key, in: actionContext) { perform(action) }
        }
    }

    /// Applies one view-model event: notices go to the status line, which the runtime alone writes.
    public func apply(_ event: ModelEvent) {
        // An offboarding plan on screen shows each step's outcome itself; the status line keeps the plan's summary.
        if case .notice(let notice) = event, !isShowingOffboarding { state.flash = notice }
        if case .secret = state.overlay, session.tokens.reveal == nil { state.overlay = nil }
        settle()
    }

    private var isShowingOffboarding: Bool {
        if case .offboarding = state.overlay { true } else { false }
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
    var currentList: any SelectableList { list(for: state.pane) }

    /// The id of the active pane's selected row.
    public var currentSelectedRowID: String? { currentList.selectedID }

    func list(for pane: PaneID) -> any SelectableList {
        switch pane {
        case .accounts: session.accounts.list
        case .members: session.members.list
        case .tokens: session.tokens.list
        case .invitations: session.invitations.list
        }
    }

    var pageSize: Int { ScreenRenderer.visibleRows(for: state.size, showDetails: state.showDetails) }

    /// Keeps each pane's selection in view (scroll offsets live in `AppState`, written here and nowhere else).
    func settle() {
        for pane in PaneID.allCases {
            let list = list(for: pane)
            list.viewportHeight = pageSize
            // A list reloading after Esc has no rows yet: keep the offset it is being restored to.
            if list.rowCount == 0 { continue }
            let selected = list.selectedIndex ?? 0
            var offset = state.offsets[pane] ?? 0
            if selected < offset { offset = selected }
            if selected >= offset + pageSize { offset = selected - pageSize + 1 }
            offset = max(0, min(offset, max(0, list.rowCount - pageSize)))
            state.offsets[pane] = offset
        }
    }
}

/// What the runtime reacts to; each event carries what it brings.
enum RuntimeEvent: Sendable {
    case input(InputEvent)
    case model(ModelEvent)
    case effect(EffectResult)
    case tick
}

/// The result of an effect, as the change it makes to the runtime when it lands.
struct EffectResult: Sendable {
    let land: @MainActor @Sendable (ConsoleRuntime) -> Void
}
