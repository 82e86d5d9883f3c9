import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Puts the terminal back when orgtui dies of a fatal signal while curses owns it (a crash, a `fatalError`): the
/// terminal mode saved before curses changed it, the normal screen, no mouse reporting, a visible cursor. The signal
/// then takes its default action. Swift's own backtracer is not chained to: it writes to the terminal and waits for a
/// key there, over the user's shell; the runtime's fatal-error message is already in the crash log (stderr).
///
/// The handler only calls async-signal-safe functions (`tcsetattr`, `write`, `signal`, `raise`) on memory set up
/// before it was installed; it touches no Swift array, string or lazily initialised global.
enum CrashGuard {
    static let signals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]
    /// Saves the terminal's mode and installs the handlers; called once, before curses changes the terminal.
    static func install() {
        guard crashState == nil else { return }
        let restore =
            "\u{1B}[0m\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l\u{1B}[?1l\u{1B}>\u{1B}[?25h\u{1B}[?1049l\r\n"
        let note =
            "orgtui stopped on a fatal signal; the terminal was restored. \n"
        let state = UnsafeMutablePointer<CrashState>.allocate(capacity: 1)
        state.initialize(to: CrashState(restore: bytes(restore), note: bytes(note)))
        state.pointee.hasMode = tcgetattr(STDIN_FILENO, &state.pointee.mode) == 0
        crashState = state
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = restoreTerminalAfterFatalSignal
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
    }

    /// `text`'s UTF-8 in memory of its own, never freed.
    private static func bytes(_ text: String) -> UnsafeMutableBufferPointer<UInt8> {
        let utf8 = Array(text.utf8)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: utf8.count)
        _ = buffer.initialize(from: utf8)
        return buffer
    }
}

/// What the crash handler needs, allocated before it is installed and never freed.
struct CrashState {
    var mode = termios()
    var hasMode = false
    var restore: UnsafeMutableBufferPointer<UInt8>
    var note: UnsafeMutableBufferPointer<UInt8>
}

// Written once by `CrashGuard.install` before any handler that reads it exists; read only by that handler.
nonisolated(unsafe) private var crashState: UnsafeMutablePointer<CrashState>?

private func restoreTerminalAfterFatalSignal(_ signal: Int32) {
    guard let state = crashState else { return }
    if state.pointee.hasMode { tcsetattr(STDIN_FILENO, TCSANOW, &state.pointee.mode) }
    _ = write(STDOUT_FILENO, state.pointee.restore.baseAddress, state.pointee.restore.count)
    _ = write(STDERR_FILENO, state.pointee.note.baseAddress, state.pointee.note.count)
    // The default action takes the signal as soon as this handler returns.
    _ = Glibc.signal(signal, SIG_DFL)
    raise(signal)
}
