import Foundation

/// The repository's root, found from this file's path (Tests/OrgtuiConfigTests/Support.swift).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// `themes/` in the repository.
let themesDirectory = repositoryRoot.appendingPathComponent("themes")

/// The `.toml` files in `themes/`, by theme name (file name without `.toml`).
func shippedThemeFiles() throws -> [String: URL] {
    let names = try FileManager.default.contentsOfDirectory(atPath: themesDirectory.path)
    var files: [String: URL] = [:]
    for name in names where name.hasSuffix(".toml") {
        files[String(name.dropLast(5))] = themesDirectory.appendingPathComponent(name)
    }
    return files
}

/// A fresh temporary directory, removed when the returned value is deinitialised.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("orgtui-config-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` at `relative` (creating folders) and returns the absolute path.
    @discardableResult
    func write(_ text: String, to relative: String) throws -> String {
        let file = (path as NSString).appendingPathComponent(relative)
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }
}
