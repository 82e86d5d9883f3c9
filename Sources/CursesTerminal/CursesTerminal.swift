import CNCursesW
import Dispatch
import Foundation
import TUIKit

/// The only code that calls curses: takes over the terminal, draws buffers, turns input into events.
///
/// Every call happens on the main actor (ncurses is not thread-safe). Input is read when stdin becomes
/// readable; SIGWINCH becomes a resize event; SIGINT, SIGTERM and SIGHUP become a quit key, so the runtime ends
/// normally and `stop()` restores the terminal; a fatal signal restores it too (`CrashGuard`).
@MainActor
public final class CursesTerminal: TerminalBackend {
    public let events: AsyncStream<InputEvent>
    private let continuation: AsyncStream<InputEvent>.Continuation
    private var sources: [any DispatchSourceProtocol] = []
    private var pairs = ColorPairs()
    private var running = false
    private let screen: UnsafeMutablePointer<WINDOW>

    /// Initialises curses on the controlling terminal; fails when stdin/stdout is not a terminal.
    /// `mouse` false leaves the mouse to the terminal, so text can be selected (over SSH too).
    public static func start(mouse: Bool = true) throws -> CursesTerminal {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw CursesTerminalError.notATerminal }
        setlocale(LC_ALL, "")
        CrashGuard.install()
        guard let screen = initscr() else { throw CursesTerminalError.initializationFailed }
        return CursesTerminal(screen: screen, mouse: mouse)
    }

    private init(screen: UnsafeMutablePointer<WINDOW>, mouse: Bool) {
        self.screen = screen
        (events, continuation) = AsyncStream.makeStream(of: InputEvent.self)
        cbreak()
        noecho()
        nonl()
        keypad(screen, true)
        nodelay(screen, true)
        set_escdelay(25)
        curs_set(0)
        if mouse {
            mousemask(orgtui_all_mouse_events(), nil)
            mouseinterval(0)
        }
        if has_colors() {
            start_color()
            use_default_colors()
        }
        running = true
        watchInput()
        watchSignals()
    }

    /// The number of colours the terminal offers (0 without colour support).
    public var colorCount: Int { has_colors() ? Int(orgtui_colors()) : 0 }

    public var size: Size { Size(width: Int(orgtui_getmaxx(screen)), height: Int(orgtui_getmaxy(screen))) }

    public func present(_ buffer: Buffer) {
        guard running else { return }
        let width = min(buffer.size.width, size.width)
        let height = min(buffer.size.height, size.height)
        for y in 0..<height {
            var x = 0
            while x < width {
                let style = buffer[x, y].style
                var run: [wchar_t] = []
                let start = x
                while x < width, buffer[x, y].style == style {
                    let cell = buffer[x, y]
                    // The right half of a wide glyph has no text: curses already advanced past it.
                    run.append(contentsOf: cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) })
                    x += 1
                }
                run.append(0)
                orgtui_set_style(screen, attributes(of: style), pairs.pair(for: style))
                _ = run.withUnsafeBufferPointer { mvwaddwstr(screen, Int32(y), Int32(start), $0.baseAddress) }
            }
        }
        wnoutrefresh(screen)
        doupdate()
    }

    /// Restores the terminal; safe to call more than once.
    public func stop() {
        guard running else { return }
        running = false
        for source in sources { source.cancel() }
        sources = []
        endwin()
        continuation.finish()
    }

    // MARK: - Input

    private func watchInput() {
        let source = DispatchSource.makeReadSource(fileDescriptor: STDIN_FILENO, queue: .main)
        source.setEventHandler { [weak self] in
            MainActor.assumeIsolated { self?.drainInput() }
        }
        source.resume()
        sources.append(source)
    }

    private func drainInput() {
        guard running else { return }
        var character: wint_t = 0
        while true {
            let result = wget_wch(screen, &character)
            if result == ERR { break }
            if let event = CursesInput.event(result: result, code: character, screen: screen) {
                continuation.yield(event)
            }
        }
    }

    private func watchSignals() {
        let handlers: [(Int32, @MainActor () -> Void)] = [
            (SIGWINCH, { [weak self] in self?.resized() }),
            (SIGINT, { [weak self] in self?.continuation.yield(.key(.control("c"))) }),
            (SIGTERM, { [weak self] in self?.continuation.yield(.key(.control("c"))) }),
            (SIGHUP, { [weak self] in self?.continuation.yield(.key(.control("c"))) }),
        ]
        for (number, handler) in handlers {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .main)
            source.setEventHandler { MainActor.assumeIsolated { handler() } }
            source.resume()
            sources.append(source)
        }
    }

    private func resized() {
        var window = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0, window.ws_row > 0, window.ws_col > 0 {
            resizeterm(Int32(window.ws_row), Int32(window.ws_col))
        }
        // resizeterm queues KEY_RESIZE; drain it into a resize event.
        drainInput()
        continuation.yield(.resize(size))
    }

    private func attributes(of style: Style) -> attr_t {
        var attributes = orgtui_a_normal()
        if style.bold { attributes |= orgtui_a_bold() }
        if style.dim { attributes |= orgtui_a_dim() }
        if style.underline { attributes |= orgtui_a_underline() }
        if style.reverse { attributes |= orgtui_a_reverse() }
        return attributes
    }
}

/// Why the terminal could not be taken over.
public enum CursesTerminalError: Error, CustomStringConvertible {
    case notATerminal
    case initializationFailed

    public var description: String {
        switch self {
        case .notATerminal: "orgtui needs an interactive terminal (stdin and stdout must be a TTY)"
        case .initializationFailed: "curses could not initialise the terminal (check TERM)"
        }
    }
}
