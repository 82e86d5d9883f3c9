import APICore
import CloudflareAPI
import Foundation
import OrgtuiConfig
import Testing

/// `config.toml`: settings, profiles, warnings for unknown keys, errors for wrong types and bad syntax.
@Suite struct ConfigFileTests {
    @Test func readsEverySetting() throws {
        let config = try ConfigFile.parse(
            """
            theme = "light"
            read_only = true
            copy_osc52 = true

            [profiles.work]
            provider = "cloudflare"
            base_url = "https://api.example.com/client/v4"
            token_command = "printf secret"
            read_only = true

            [profiles.lab]
            base_url = "http://127.0.0.1:8787/client/v4"
            """, origin: "/cfg/config.toml")
        #expect(config.warnings == [])
        #expect(config.theme == "light")
        #expect(config.readOnly)
        #expect(config.copyOSC52)
        #expect(
            config.profiles["work"]
                == ProfileConfig(
                    name: "work", provider: .cloudflare, baseURL: "https://api.example.com/client/v4",
                    tokenCommand: "printf secret", readOnly: true))
        #expect(config.profiles["lab"] == ProfileConfig(name: "lab", baseURL: "http://127.0.0.1:8787/client/v4"))
    }

    @Test func anEmptyFileTurnsEverythingOff() throws {
        #expect(try ConfigFile.parse("", origin: "c") == ConfigFile())
        #expect(ConfigFile().readOnly == false && ConfigFile().copyOSC52 == false)
    }

    @Test func unknownKeysAreWarningsNamingThem() throws {
        let config = try ConfigFile.parse(
            """
            theme = "light"
            colour = "always"
            [keyz]
            quit = "q"
            [profiles.work]
            tokn_command = "printf secret"
            """, origin: "c")
        #expect(config.theme == "light")
        #expect(config.warnings.count == 3, "\(config.warnings)")
        for key in ["colour", "keyz", "profiles.work.tokn_command"] {
            #expect(config.warnings.contains { $0.contains("\"\(key)\"") }, "\(key): \(config.warnings)")
        }
    }

    @Test func mouseIsOnUnlessTheConfigOrAProfileTurnsItOff() throws {
        #expect(try ConfigFile.parse("", origin: "c").mouse)
        let config = try ConfigFile.parse(
            """
            mouse = false
            [profiles.ssh]
            mouse = true
            [profiles.other]
            """, origin: "c")
        #expect(!config.mouse)
        #expect(config.profiles["ssh"]?.mouse == true)
        #expect(config.profiles["other"]?.mouse == nil, "a profile without the key follows the top level")
        #expect(config.warnings.isEmpty)
        #expect(throws: ConfigError.self) { try ConfigFile.parse("mouse = \"no\"", origin: "c") }
    }

    @Test func keysTableReadsOneNameAnArrayAndAnEmptyUnbind() throws {
        let config = try ConfigFile.parse(
            """
            [keys]
            "members.invite" = "I"
            "cursor.down" = ["j", "Ctrl-n"]
            "list.sort" = ""
            "quit" = 7
            """, origin: "c")
        #expect(config.keys["members.invite"] == ["I"])
        #expect(config.keys["cursor.down"] == ["j", "Ctrl-n"])
        #expect(config.keys["list.sort"] == [])
        #expect(config.keys["quit"] == nil, "a number is not a key: the default stays")
        #expect(config.warnings.count == 1 && config.warnings[0].contains("keys.quit"), "\(config.warnings)")
    }

    @Test func aTokenWrittenIntoTheFileIsIgnoredWithAHintAndNeverEchoed() throws {
        let config = try ConfigFile.parse("[profiles.work]\ntoken = \"cf-very-secret\"\n", origin: "c")
        #expect(config.warnings.count == 1)
        #expect(config.warnings[0].contains("profiles.work.token") && config.warnings[0].contains("token_command"))
        #expect(!config.warnings[0].contains("cf-very-secret"))
    }

    @Test(
        arguments: [
            ("read_only = \"yes\"", "read_only"),
            ("copy_osc52 = 1", "copy_osc52"),
            ("theme = 3", "theme"),
            ("profiles = 1", "profiles"),
            ("[profiles.work]\nread_only = \"true\"", "profiles.work.read_only"),
            ("[profiles.work]\ntoken_command = [\"op\"]", "profiles.work.token_command"),
            ("[profiles.work]\nprovider = \"aws\"", "profiles.work.provider"),
        ])
    func aKnownKeyWithTheWrongValueIsAnError(toml: String, key: String) {
        #expect {
            try ConfigFile.parse(toml, origin: "/cfg/config.toml")
        } throws: { error in
            guard let error = error as? ConfigError else { return false }
            return error.message.contains(key) && error.message.contains("/cfg/config.toml")
        }
    }

    @Test func aSyntaxErrorNamesTheFileAndLine() {
        #expect {
            try ConfigFile.parse("theme = \"light\"\nread_only = \n", origin: "/cfg/config.toml")
        } throws: { error in
            guard let error = error as? ConfigError else { return false }
            return error.message.contains("/cfg/config.toml") && error.message.contains("line 2")
        }
    }

    /// The TOML parser's own check of a table header is an assertion that aborted the process (found by fuzzing);
    /// a control character anywhere is now an error with its line and column, in a config and in a theme.
    @Test(arguments: [
        "[\u{1B}profiles]\n", "theme = \"light\"\n# bell \u{07}\n", "read_only = true\r[keys]\n", "\u{0}",
    ])
    func aControlCharacterIsAnErrorNotACrash(_ text: String) {
        #expect {
            try ConfigFile.parse(text, origin: "/cfg/config.toml")
        } throws: { error in
            guard let error = error as? ConfigError else { return false }
            return error.message.contains("/cfg/config.toml, line") && error.message.contains("control character U+")
        }
        guard case .failure(let error) = ThemeLoader.theme(fromTOML: text, name: "t", origin: "/t.toml") else {
            Issue.record("a theme with a control character loaded")
            return
        }
        #expect("\(error)".contains("control character"))
    }

    /// A table header whose key starts with something no key starts with: the parser asserted on it (found by fuzzing).
    @Test(arguments: ["[#]\n", "theme = \"x\"\n[[ {a}]]\n", "[=]\n", "  [ $ ]\n", "\u{FEFF}[+x]\n"])
    func aHeaderWithoutAKeyIsAnErrorNotACrash(_ text: String) {
        #expect {
            try ConfigFile.parse(text, origin: "/cfg/config.toml")
        } throws: { error in
            (error as? ConfigError)?.message.contains("a table header must start with a key") == true
        }
    }

    /// Outside strings and comments TOML is ASCII; a Unicode space inside an array made the parser assert.
    @Test(arguments: ["e = [\u{85}]\n", "e = \u{A0}1\n", "k\u{3000} = 1\n", "[a.b\u{2028}]\n"])
    func aCharacterOutsideASCIIOutsideAStringIsAnError(_ text: String) {
        #expect {
            try ConfigFile.parse(text, origin: "/cfg/config.toml")
        } throws: { error in
            (error as? ConfigError)?.message.contains("outside ASCII") == true
        }
        #expect(throws: Never.self) { try ConfigFile.parse("theme = \"é\" # ü\n", origin: "c") }
    }

    /// A `}` where an array expects a value: the parser asserted on it too.
    @Test(arguments: ["e = [}\n", "e = [1, }\n", "e = [\n  { a = 1 },\n  }\n]\n"])
    func aBraceInAnArrayIsAnErrorNotACrash(_ text: String) {
        #expect {
            try ConfigFile.parse(text, origin: "/cfg/config.toml")
        } throws: { error in
            (error as? ConfigError)?.message.contains("'}' inside an array") == true
        }
    }

    /// Values that run over lines may start a line with a bracket: those are not headers.
    @Test func bracketsInsideAValueAreNotHeaders() throws {
        let config = try ConfigFile.parse(
            "theme = \"light\"\nnested = [\n  [ { x = 1 } ],\n  [ \"#\" ], # [#\n]\nnote = \"\"\"\n[#\n\"\"\"\n",
            origin: "c")
        #expect(config.theme == "light")
        #expect(config.warnings.contains { $0.contains("nested") })
    }

    @Test func loadsFromTheConfigDirectoryAndAMissingFileIsEmpty() throws {
        let directory = try TemporaryDirectory()
        let configDirectory = ConfigDirectory(path: directory.path + "/orgtui")
        #expect(try ConfigFile.load(from: configDirectory) == ConfigFile())
        try directory.write("theme = \"mono\"\n", to: "orgtui/config.toml")
        #expect(try ConfigFile.load(from: configDirectory).theme == "mono")
    }

    @Test func risksSetTheLensThresholdsAndRefuseNonsense() throws {
        let config = try ConfigFile.parse(
            "[risks]\nunused_days = 30\nmax_owners = 3\ncolour = 1\n", origin: "c")
        #expect(config.risks == RiskThresholds(unusedDays: 30, maxOwners: 3))
        #expect(config.warnings.contains { $0.contains("risks.colour") })
        #expect(try ConfigFile.parse("", origin: "c").risks == RiskThresholds())
        #expect(throws: ConfigError.self) { try ConfigFile.parse("[risks]\nunused_days = 0\n", origin: "c") }
        #expect(throws: ConfigError.self) { try ConfigFile.parse("[risks]\nunused_days = \"90\"\n", origin: "c") }
    }
}
