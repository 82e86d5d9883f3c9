import Foundation

/// The system tools the network tests run: `openssl` (certificates made at test time) and `tinyproxy` (a real
/// proxy on loopback).
///
/// Without them those tests are skipped, unless `ORGTUI_REQUIRE_NETWORK=1` or `ORGTUI_REQUIRE_E2E=1` (as in CI),
/// when `NetworkToolRequirementTests` fails instead.
enum NetworkTools {
    /// Whether a missing tool must fail the run.
    static var isRequired: Bool {
        let environment = ProcessInfo.processInfo.environment
        return environment["ORGTUI_REQUIRE_NETWORK"] == "1" || environment["ORGTUI_REQUIRE_E2E"] == "1"
    }

    /// `openssl`'s path, if installed.
    static let openssl = find("openssl")
    /// `tinyproxy`'s path, if installed (Debian puts it in /usr/bin; older packages in /usr/sbin).
    static let tinyproxy = find("tinyproxy")

    /// The first executable `name` on `PATH` or in the sbin folders.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/sbin", "/sbin", "/usr/bin"]
        return folders.map { ($0 as NSString).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `executable` with `arguments` in `directory` to its end; throws with its output when it fails.
    static func run(_ executable: String, _ arguments: [String], in directory: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ToolFailure(description: "\(executable) \(arguments.joined(separator: " ")) failed: \(text)")
        }
    }

    struct ToolFailure: Error, CustomStringConvertible {
        let description: String
    }
}
