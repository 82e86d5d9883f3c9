import Foundation
import OrgtuiConfig
import TUIKit
import Testing

/// Finding a theme by name (user directory, ./themes, compiled in) or by path.
@Suite struct ThemeLoaderTests {
    /// A theme file whose `header` role shows where it came from.
    private static func marked(_ underline: Bool, bold: Bool = false) -> String {
        "[roles]\nheader = { underline = \(underline), bold = \(bold) }\n"
    }

    private func loader(_ directory: TemporaryDirectory) -> ThemeLoader {
        ThemeLoader(
            configDirectory: ConfigDirectory(path: directory.path + "/config/orgtui"),
            workingDirectory: directory.path + "/checkout", home: directory.path + "/home")
    }

    @Test func nameLookupOrderIsUserDirectoryThenCheckoutThenCompiledIn() throws {
        let directory = try TemporaryDirectory()
        let loader = loader(directory)
        #expect(loader.locate("light") == .embedded("light"))
        #expect(try loader.load("light").get().theme == loader.load(from: .embedded("light")).get().theme)

        let checkout = try directory.write(Self.marked(true), to: "checkout/themes/light.toml")
        #expect(loader.locate("light") == .file(checkout))
        #expect(try loader.load("light").get().theme[.header] == Style(underline: true))

        let user = try directory.write(Self.marked(false, bold: true), to: "config/orgtui/themes/light.toml")
        #expect(loader.locate("light") == .file(user))
        #expect(try loader.load("light").get().theme[.header] == Style(bold: true))
        #expect(loader.candidates(forName: "light") == [.file(user), .file(checkout), .embedded("light")])
    }

    @Test func aUserThemeWithANewNameIsFound() throws {
        let directory = try TemporaryDirectory()
        try directory.write(Self.marked(true), to: "config/orgtui/themes/solarized.toml")
        let loaded = try loader(directory).load("solarized").get()
        #expect(loaded.theme.name == "solarized")
        #expect(loaded.theme[.header] == Style(underline: true))
    }

    @Test func xdgConfigHomeChoosesTheUserDirectory() {
        #expect(ConfigDirectory(environment: ["XDG_CONFIG_HOME": "/x/cfg"], home: "/home/me").path == "/x/cfg/orgtui")
        #expect(ConfigDirectory(environment: [:], home: "/home/me").path == "/home/me/.config/orgtui")
        #expect(ConfigDirectory(environment: ["XDG_CONFIG_HOME": "relative"], home: "/h").path == "/h/.config/orgtui")
        #expect(ConfigDirectory(path: "/x/orgtui").themeFile(named: "light") == "/x/orgtui/themes/light.toml")
    }

    @Test(arguments: [
        ("light", false), ("high-contrast", false), ("./light", true), ("x/y", true), ("mine.toml", true),
    ])
    func pathsContainASlashOrEndInToml(text: String, isPath: Bool) {
        #expect(ThemeLoader.isPath(text) == isPath)
    }

    @Test func aPathIsReadDirectlyRelativeToTheWorkingDirectoryOrHome() throws {
        let directory = try TemporaryDirectory()
        let loader = loader(directory)
        let absolute = try directory.write(Self.marked(true), to: "elsewhere/ocean.toml")
        #expect(try loader.load(absolute).get().theme.name == "ocean")
        try directory.write(Self.marked(true), to: "checkout/mine.toml")
        #expect(try loader.load("mine.toml").get().theme[.header] == Style(underline: true))
        try directory.write(Self.marked(true), to: "home/themes/dusk.toml")
        #expect(try loader.load("~/themes/dusk.toml").get().theme.name == "dusk")
        // A path never falls back to a built-in theme of the same name.
        #expect(throws: ThemeLoadError.self) { try loader.load("./light.toml").get() }
    }

    @Test func unknownNamesAndMissingFilesAreClearErrors() throws {
        let directory = try TemporaryDirectory()
        let loader = loader(directory)
        let unknown = try #require(failure(loader.load("nope")))
        #expect(unknown.contains("nope") && unknown.contains("light"))
        let missing = try #require(failure(loader.load("/no/such/theme.toml")))
        #expect(missing.contains("/no/such/theme.toml"))
        #expect(failure(loader.load("  ")) != nil)
    }

    @Test func aBrokenUserFileIsAnErrorNotASilentFallback() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("[roles]\nheader = {\n", to: "config/orgtui/themes/default.toml")
        let message = try #require(failure(loader(directory).load("default")))
        #expect(message.contains(path) && message.contains("line 2"), "\(message)")
    }

    @Test func itServesThemeCatalogForTheThemeCommand() throws {
        let directory = try TemporaryDirectory()
        let loader = loader(directory)
        let catalog = ThemeCatalog { loader.load($0) }
        #expect(try catalog.theme(named: "high-contrast").get().theme.name == "high-contrast")
        #expect(throws: ThemeLoadError.self) { try catalog.theme(named: "nope").get() }
    }

    private func failure(_ result: Result<LoadedTheme, ThemeLoadError>) -> String? {
        if case .failure(let error) = result { return error.message }
        return nil
    }
}
