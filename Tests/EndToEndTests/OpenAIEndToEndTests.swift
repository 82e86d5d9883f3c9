import APICore
import ConsoleTesting
import Foundation
import OpenAIAdminAPI
import Testing

/// `orgtui --provider openai`, built, driven in tmux against a standalone demo server; the server's state and
/// request log say what happened. Waits poll the screen (or the server) with a deadline; the only timed wait is
/// the dialogs' documented 150 ms key guard, measured from when the dialog was seen.
@Suite(
    "End to end, OpenAI (tmux)",
    .enabled(if: EndToEndEnvironment.isEnabled, "tmux is not installed; ORGTUI_REQUIRE_E2E=1 makes this a failure"))
struct OpenAIEndToEndTests {
    static let keyGuard = EndToEndTests.dialogKeyGuard

    @Test("Browse the organization's users across pages: G walks to the last one")
    func browseUsersToTheEnd() async throws {
        try await withOpenAIConsole { run in
            let users = try await run.client.users().fetchAll()
            #expect(users.count == OpenAIConsoleRun.users)
            let first = try #require(users.first?.email)
            let last = try #require(users.last?.email)
            try await run.tmux.waitForText("Organization")
            try await run.tmux.sendKeys("2")
            try await run.tmux.waitForText(first)
            // G selects the last loaded row and loads the next page; press it until the last user shows.
            let end = try await pressUntil(run, "G", "the last user \(last)") { $0.contains(last) }
            #expect(!end.contains("Could not"), "\(end)")
            let pages = (OpenAIConsoleRun.users + 99) / 100
            #expect(try await run.count("GET", "/v1/organization/users") >= pages)
        }
    }

    @Test("e changes a user's organization role on the server")
    func changeARole() async throws {
        try await withOpenAIConsole { run in
            let page = try await run.client.users().page(.after(nil)).items
            let index = try #require(page.prefix(20).firstIndex { $0.role?.rawValue == "reader" }, "a reader on page 1")
            let user = page[index]
            let email = try #require(user.email)
            try await run.tmux.sendKeys("2")
            try await run.tmux.waitForText(email)
            try await select(run, row: index)
            try await run.tmux.sendKeys("e")
            try await run.tmux.waitForText("Roles of \(email)")
            try await run.tmux.sendKeys("k", "Enter")
            let dialog = try await run.tmux.waitForText("Change the roles of \(email)")
            try await run.tmux.sendKeys("y", notBefore: dialog.seenAt + Self.keyGuard)
            let changed = try await TmuxSession.poll(timeout: .seconds(15)) {
                try await run.client.user(id: user.id).role?.rawValue == "owner" ? true : nil
            }
            #expect(changed == true)
            #expect(try await run.count("POST", "/v1/organization/users/\(user.id)") == 1)
        }
    }

    @Test("n invites an email, x revokes the invite")
    func inviteAndRevoke() async throws {
        try await withOpenAIConsole { run in
            let email = "e2e.invitee@example.test"
            try await run.tmux.sendKeys("4")
            try await run.tmux.waitForText(" invitations")
            try await run.tmux.sendKeys("n")
            try await run.tmux.waitForText("Invite member", "Email:")
            try await run.tmux.type(email)
            try await run.tmux.sendKeys("Tab", "j", "Enter")
            let dialog = try await run.tmux.waitForText("Invite \(email)")
            try await run.tmux.sendKeys("y", notBefore: dialog.seenAt + Self.keyGuard)
            let invite = try await TmuxSession.poll(timeout: .seconds(15)) {
                try await run.client.invites().fetchAll().first { $0.email == email }
            }
            let created = try #require(invite, "the invite reached the server")
            #expect(created.role.rawValue == "reader")
            // The status line names the email while sending: wait for the table row, then filter down to it (the
            // list is re-read after the write, so a row index read off one screen may not hold for the next).
            try await run.tmux.waitForScreen("the invite of \(email) listed") {
                ConsoleRun.rowIndex(of: email, in: $0) != nil
            }
            try await run.tmux.sendKeys("/")
            try await run.tmux.type(email)
            try await run.tmux.sendKeys("Enter")
            try await run.tmux.waitForScreen("only the invite of \(email) listed") { screen in
                let rows = ConsoleRun.tableRows(screen).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                return rows.count == 1 && rows[0].contains(email)
            }
            try await run.tmux.sendKeys("g", "x")
            let revoke = try await run.tmux.waitForText("Revoke the invitation of \(email)")
            try await run.tmux.sendKeys("y", notBefore: revoke.seenAt + Self.keyGuard)
            let gone = try await TmuxSession.poll(timeout: .seconds(15)) {
                try await run.client.invites().fetchAll().contains { $0.id == created.id } ? nil : true
            }
            #expect(gone == true)
            #expect(try await run.count("POST", "/v1/organization/invites") == 1)
            #expect(try await run.count("DELETE", "/v1/organization/invites/\(created.id)") == 1)
        }
    }

    @Test("Guided rotation of an admin key: the new key exists, the old one is deleted, each exactly once")
    func guidedRotation() async throws {
        try await withOpenAIConsole { run in
            let before = try await run.client.adminKeys().fetchAll()
            let secret = Secret(run.server.token)
            let old = try #require(
                before.first {
                    RedactedKey($0.redactedValue)?.matches(secret) != true && $0.expiresAt == nil && $0.name != nil
                },
                "an admin key other than the login key")
            let name = try #require(old.name)
            try await run.tmux.sendKeys("3")
            let list = try await run.tmux.waitForText(name)
            let row = try #require(ConsoleRun.rowIndex(of: name, in: list.text))
            try await select(run, row: row)
            try await run.tmux.sendKeys("R")
            try await run.tmux.waitForText("Rotate (create a new key")
            try await run.tmux.sendKeys("o")
            let dialog = try await run.tmux.waitForText("Create new key")
            try await run.tmux.sendKeys("y", notBefore: dialog.seenAt + Self.keyGuard)
            let modal = try await run.tmux.waitForText("Its secret — shown once")
            #expect(try await run.count("DELETE", "/v1/organization/admin_api_keys/\(old.id)") == 0)
            try await run.tmux.sendKeys("y", notBefore: modal.seenAt + Self.keyGuard)
            try await run.tmux.waitForText("Step 2: old admin key '\(name)' deleted")

            #expect(try await run.count("POST", "/v1/organization/admin_api_keys") == 1)
            #expect(try await run.count("DELETE", "/v1/organization/admin_api_keys/\(old.id)") == 1)
            let after = try await run.client.adminKeys().fetchAll()
            #expect(!after.contains { $0.id == old.id })
            let added = after.filter { key in !before.contains { $0.id == key.id } }
            #expect(added.map(\.name) == [name], "one new key, named like the old one")
            try await run.tmux.sendKeys("Escape")
            try await run.tmux.waitForScreen("the modal closed") {
                !$0.contains("Its secret") && !$0.contains("Step 2")
            }
        }
    }

    @Test("Enter on a project scopes the panes; Esc steps back to the organization with the project still selected")
    func escapeBackFromAProject() async throws {
        try await withOpenAIConsole { run in
            let projects = try await run.client.projects(includeArchived: true).fetchAll()
            let project = try #require(projects.first)
            let name = try #require(project.name)
            let accounts = try await run.tmux.waitForText("Organization", name)
            let row = try #require(ConsoleRun.rowIndex(of: name, in: accounts.text))
            try await select(run, row: row)
            try await run.tmux.sendKeys("Enter")
            try await run.tmux.waitForText("\(name) › Members")
            try await run.tmux.sendKeys("Escape")
            try await run.tmux.waitForScreen("back at the organization") { screen in
                !screen.contains("\(name) › ") && ConsoleRun.line(screen, 0).contains("Accounts")
            }
            // The project is still the selected row: Enter goes back into it.
            try await run.tmux.sendKeys("Enter")
            try await run.tmux.waitForText("\(name) › Members")
            #expect(try await run.count("GET", "/v1/organization/projects/\(project.id)/users") >= 1)
        }
    }
}

/// Moves the selection of the current pane to table row `index` (top, then `j` × index).
private func select(_ run: OpenAIConsoleRun, row index: Int) async throws {
    try await run.tmux.sendKeys("g")
    if index > 0 { try await run.tmux.sendKeys(contentsOf: Array(repeating: "j", count: index)) }
}

/// Presses `key` until the screen satisfies `predicate`, waiting up to 5 s after each press; 20 presses at most.
private func pressUntil(
    _ run: OpenAIConsoleRun, _ key: String, _ what: String, _ predicate: @escaping (String) -> Bool
) async throws -> String {
    for _ in 0..<20 {
        try await run.tmux.sendKeys(key)
        if let screen = try? await run.tmux.waitForScreen(what, timeout: .seconds(5), predicate) { return screen.text }
    }
    throw EndToEndFailure("\(what) never showed after pressing \(key) 20 times")
}
