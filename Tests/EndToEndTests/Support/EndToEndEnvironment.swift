import ConsoleTesting
import Foundation

/// Where the end-to-end tests find tmux and the built console, and whether they must run.
///
/// The suite runs the binary `swift build` (and `swift build --build-tests`, which `swift test` runs) leaves at
/// `<package root>/.build/debug/orgtui`; `ORGTUI_BINARY` overrides the path. Without tmux the suite is skipped,
/// unless `ORGTUI_REQUIRE_E2E=1` (as in CI), in which case every test fails saying tmux is missing.
enum EndToEndEnvironment {
    /// The package root, found from this file's path (`Tests/EndToEndTests/Support/…`).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // EndToEndTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// The console binary under test.
    static var binary: URL {
        if let override = ProcessInfo.processInfo.environment["ORGTUI_BINARY"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        return packageRoot.appendingPathComponent(".build/debug/orgtui")
    }

    /// The tmux executable, or nil when it is not installed.
    static let tmux: String? = TmuxSession.findExecutable()

    /// Whether a missing tmux must fail the run instead of skipping the suite.
    static var isRequired: Bool { ProcessInfo.processInfo.environment["ORGTUI_REQUIRE_E2E"] == "1" }

    /// Whether the suite runs at all: tmux is there, or it is required (and then fails clearly).
    static var isEnabled: Bool { tmux != nil || isRequired }

    /// The prerequisites, or an error that says what to do.
    static func prerequisites() throws -> (tmux: String, binary: URL) {
        guard let tmux else {
            throw EndToEndFailure(
                "ORGTUI_REQUIRE_E2E=1 but tmux is not installed (Debian: apt-get install tmux; macOS: brew install tmux)"
            )
        }
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw EndToEndFailure(
                "The console binary \(binary.path) is missing: run `swift build` (or `swift build --build-tests`) first"
            )
        }
        return (tmux, binary)
    }
}

/// A failed precondition or check of an end-to-end test, with a message for the reader.
struct EndToEndFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
