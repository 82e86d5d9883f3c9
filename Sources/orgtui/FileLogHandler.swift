import Foundation
import Logging
import Synchronization

/// A swift-log handler that appends to `$XDG_STATE_HOME/orgtui/orgtui.log` (mode 0600), never to the terminal.
struct FileLogHandler: LogHandler {
    /// The open log file, shared by every logger.
    final class Sink: Sendable {
        private let descriptor: Int32

        init?(path: String) {
            let directory = (path as NSString).deletingLastPathComponent
            try? FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { return nil }
            // An existing file may have been created with looser permissions.
            fchmod(descriptor, 0o600)
        }

        deinit { close(descriptor) }

        func write(_ line: String) {
            var bytes = Array(line.utf8)
            bytes.append(0x0A)
            // O_APPEND makes each write atomic with respect to other writers of the file.
            _ = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        }
    }

    let label: String
    let sink: Sink
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let rendered =
            merged.isEmpty
            ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        sink.write("\(Timestamp.now) \(event.level) \(label): \(event.message)\(rendered)")
    }

    /// Where the log goes: `$XDG_STATE_HOME/orgtui/orgtui.log`, else `~/.local/state/orgtui/orgtui.log`.
    static func defaultPath(environment: [String: String]) -> String {
        let base =
            environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()) as NSString)
            .appendingPathComponent(".local/state")
        return (base as NSString).appendingPathComponent("orgtui/orgtui.log")
    }

    /// Sends every logger to the log file at `level`; with no writable file, logging is dropped rather than printed.
    static func bootstrap(
        level: Logger.Level = .info, environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        let sink = Sink(path: defaultPath(environment: environment))
        LoggingSystem.bootstrap { label in
            guard let sink else { return SwiftLogNoOpLogHandler(label) }
            return FileLogHandler(label: label, sink: sink, logLevel: level)
        }
    }

    /// The level names `--log-level` and `ORGTUI_LOG` take.
    static let levelNames = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")

    /// `--log-level`, else `ORGTUI_LOG`, else info; an unknown `ORGTUI_LOG` value is ignored (the option is
    /// validated before this).
    static func level(option: String?, environment: [String: String]) -> Logger.Level {
        for text in [option, environment["ORGTUI_LOG"]] {
            if let text, let level = Logger.Level(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) {
                return level
            }
        }
        return .info
    }
}

private enum Timestamp {
    static var now: String { Date().formatted(.iso8601) }
}
