import Foundation

/// Copies text through the terminal with OSC 52 (`ESC ] 52 ; c ; <base64> BEL`), when `copy_osc52 = true`.
///
/// The runtime calls `copy` on the main actor while it handles a key, before it draws that key's frame. The
/// sequence is written straight to the terminal (`write(2)`, past curses' buffer) from a main-actor task queued
/// behind that frame, so it can never land in the middle of one: curses only writes inside `present`, which runs
/// to completion on the main actor and flushes before returning.
///
/// Inside tmux, the outer terminal receives it only with `set -g set-clipboard on`.
@MainActor
enum OSC52Clipboard {
    /// The escape sequence that asks the terminal to put `text` on the clipboard.
    static func sequence(for text: String) -> [UInt8] {
        Array("\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}".utf8)
    }

    /// Queues `text` for the clipboard, written right after the frame being handled.
    static func copy(_ text: String) {
        Task { @MainActor in
            writeAll(sequence(for: text))
        }
    }

    private static func writeAll(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(STDOUT_FILENO, buffer.baseAddress?.advanced(by: offset), buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR || errno == EAGAIN {
                    continue
                } else {
                    return
                }
            }
        }
    }
}
