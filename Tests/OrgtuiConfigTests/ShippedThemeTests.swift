import Foundation
import TUIKit
import Testing

@testable import OrgtuiConfig

/// The theme files in `themes/`: each loads cleanly, is complete, and matches its compiled-in copy.
@Suite struct ShippedThemeTests {
    /// Every `.toml` in `themes/`, so a new file is covered without touching this test.
    static let names: [String] = ((try? shippedThemeFiles()) ?? [:]).keys.sorted()

    @Test func theFourRequiredThemesShip() throws {
        #expect(Set(try shippedThemeFiles().keys).isSuperset(of: ["default", "light", "high-contrast", "mono"]))
    }

    @Test(arguments: names)
    func loadsWithoutWarnings(name: String) throws {
        let path = try #require(try shippedThemeFiles()[name]).path
        let loaded = try ThemeLoader.theme(
            fromTOML: String(contentsOfFile: path, encoding: .utf8), name: name, origin: path
        )
        .get()
        #expect(loaded.warnings == [])
        #expect(loaded.theme.name == name)
    }

    @Test(arguments: names)
    func setsEveryRole(name: String) throws {
        let path = try #require(try shippedThemeFiles()[name]).path
        let document = try TOMLDocument.parse(String(contentsOfFile: path, encoding: .utf8))
        var warnings: [String] = []
        let roles = ThemeFile.roles(document["roles"], warnings: &warnings)
        #expect(ThemeRole.allCases.map(\.rawValue).filter { roles[$0] == nil } == [], "\(name).toml leaves out roles")
    }

    /// The compiled-in text is generated from the file (`EmbedThemesPlugin`), so this fails only when the plugin
    /// did not run for an edit or mangled the text (escaping).
    @Test(arguments: names)
    func embeddedTextEqualsTheFile(name: String) throws {
        let path = try #require(try shippedThemeFiles()[name]).path
        let file = try String(contentsOfFile: path, encoding: .utf8)
        let embedded = try #require(
            EmbeddedThemes.files[name], "themes/\(name).toml was not compiled in: is EmbedThemesPlugin applied?")
        #expect(embedded == file, "the compiled-in text of themes/\(name).toml differs from the file")
    }

    /// The compiled-in text goes through the same reader as a file: a key it does not know is still a warning.
    @Test func anEmbeddedThemeWithAnUnknownKeyStillWarns() throws {
        let text = try #require(EmbeddedThemes.files["default"]) + "\nsparkle = true\n"
        let loader = ThemeLoader(
            configDirectory: ConfigDirectory(path: "/nonexistent/orgtui"),
            workingDirectory: "/nonexistent", embedded: ["odd": text])
        let loaded = try loader.load("odd").get()
        #expect(loaded.warnings.count == 1)
        #expect(loaded.warnings.first?.contains("sparkle") == true)
        #expect(loaded.theme[.selection] == Theme.defaultDark[.selection])
    }

    @Test func everyEmbeddedThemeHasItsFile() throws {
        #expect(Set(EmbeddedThemes.files.keys) == Set(try shippedThemeFiles().keys))
        #expect(Set(EmbeddedThemes.names) == Set(EmbeddedThemes.files.keys))
    }

    @Test func defaultFileIsTheCompiledInDefault() throws {
        let loaded = try ThemeLoader(environment: [:]).load(from: .embedded("default")).get()
        #expect(loaded.theme == Theme.defaultDark)
        for role in ThemeRole.allCases {
            #expect(loaded.theme[role] == Theme.defaultDark[role], "\(role.rawValue)")
        }
    }

    @Test func monoFileIsTheCompiledInMonochrome() throws {
        let loaded = try ThemeLoader(environment: [:]).load(from: .embedded("mono")).get()
        #expect(loaded.theme == Theme.monochrome)
        #expect(!loaded.theme.usesColor)
    }

    @Test func lightAndHighContrastUseColourAndDifferFromDefault() throws {
        let loader = ThemeLoader(environment: [:])
        let light = try loader.load(from: .embedded("light")).get().theme
        let highContrast = try loader.load(from: .embedded("high-contrast")).get().theme
        for theme in [light, highContrast] {
            #expect(theme.usesColor)
            #expect(theme.styles != Theme.defaultDark.styles)
        }
    }

    /// High contrast sets its own background everywhere (so it works on any terminal) and keeps WCAG AAA, 7:1.
    @Test(arguments: ThemeRole.allCases)
    func highContrastKeepsSevenToOne(role: ThemeRole) throws {
        let style = try ThemeLoader(environment: [:]).load(from: .embedded("high-contrast")).get().theme[role]
        #expect(style.background != .terminalDefault)
        #expect(Contrast.ratio(style.foreground, style.background, defaultBackground: 16) >= 7)
    }

    /// Light text keeps WCAG AA, 4.5:1, on a white terminal (lines 3:1).
    @Test(arguments: ThemeRole.allCases)
    func lightKeepsFourAndAHalfToOne(role: ThemeRole) throws {
        let style = try ThemeLoader(environment: [:]).load(from: .embedded("light")).get().theme[role]
        let ratio = Contrast.ratio(style.foreground, style.background, defaultBackground: 231)
        #expect(ratio >= (role == .border ? 3 : 4.5))
    }
}

/// WCAG contrast between two xterm-256 colours.
enum Contrast {
    static func ratio(_ foreground: TerminalColor, _ background: TerminalColor, defaultBackground: UInt8) -> Double {
        let front = luminance(index(foreground, fallback: defaultBackground == 16 ? 231 : 16))
        let back = luminance(index(background, fallback: defaultBackground))
        return (max(front, back) + 0.05) / (min(front, back) + 0.05)
    }

    private static func index(_ color: TerminalColor, fallback: UInt8) -> Int {
        if case .indexed(let index) = color { return Int(index) }
        return Int(fallback)
    }

    private static func luminance(_ index: Int) -> Double {
        let rgb = xterm(index)
        func channel(_ value: Int) -> Double {
            let scaled = Double(value) / 255
            return scaled <= 0.03928 ? scaled / 12.92 : pow((scaled + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(rgb.0) + 0.7152 * channel(rgb.1) + 0.0722 * channel(rgb.2)
    }

    private static func xterm(_ index: Int) -> (Int, Int, Int) {
        let levels = [0, 95, 135, 175, 215, 255]
        switch index {
        case 0..<16:
            let ansi = [
                (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
                (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
                (255, 0, 255), (0, 255, 255), (255, 255, 255),
            ]
            return ansi[index]
        case 16..<232:
            let cube = index - 16
            return (levels[cube / 36], levels[(cube / 6) % 6], levels[cube % 6])
        default:
            let level = 8 + 10 * (index - 232)
            return (level, level, level)
        }
    }
}
