import TUIKit
import Testing

@Suite struct ThemeTests {
    @Test func builtInThemesCoverEveryRole() {
        for role in ThemeRole.allCases {
            #expect(Theme.defaultDark.styles[role] != nil, "default lacks \(role.rawValue)")
            #expect(Theme.monochrome.styles[role] != nil, "mono lacks \(role.rawValue)")
        }
    }

    @Test func monochromeUsesAttributesOnly() {
        #expect(!Theme.monochrome.usesColor)
        #expect(Theme.defaultDark.usesColor)
        #expect(Theme.monochrome[.selection].reverse)
    }

    @Test func roleKeysMatchThemeFiles() {
        #expect(ThemeRole.textPrimary.rawValue == "text.primary")
        #expect(ThemeRole(rawValue: "warning.flag") == .warningFlag)
        #expect(ThemeRole.allCases.count == 25)
    }

    @Test(arguments: [
        ("#ff0000", TerminalColor.indexed(196)),
        ("#FFFFFF", .indexed(231)),
        ("#000000", .indexed(16)),
        ("#808080", .indexed(244)),
        ("#5fafff", .indexed(75)),
        ("#f00", .indexed(196)),
        ("color123", .indexed(123)),
        ("color0", .indexed(0)),
        ("red", .indexed(1)),
        ("White", .indexed(7)),
        ("bright-red", .indexed(9)),
        ("bright_white", .indexed(15)),
        ("default", .terminalDefault),
        (" blue ", .indexed(4)),
    ])
    func colorSpecs(_ spec: String, _ expected: TerminalColor) {
        #expect(TerminalColor(spec: spec) == expected)
    }

    @Test(arguments: ["#ff00", "#gggggg", "color256", "colour1", "purplish", "bright-purple", ""])
    func invalidColorSpecs(_ spec: String) {
        #expect(TerminalColor(spec: spec) == nil)
    }

    @Test func parseAppliesPaletteAndRoles() {
        let (theme, warnings) = Theme.parse(
            name: "light",
            palette: ["accent": "#005faf", "paper": "color255"],
            roles: [
                "text.primary": ["fg": "black", "bg": "paper"],
                "selection": ["fg": "paper", "bg": "accent", "bold": true],
                "tab.active": ["fg": 231, "reverse": true],
            ])
        #expect(warnings.isEmpty)
        #expect(theme.name == "light")
        #expect(theme[.textPrimary] == Style(foreground: .indexed(0), background: .indexed(255)))
        #expect(theme[.selection] == Style(foreground: .indexed(255), background: .indexed(25), bold: true))
        // Attributes not given keep the default's; colours given replace it.
        #expect(theme[.tabActive].foreground == .indexed(231))
        #expect(theme[.tabActive].reverse)
        #expect(theme[.tabActive].bold == Theme.defaultDark[.tabActive].bold)
        // Roles not mentioned fall back to the default theme.
        #expect(theme[.badge] == Theme.defaultDark[.badge])
    }

    @Test func parseWarnsNamingEveryUnknownKeyAndKeepsGoing() {
        let (theme, warnings) = Theme.parse(
            name: "broken",
            palette: ["accent": "#12345", "ok": "green"],
            roles: [
                "tab.actve": ["fg": "red"],
                "selection": ["fg": "purplish", "bg": "ok", "italic": true, "bold": "yes"],
                "badge": ["bg": 300, "fg": .unsupported("array")],
            ])
        #expect(
            warnings == [
                "palette.accent: unknown colour \"#12345\"",
                "badge.bg: colour index 300 is outside 0–255",
                "badge.fg: expected a colour name, \"#rrggbb\" or an index",
                "selection.bold: expected true or false",
                "selection.fg: unknown colour \"purplish\" (not in the palette, not a colour)",
                "selection.italic: unknown attribute \"italic\"",
                "roles: unknown role \"tab.actve\"",
            ])
        #expect(theme[.selection].background == .indexed(2))
        #expect(theme[.selection].foreground == Theme.defaultDark[.selection].foreground)
        #expect(theme[.badge] == Theme.defaultDark[.badge])
    }

    @Test func downgradeKeepsRichTerminalsAndMapsPoorOnes() {
        let theme = Theme.defaultDark
        #expect(theme.downgraded(toColors: 256) == theme)
        let sixteen = theme.downgraded(toColors: 16)
        let eight = theme.downgraded(toColors: 8)
        for role in ThemeRole.allCases {
            for color in [sixteen[role].foreground, sixteen[role].background] {
                if case .indexed(let index) = color { #expect(index < 16, "\(role.rawValue)") }
            }
            for color in [eight[role].foreground, eight[role].background] {
                if case .indexed(let index) = color { #expect(index < 8, "\(role.rawValue)") }
            }
            // Text never becomes the colour of its own background.
            if sixteen[role].foreground != .terminalDefault {
                #expect(sixteen[role].foreground != sixteen[role].background)
            }
            if eight[role].foreground != .terminalDefault { #expect(eight[role].foreground != eight[role].background) }
        }
        #expect(sixteen[.selection].background == .indexed(4))
        #expect(sixteen[.tabActive].background == .indexed(12))
        #expect(eight[.tabActive].background == .indexed(4))
        #expect(eight[.statusError].foreground == .indexed(1))
        #expect(theme.downgraded(toColors: 0).styles == Theme.monochrome.styles)
        #expect(theme.downgraded(toColors: 0).name == theme.name)
    }

    @Test func nearestColourPrefersTheCubeAndGreys() {
        #expect(TerminalColor.nearest(red: 0, green: 0, blue: 0) == .indexed(16))
        #expect(TerminalColor.nearest(red: 18, green: 18, blue: 18) == .indexed(233))
        #expect(TerminalColor.nearest(red: 255, green: 135, blue: 0) == .indexed(208))
    }
}
