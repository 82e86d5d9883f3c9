import OrgtuiConfig
import TUIKit
import Testing

/// Theme TOML → `Theme`: styles, warnings naming the key, syntax errors naming the line.
@Suite struct ThemeFileTests {
    private func load(_ text: String) throws -> LoadedTheme {
        try ThemeLoader.theme(fromTOML: text, name: "test", origin: "/tmp/test.toml").get()
    }

    @Test func paletteNamesAndColourSpecsResolve() throws {
        let loaded = try load(
            """
            [palette]
            accent = "#5fafff"
            warm = "color208"
            [roles]
            selection = { fg = "accent", bg = "bright-blue", bold = true }
            danger = { fg = 196, bg = "warm", reverse = true }
            """)
        #expect(loaded.warnings == [])
        #expect(loaded.theme[.selection] == Style(foreground: .indexed(75), background: .indexed(12), bold: true))
        #expect(loaded.theme[.danger] == Style(foreground: .indexed(196), background: .indexed(208), reverse: true))
    }

    @Test func aRoleTableIsTheWholeStyleAndMissingRolesKeepTheDefault() throws {
        let loaded = try load(
            """
            [roles]
            header = { underline = true }
            """)
        #expect(loaded.theme[.header] == Style(underline: true))
        #expect(loaded.theme[.selection] == Theme.defaultDark[.selection])
    }

    @Test func roleSpellingsAllWork() throws {
        let loaded = try load(
            """
            [roles]
            text.primary = { fg = "red" }
            header.bold = true
            header.marker = { fg = "blue" }

            [roles."tab.active"]
            fg = "green"
            underline = true
            """)
        #expect(loaded.warnings == [])
        #expect(loaded.theme[.textPrimary] == Style(foreground: .red))
        #expect(loaded.theme[.header] == Style(bold: true))
        #expect(loaded.theme[.headerMarker] == Style(foreground: .blue))
        #expect(loaded.theme[.tabActive] == Style(foreground: .green, underline: true))
    }

    @Test func anUnknownRoleIsAWarningNamingIt() throws {
        let loaded = try load(
            """
            [roles]
            "text.primry" = { fg = "red" }
            selection = { reverse = true }
            """)
        #expect(loaded.warnings.count == 1)
        #expect(loaded.warnings.first?.contains("text.primry") == true)
        #expect(loaded.theme[.selection] == Style(reverse: true))
    }

    @Test func unknownColoursAreWarningsNamingThem() throws {
        let loaded = try load(
            """
            [palette]
            accent = "#12345"
            [roles]
            border = { fg = "chartreuse-ish" }
            """)
        #expect(loaded.warnings.contains { $0.contains("palette.accent") && $0.contains("#12345") })
        #expect(loaded.warnings.contains { $0.contains("border.fg") && $0.contains("chartreuse-ish") })
        #expect(loaded.theme[.border] == Style())
    }

    @Test(
        arguments: [
            ("[colours]\nred = \"#ff0000\"", "colours"),
            ("name = \"mine\"", "name"),
            ("[roles]\nborder = { fg = \"red\", blink = true }", "border.blink"),
            ("[roles]\nborder = \"red\"", "roles.border"),
            ("[roles]\nborder = { bold = \"yes\" }", "border.bold"),
            ("[palette]\naccent = true", "palette.accent"),
        ])
    func otherUnknownKeysAndWrongTypesWarn(toml: String, key: String) throws {
        let loaded = try load(toml)
        #expect(loaded.warnings.contains { $0.contains(key) }, "\(loaded.warnings)")
    }

    @Test func aSyntaxErrorNamesTheFileAndLine() {
        let result = ThemeLoader.theme(
            fromTOML: """
                [palette]
                accent = "#5fafff"

                [roles]
                selection = { fg = "accent", bold = tru }
                """,
            name: "broken", origin: "/home/me/.config/orgtui/themes/broken.toml")
        guard case .failure(let error) = result else {
            Issue.record("a malformed file loaded")
            return
        }
        #expect(error.message.contains("/home/me/.config/orgtui/themes/broken.toml"))
        #expect(error.message.contains("line 5"), "\(error.message)")
    }
}
