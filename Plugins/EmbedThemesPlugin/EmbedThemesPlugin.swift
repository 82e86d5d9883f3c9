import Foundation
import PackagePlugin

/// Compiles the shipped `themes/*.toml` into the target as string constants, so an installed binary has every
/// built-in theme without the folder, and an edit to a theme file rebuilds the target (the files are the command's
/// inputs) instead of needing a hand copy kept in step.
@main
struct EmbedThemesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let themes = context.package.directoryURL.appending(path: "themes")
        let files = try FileManager.default.contentsOfDirectory(at: themes, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "toml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedThemes+Files.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) themes from themes/",
                executable: try context.tool(named: "ThemeEmbedder").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output])
        ]
    }
}
