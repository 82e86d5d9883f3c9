import APICore
import CloudflareAPI
import ConsoleTesting
import Foundation
import Testing

/// The built console, driven in tmux against a standalone demo server: what a user does, end to end.
///
/// Every test has its own tmux server (`-L orgtui-e2e-<uuid>`), its own demo server on a free port and its own
/// state folder. Waits poll the screen with a deadline (`TmuxSession.waitForScreen`); nothing sleeps for a
/// fixed time. The only timed wait is the confirmation dialog's documented key guard (PRODUCT.md: keys within
/// 150 ms of the dialog opening are ignored), measured from when the dialog was seen on screen.
@Suite(
    "End to end (tmux)",
    .enabled(if: EndToEndEnvironment.isEnabled, "tmux is not installed; ORGTUI_REQUIRE_E2E=1 makes this a failure"))
struct EndToEndTests {
    /// PRODUCT.md: keys arriving within 150 ms of a confirmation dialog opening are ignored. Plus slack.
    static let dialogKeyGuard: Duration = .milliseconds(150 + 50)

    // MARK: - 1. browse

    @Test("Browse: open Acme Corp's members, walk to the last page, switch panes with Tab, Shift-Tab and 1-4")
    func browseMembersToTheEndAndSwitchPanes() async throws {
        try await withConsole { run in
            let accounts = try await run.client.accounts().fetchAll()
            let acme = try #require(accounts.first { $0.name == "Acme Corp" }, "the demo data has Acme Corp")
            let members = try await run.client.members(accountID: acme.id, .init(perPage: 50)).fetchAll()
            let pages = (members.count + 49) / 50
            let last = try #require(members.last)
            let lastEmail = try #require(last.email ?? last.user?.email)

            let accountsScreen = try await run.tmux.waitForText(
                "Acme Corp", "\(grouped(accounts.count)) of \(grouped(accounts.count)) accounts")
            let acmeRow = try #require(ConsoleRun.rowIndex(of: "Acme Corp", in: accountsScreen.text))
            try await run.select(row: acmeRow)
            try await run.tmux.sendKeys("Enter")
            try await waitForPane(run, .members, also: "of \(grouped(members.count)) members")

            try await run.tmux.sendKeys("L")
            let total = "\(grouped(members.count)) of \(grouped(members.count)) members · \(pages)/\(pages) pages"
            try await run.tmux.waitForText(total)
            try await run.tmux.sendKeys("G")
            // The last member is the bottom row of the table, right above the status line.
            let shown = String(lastEmail.prefix(30))
            let end = try await run.tmux.waitForScreen("the last member \(lastEmail) as the bottom row") { screen in
                let rows = ConsoleRun.tableRows(screen).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                return rows.last?.contains(shown) == true
            }
            #expect(ConsoleRun.statusLine(end.text).contains(total), "status line: \(ConsoleRun.statusLine(end.text))")

            // Tab cycles forward from Members, Shift-Tab backward, the digits jump.
            for pane in [Pane.tokens, .invitations, .accounts, .members] {
                try await run.tmux.sendKeys("Tab")
                try await waitForPane(run, pane)
            }
            for pane in [Pane.accounts, .invitations, .tokens] {
                try await run.tmux.sendKeys("BTab")
                try await waitForPane(run, pane)
            }
            for pane in [Pane.accounts, .members, .tokens, .invitations, .members] {
                try await run.tmux.sendKeys("\(pane.rawValue)")
                try await waitForPane(run, pane)
            }
            // Members kept their scope and every loaded page.
            try await run.tmux.waitForText(total, shown)
        }
    }

    // MARK: - 2. accept and reject

    @Test("Accept one pending invitation and reject another; a and y in one burst does not confirm")
    func acceptAndRejectInvitations() async throws {
        try await withConsole { run in
            let before = try await run.client.invites().fetchAll()
            let pendingCount = before.filter { $0.status?.value == .pending }.count
            // Pending invitations whose names show as they are (the hostile one shows markers instead).
            let plain = before.filter { invite in
                invite.status?.value == .pending && invite.id != nil
                    && (invite.organizationName ?? "").unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 }
            }
            try #require(plain.count >= 2, "the demo data has two plainly named pending invitations")
            let (accepted, rejected) = (plain[0], plain[1])
            let acceptedName = try #require(accepted.organizationName)
            let rejectedName = try #require(rejected.organizationName)

            try await run.tmux.waitForText("\(pendingCount) pending")
            try await run.tmux.sendKeys("4")
            let list = try await waitForPane(
                run, .invitations, also: "\(before.count) of \(before.count) invitations", acceptedName, rejectedName)

            // a and y together (key auto-repeat): the dialog opens and the y is ignored.
            try await run.select(row: try #require(ConsoleRun.rowIndex(of: acceptedName, in: list.text)))
            try await run.tmux.sendKeys("a", "y")
            let dialog = try await run.tmux.waitForText("Accept invitation", "Accept the invitation to \(acceptedName)")
            // Sync point: a resize is handled after the y (input is read in order), so once the console has
            // redrawn for the new size the y has been handled too. The dialog must have survived it.
            try await run.tmux.resize(width: 40, height: 12)
            try await run.tmux.waitForText("Terminal too small")
            try await run.tmux.resize(width: ConsoleRun.width, height: ConsoleRun.height)
            let resized = try await run.tmux.waitForText("\(before.count) of \(before.count) invitations")
            #expect(
                resized.text.contains("Accept the invitation to \(acceptedName)"),
                "the y that came with the a must not confirm: the dialog should still be open:\n\(resized)")
            #expect(try await status(of: accepted, run) == .pending, "the burst's y must not have accepted")

            try await run.tmux.sendKeys("y", notBefore: dialog.seenAt + Self.dialogKeyGuard)
            let afterAccept = try await run.tmux.waitForScreen("\(acceptedName) accepted, badge \(pendingCount - 1)") {
                screen in
                !screen.contains("Accept invitation")
                    && row(containing: acceptedName, in: screen)?.contains(" accepted ") == true
                    && pendingBadge(screen) == pendingCount - 1
            }
            #expect(row(containing: rejectedName, in: afterAccept.text)?.contains(" pending ") == true)
            // The row changes optimistically, before the server answers: wait for the server to agree.
            try await waitForServer(run, "\(acceptedName) accepted") {
                try await status(of: accepted, run) == .accepted
            }

            try await run.select(row: try #require(ConsoleRun.rowIndex(of: rejectedName, in: afterAccept.text)))
            try await run.tmux.sendKeys("x")
            let rejectDialog = try await run.tmux.waitForText("Reject invitation", rejectedName)
            try await run.tmux.sendKeys("y", notBefore: rejectDialog.seenAt + Self.dialogKeyGuard)
            try await run.tmux.waitForScreen("\(rejectedName) rejected, badge \(pendingCount - 2)") { screen in
                !screen.contains("Reject invitation")
                    && row(containing: rejectedName, in: screen)?.contains(" rejected ") == true
                    && row(containing: acceptedName, in: screen)?.contains(" accepted ") == true
                    && pendingBadge(screen) == pendingCount - 2
            }

            // The server agrees, and nothing else changed.
            try await waitForServer(run, "\(rejectedName) rejected") {
                try await status(of: rejected, run) == .rejected
            }
            let after = try await run.client.invites().fetchAll()
            for invite in before {
                let now = try #require(after.first { $0.id == invite.id })
                let expected: Cloudflare.InviteStatus? =
                    invite.id == accepted.id ? .accepted : invite.id == rejected.id ? .rejected : invite.status?.value
                #expect(now.status?.value == expected, "\(invite.organizationName ?? "?")")
            }
        }
    }

    // MARK: - 3. roll

    @Test("Roll a user token from the menu: the modal's secret is the server's new one; Esc wipes it")
    func rollAToken() async throws {
        try await withConsole { run in
            let signedIn = try await run.client.verifyToken().id
            let tokens = try await run.client.tokens(.user, query: .init(includeExpired: true, perPage: 50)).fetchAll()
            let signedInName = try #require(tokens.first { $0.id == signedIn }?.name)

            try await run.tmux.waitForText("3 Tokens")
            try await run.tmux.sendKeys("3")
            let list = try await waitForPane(run, .tokens, also: "◀ signed in")
            #expect(row(containing: "◀ signed in", in: list.text)?.contains(signedInName) == true)

            // The first active, plainly named token that is not the one orgtui signs in with.
            let rows = ConsoleRun.tableRows(list.text)
            let index = try #require(
                rows.firstIndex { $0.hasPrefix("  ") && !$0.contains("◀ signed in") && $0.contains(" active ") },
                "an active user token other than the signed-in one")
            let name = tokenName(rows[index])
            let token = try #require(tokens.first { $0.name == name }, "token '\(name)' on the server")
            let tokenID = try #require(token.id)
            #expect(tokenID != signedIn)
            // Learn a current secret of that token (the seeded one is random): roll it once through the API.
            let oldSecret = try #require(try await run.client.rollToken(.user, id: tokenID).reveal())
            #expect(try await run.client(token: oldSecret).verifyToken().id == tokenID)

            try await run.select(row: index)
            try await run.tmux.sendKeys("R")
            try await run.tmux.waitForText("Token '\(name)'", "Roll")
            try await run.tmux.sendKeys("Enter")
            let dialog = try await run.tmux.waitForText("Roll token '\(name)'")
            try await run.tmux.sendKeys("y", notBefore: dialog.seenAt + Self.dialogKeyGuard)
            let modal = try await run.tmux.waitForScreen("the new secret in the modal") { screen in
                screen.contains("New secret of '\(name)'") && secretOnScreen(screen) != nil
            }
            let newSecret = try #require(secretOnScreen(modal.text))
            #expect(newSecret != oldSecret)

            // The secret on screen is the server's: it verifies as that token; the old one no longer works.
            #expect(try await run.client(token: newSecret).verifyToken().id == tokenID)
            do {
                let verified = try await run.client(token: oldSecret).verifyToken()
                Issue.record("the old secret still verifies as \(verified.id)")
            } catch let error as APIError {
                #expect(error.status == 401, "old secret: \(error.debugDescription)")
            }
            // The console's own session is untouched.
            #expect(try await run.client.verifyToken().id == signedIn)

            try await run.tmux.sendKeys("Escape")
            let closed = try await run.tmux.waitForScreen("the modal closed") { screen in
                !screen.contains("New secret of") && screen.contains("◀ signed in")
            }
            #expect(!closed.text.contains(newSecret), "the secret must be wiped from the screen")
            #expect(!closed.text.contains(String(newSecret.prefix(12))))

            // Nor is either secret in anything the console wrote: the debug log, the journal, a crash report.
            let state = run.folder.appendingPathComponent("state")
            let files =
                FileManager.default.enumerator(at: state, includingPropertiesForKeys: nil)?
                .compactMap { $0 as? URL }.filter { !$0.hasDirectoryPath } ?? []
            let written = files.map { String(decoding: (try? Data(contentsOf: $0)) ?? Data(), as: UTF8.self) }
            #expect(
                written.joined().contains("debug"), "the log was written at debug: \(files.map(\.lastPathComponent))")
            for (file, text) in zip(files, written) {
                #expect(!text.contains(newSecret), "the new secret is in \(file.lastPathComponent)")
                #expect(!text.contains(oldSecret), "the old secret is in \(file.lastPathComponent)")
            }
        }
    }

    // MARK: - 4. hostile text

    @Test("Hostile names: the terminal never receives their escape sequences, bidi controls or bells")
    func hostileTextNeverReachesTheTerminal() async throws {
        try await withConsole(.recorded) { run in
            let accountsScreen = try await run.tmux.waitForText(
                "␛[2J␛[31mPWNED Holdings", "␛]52;c;ZXZpbA==␇Evil Corp ⟨U+202E⟩moc.elpmaxe", "Acme Corp")
            let acmeRow = try #require(ConsoleRun.rowIndex(of: "Acme Corp", in: accountsScreen.text))
            try await run.select(row: acmeRow)
            try await run.tmux.sendKeys("Enter")
            try await run.tmux.waitForText("␛[2J␛[31mMallory", "Eve ⟨U+202E⟩fdp.exe", "Board␛]52;c;ZXZpbA==␇")
            try await run.tmux.sendKeys("3")
            try await run.tmux.waitForText("␛[2Jdeploy␇")
            try await run.tmux.sendKeys("4")
            try await run.tmux.waitForText("Vandelay␈␈␛[2J Industries⟨U+200D⟩")
            try await run.tmux.sendKeys("q")
            try await run.tmux.waitForScreen("EXIT=0") { $0.components(separatedBy: "\n").contains("EXIT=0") }

            let recorded = try Data(contentsOf: run.folder.appendingPathComponent("typescript"))
            // The recording holds the session: the hostile rows were drawn, with their markers.
            for drawn in ["PWNED Holdings", "Mallory", "Vandelay", "⟨U+202E⟩"] {
                #expect(recorded.contains(Data(drawn.utf8)), "the typescript lacks \(drawn) (\(recorded.count) bytes)")
            }
            let esc = "\u{1B}"
            let bell = "\u{07}"
            let forbidden: [(String, String)] = [
                ("ESC [31m PWNED", "\(esc)[31mPWNED"),
                ("ESC [31m Mallory", "\(esc)[31mMallory"),
                ("ESC [31m red alert", "\(esc)[31mred alert"),
                ("ESC ]52 (OSC 52 clipboard write)", "\(esc)]52"),
                ("ESC [2J ESC [31m", "\(esc)[2J\(esc)[31m"),
                ("ESC [2J PWNED", "\(esc)[2JPWNED"),
                ("ESC [2J deploy", "\(esc)[2Jdeploy"),
                ("ESC [2J Industries", "\(esc)[2J Industries"),
                ("BS BS ESC [2J", "\u{08}\u{08}\(esc)[2J"),
                ("Vandelay BS", "Vandelay\u{08}"),
                ("U+202E RIGHT-TO-LEFT OVERRIDE", "\u{202E}"),
                ("U+2066 LEFT-TO-RIGHT ISOLATE", "\u{2066}"),
                ("U+200D ZERO WIDTH JOINER", "\u{200D}"),
                ("ESC [0m BEL", "\(esc)[0m\(bell)"),
                ("ZXZpbA== BEL", "ZXZpbA==\(bell)"),
                ("Malicious BEL", "Malicious\(bell)"),
                ("deploy BEL", "deploy\(bell)"),
                ("width BEL", "width\(bell)"),
                ("Holdings BEL", "Holdings\(bell)"),
                ("BEL clipboard-helper", "\(bell)clipboard-helper"),
                ("BEL Evil Corp", "\(bell)Evil Corp"),
            ]
            for (what, payload) in forbidden {
                let bytes = Data(payload.utf8)
                #expect(
                    !recorded.contains(bytes),
                    "the terminal received \(what) at byte \(recorded.firstRange(of: bytes)?.lowerBound ?? -1)")
            }
        }
    }

    // MARK: - 5. resize

    @Test("Resize to 40×12 shows 'Terminal too small'; back to 120×40 brings the table back")
    func resizeTooSmallAndBack() async throws {
        try await withConsole { run in
            try await waitForPane(run, .accounts, also: "Acme Corp")
            try await run.tmux.resize(width: 40, height: 12)
            let small = try await run.tmux.waitForText("Terminal too small")
            #expect(!small.text.contains("Acme Corp"))
            #expect(small.lines.allSatisfy { $0.count <= 40 })
            try await run.tmux.resize(width: ConsoleRun.width, height: ConsoleRun.height)
            let back = try await waitForPane(run, .accounts, also: "Acme Corp")
            #expect(!back.text.contains("Terminal too small"))
            #expect(ConsoleRun.line(back.text, 0).contains("orgtui"), "the header is back")
        }
    }

    // MARK: - 6. quit

    @Test("q quits with status 0 and leaves the terminal as it found it")
    func quitRestoresTheTerminal() async throws {
        try await withConsole { run in
            try await waitForPane(run, .accounts, also: "Acme Corp")
            #expect(try await run.tmux.display("#{alternate_on}") == "1", "curses uses the alternate screen")
            try await run.tmux.sendKeys("q")
            let exited = try await run.tmux.waitForScreen("EXIT=0") {
                $0.components(separatedBy: "\n").contains("EXIT=0")
            }
            #expect(!exited.text.contains("Acme Corp"), "the console's screen is gone")
            #expect(try await run.tmux.display("#{alternate_on}") == "0", "back on the normal screen")
            #expect(try await run.tmux.display("#{cursor_flag}") == "1", "the cursor is visible again")

            try await run.tmux.type("stty -a")
            try await run.tmux.sendKeys("Enter")
            // Done when the flags are out and the shell prompts again.
            let stty = try await run.tmux.waitForScreen("stty -a output and a new prompt") { screen in
                let lines = screen.components(separatedBy: "\n").filter {
                    !$0.trimmingCharacters(in: .whitespaces).isEmpty
                }
                return screen.contains("icanon") && lines.last?.trimmingCharacters(in: .whitespaces) == "$"
            }
            let output = stty.text.components(separatedBy: "stty -a").dropFirst().joined()
            let words = Set(output.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
            #expect(words.contains("icanon") && !words.contains("-icanon"), "canonical mode restored:\n\(output)")
            #expect(words.contains("echo") && !words.contains("-echo"), "echo restored:\n\(output)")
        }
    }
}

// MARK: - Panes

/// The four panes: digit, tab label, column headings and the noun of the status line.
enum Pane: Int, CaseIterable, CustomStringConvertible {
    case accounts = 1
    case members, tokens, invitations

    var tabLabel: String {
        switch self {
        case .accounts: "1 Accounts"
        case .members: "2 Members"
        case .tokens: "3 Tokens"
        case .invitations: "4 Invitations"
        }
    }

    var headings: [String] {
        switch self {
        case .accounts: ["NAME", "TYPE", "CREATED"]
        case .members: ["EMAIL", "ROLES", "2FA"]
        case .tokens: ["NAME", "LAST USED", "EXPIRES", "SCOPE"]
        case .invitations: ["ACCOUNT", "FROM / TO", "EXPIRES"]
        }
    }

    var noun: String {
        switch self {
        case .accounts: "accounts"
        case .members: "members"
        case .tokens: "tokens"
        case .invitations: "invitations"
        }
    }

    var description: String { tabLabel }

    /// The pane whose tab is drawn unlike the other three (the active one), or nil when that is not clear.
    static func active(in attributes: ScreenAttributes) -> Pane? {
        let styles = allCases.map { attributes.style(of: $0.tabLabel, row: 1) }
        guard styles.allSatisfy({ $0 != nil }) else { return nil }
        let odd = allCases.indices.filter { index in
            allCases.indices.allSatisfy { $0 == index || styles[$0] != styles[index] }
        }
        let rest = allCases.indices.filter { !odd.contains($0) }
        guard odd.count == 1, Set(rest.map { styles[$0] }).count == 1 else { return nil }
        return allCases[odd[0]]
    }
}

/// Waits until `pane` is shown: its column headings, its noun in the status line and its tab highlighted.
@discardableResult
func waitForPane(_ run: ConsoleRun, _ pane: Pane, also needles: String...) async throws -> TmuxSession.Screen {
    let screen = try await run.tmux.waitForScreen("pane \(pane) with \(needles)", attributes: true) { captured in
        let attributes = ScreenAttributes(captured)
        let headings = attributes.text(row: ConsoleRun.headingRow)
        let status = attributes.text(row: ConsoleRun.height - 2)
        let text = (0..<attributes.rows.count).map { attributes.text(row: $0) }.joined(separator: "\n")
        return pane.headings.allSatisfy(headings.contains) && status.contains(" \(pane.noun)")
            && Pane.active(in: attributes) == pane && needles.allSatisfy(text.contains)
    }
    let attributes = ScreenAttributes(screen.text)
    let text = (0..<attributes.rows.count).map { attributes.text(row: $0) }.joined(separator: "\n")
    return TmuxSession.Screen(text: text, seenAt: screen.seenAt)
}

// MARK: - Reading the screen

/// The table row showing `text`.
func row(containing text: String, in screen: String) -> String? {
    ConsoleRun.tableRows(screen).first { $0.contains(text) }
}

/// The pending-invitations badge of the tab bar ("3 pending").
func pendingBadge(_ screen: String) -> Int? {
    let tabs = ConsoleRun.line(screen, 1)
    guard let match = tabs.firstMatch(of: /(\d+) pending/) else { return nil }
    return Int(match.1)
}

/// A token's name from its row: after the two-cell flag gutter, up to the column gap.
func tokenName(_ row: String) -> String {
    let name = row.dropFirst(2).components(separatedBy: "  ").first ?? ""
    return name.trimmingCharacters(in: .whitespaces)
}

/// The secret in the "Token rolled" modal: the only line of the box that is one long token-like word.
func secretOnScreen(_ screen: String) -> String? {
    for line in screen.components(separatedBy: "\n") {
        if let match = line.firstMatch(of: /│ ([A-Za-z0-9_\-]{32,}) +│/) { return String(match.1) }
    }
    return nil
}

/// The server's status of an invitation.
func status(of invite: Cloudflare.Invite, _ run: ConsoleRun) async throws -> Cloudflare.InviteStatus? {
    let id = try #require(invite.id)
    return try await run.client.invite(id: id).status?.value
}

/// Polls the demo server through its API (every 50 ms, up to 10 s) until `condition` holds.
func waitForServer(_ run: ConsoleRun, _ what: String, _ condition: () async throws -> Bool) async throws {
    let done = try await TmuxSession.poll(timeout: .seconds(10)) { try await condition() ? true : nil }
    if done == nil { throw EndToEndFailure("the demo server never showed \(what)") }
}

/// `n` with thousands separators, as the status line writes it ("2,500").
func grouped(_ n: Int) -> String {
    let digits = String(n)
    var out = ""
    for (index, character) in digits.enumerated() {
        if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
        out.append(character)
    }
    return out
}
