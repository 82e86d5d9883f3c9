import Foundation

/// Where the conformance tests find the Python venv with the official provider SDKs and their scripts.
///
/// The venv is made by `scripts/setup-venv.sh` at `<package root>/.build/venv` (`ORGTUI_VENV` overrides it).
/// Without it the conformance suites are skipped, unless `ORGTUI_REQUIRE_CONFORMANCE=1` (as in CI), in which
/// case `ConformanceRequirementTests` fails.
enum ConformanceEnvironment {
    /// The package root, found from this file's path (`Tests/IntegrationTests/Support/…`).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // IntegrationTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// The venv folder.
    static var venv: URL {
        if let override = ProcessInfo.processInfo.environment["ORGTUI_VENV"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        return packageRoot.appendingPathComponent(".build/venv")
    }

    /// The venv's Python interpreter.
    static var python: URL { venv.appendingPathComponent("bin/python") }

    /// The folder of the SDK driver scripts.
    static var scriptsFolder: URL { packageRoot.appendingPathComponent("Tests/IntegrationTests/Conformance") }

    /// Whether a missing venv must fail the run instead of skipping the conformance tests.
    static var isRequired: Bool { ProcessInfo.processInfo.environment["ORGTUI_REQUIRE_CONFORMANCE"] == "1" }

    /// Whether the venv holds an interpreter and the given Python package (import name).
    static func hasPackage(_ importName: String) -> Bool {
        missingReason(forPackage: importName) == nil
    }

    /// Why the SDK `importName` cannot be run, or nil when it can.
    static func missingReason(forPackage importName: String) -> String? {
        let files = FileManager.default
        guard files.isExecutableFile(atPath: python.path) else {
            return "no Python venv at \(venv.path): run scripts/setup-venv.sh"
        }
        let lib = venv.appendingPathComponent("lib")
        let versions = (try? files.contentsOfDirectory(atPath: lib.path)) ?? []
        let found = versions.contains { version in
            let package = lib.appendingPathComponent(version).appendingPathComponent("site-packages/\(importName)")
            return files.fileExists(atPath: package.appendingPathComponent("__init__.py").path)
        }
        return found
            ? nil : "the venv at \(venv.path) lacks the Python package '\(importName)': run scripts/setup-venv.sh"
    }

    /// The official Cloudflare SDK (`cloudflare` 5.9.0) is installed.
    static var isCloudflareAvailable: Bool { hasPackage("cloudflare") }

    /// The official OpenAI SDK (`openai` 3.57.0) is installed.
    static var isOpenAIAvailable: Bool { hasPackage("openai") }
}
