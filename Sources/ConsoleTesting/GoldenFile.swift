import Foundation

/// Compares screen text with a golden file; `RECORD_GOLDENS=1` rewrites the file instead (on purpose only).
public enum GoldenFile {
    /// What a comparison found.
    public enum Outcome: Equatable, Sendable {
        case matches
        case recorded
        case missing(path: String)
        case differs(diff: String)
    }

    /// Checks `lines` against `<directory>/<name>.txt`.
    public static func check(_ lines: [String], named name: String, in directory: URL) -> Outcome {
        let file = directory.appendingPathComponent("\(name).txt")
        let actual = lines.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: file, atomically: true, encoding: .utf8)
            return .recorded
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            return .missing(path: file.path)
        }
        if expected == actual { return .matches }
        return .differs(diff: lineDiff(expected: expected, actual: actual))
    }

    /// The lines that differ, numbered, expected first.
    static func lineDiff(expected: String, actual: String) -> String {
        let old = expected.components(separatedBy: "\n")
        let new = actual.components(separatedBy: "\n")
        var out: [String] = []
        for index in 0..<max(old.count, new.count) {
            let left = index < old.count ? old[index] : "∅"
            let right = index < new.count ? new[index] : "∅"
            if left != right {
                out.append(String(format: "%3d - %@", index + 1, left))
                out.append(String(format: "%3d + %@", index + 1, right))
            }
        }
        return out.joined(separator: "\n")
    }
}
