import Foundation

/// Where the write runner records each write: the journal file, or a test's stand-in.
public protocol WriteJournal: Sendable {
    /// Appends one entry; throws when it could not be written (the write itself has happened either way).
    func record(_ entry: JournalEntry) throws
    /// Every entry, oldest first, and how many lines were not entries.
    func entries() throws -> (entries: [JournalEntry], unreadable: Int)
}

/// `$XDG_STATE_HOME/orgtui/journal.jsonl`: one JSON object a line, appended, the file and its folder private to the
/// user (0600 / 0700).
public struct JournalFile: WriteJournal {
    /// Why the journal could not be written or read, with the path.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The journal of a user: `$XDG_STATE_HOME/orgtui/journal.jsonl`, else `~/.local/state/orgtui/journal.jsonl`.
    public static func path(environment: [String: String]) -> String {
        let base =
            environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()) as NSString)
            .appendingPathComponent(".local/state")
        return (base as NSString).appendingPathComponent("orgtui/journal.jsonl")
    }

    public func record(_ entry: JournalEntry) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var line = try encoder.encode(entry)
        line.append(0x0A)
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw Failure(description: "cannot create \(folder): \(error.localizedDescription)")
        }
        // O_APPEND keeps each line whole when two orgtui processes write at once.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw Failure(description: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        // A file made earlier with looser rights is brought back to the user's alone.
        fchmod(descriptor, 0o600)
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count else {
            throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Every entry, oldest first; lines that are not an entry are skipped and counted.
    public func entries() throws -> (entries: [JournalEntry], unreadable: Int) {
        guard FileManager.default.fileExists(atPath: path) else { return ([], 0) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "cannot read \(path)")
        }
        let decoder = JSONDecoder()
        var entries: [JournalEntry] = []
        var unreadable = 0
        for line in data.split(separator: 0x0A) where !line.isEmpty {
            if let entry = try? decoder.decode(JournalEntry.self, from: Data(line)) {
                entries.append(entry)
            } else {
                unreadable += 1
            }
        }
        return (entries, unreadable)
    }
}
