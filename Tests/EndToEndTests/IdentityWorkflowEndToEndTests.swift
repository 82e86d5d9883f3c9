import APICore
import CloudflareAPI
import ConsoleTesting
import Foundation
import Testing

/// The identity workflows of issue 9, driven in tmux against the demo server and checked on the server's state.
@Suite(
    "End to end: identity workflows (tmux)",
    .enabled(if: EndToEndEnvironment.isEnabled, "tmux is not installed; ORGTUI_REQUIRE_E2E=1 makes this a failure"))
struct IdentityWorkflowEndToEndTests {
    static let dialogKeyGuard = EndToEndTests.dialogKeyGuard

    /// Opens the palette, types a command and runs it.
    private func palette(_ command: String, _ run: ConsoleRun) async throws {
        try await run.tmux.sendKeys(":")
        try await run.tmux.waitForText("Command palette")
        try await run.tmux.type(command)
        try await run.tmux.sendKeys("Enter")
    }

    /// Enter on Acme Corp: its members, tokens and invitations in scope.
    private func enterAcme(_ run: ConsoleRun) async throws -> Cloudflare.Account {
        let accounts = try await run.client.accounts().fetchAll()
        let acme = try #require(accounts.first { $0.name == "Acme Corp" }, "the demo data has Acme Corp")
        let screen = try await run.tmux.waitForText("Acme Corp")
        let index = try #require(ConsoleRun.rowIndex(of: "Acme Corp", in: screen.text))
        try await run.select(row: index)
        try await run.tmux.sendKeys("Enter")
        try await waitForPane(run, .members, also: "members")
        return acme
    }

    private func confirm(_ title: String, _ run: ConsoleRun) async throws {
        let dialog = try await run.tmux.waitForText(title)
        try await run.tmux.sendKeys("y", notBefore: dialog.seenAt + Self.dialogKeyGuard)
    }

    @Test("Invite a member with two roles, change their roles, remove them")
    func inviteChangeRolesRemove() async throws {
        try await withConsole { run in
            let acme = try await enterAcme(run)
            let roles = try await run.client.roles(accountID: acme.id).fetchAll()
            try #require(roles.count >= 3)
            let email = "e2e.invitee@example.com"
            let memberOnServer = { () async throws -> Cloudflare.Member? in
                try await run.client.members(accountID: acme.id, .init(status: .pending, perPage: 50)).fetchAll()
                    .first { ($0.email ?? $0.user?.email) == email }
            }

            try await run.tmux.sendKeys("n")
            try await run.tmux.waitForText("Invite member", "Email:")
            try await run.tmux.type(email)
            try await run.tmux.sendKeys("Tab", "Space", "Down", "Space", "Enter")
            try await confirm("Invite \(email)", run)
            try await waitForServer(run, "a pending member with two roles") {
                Set(try await memberOnServer()?.roles?.map(\.id) ?? []) == Set([roles[0].id, roles[1].id])
            }

            // Only pending members, every page (the new one is last), then the new one by its email.
            let pending = try await run.client.members(accountID: acme.id, .init(status: .pending, perPage: 50))
                .fetchAll()
            try await palette("members pending", run)
            try await run.tmux.waitForText("of \(grouped(pending.count)) members")
            try await run.tmux.sendKeys("L")
            try await run.tmux.waitForScreen("every pending member loaded") { screen in
                let status = ConsoleRun.statusLine(screen)
                guard let match = status.firstMatch(of: /(\d+)\/(\d+) pages/) else { return false }
                return match.1 == match.2
            }
            try await run.tmux.sendKeys("/")
            try await run.tmux.type(email)
            try await run.tmux.sendKeys("Enter")
            try await run.tmux.waitForScreen("the invitee's row") { screen in
                ConsoleRun.tableRows(screen).contains { $0.contains(email) }
            }
            try await run.tmux.sendKeys("e")
            try await run.tmux.waitForText("Roles of \(email)")
            // The cursor starts on the first role held: untick it, tick the third.
            try await run.tmux.sendKeys("Space", "Down", "Down", "Space", "Enter")
            try await confirm("Change the roles of \(email)", run)
            try await waitForServer(run, "the member with the second and third roles") {
                Set(try await memberOnServer()?.roles?.map(\.id) ?? []) == Set([roles[1].id, roles[2].id])
            }

            try await run.tmux.sendKeys("D")
            let removal = try await run.tmux.waitForText("Remove member", "Type the name to confirm")
            // The dialog's documented key guard, measured from when it was seen.
            try await run.tmux.type(email, notBefore: removal.seenAt + Self.dialogKeyGuard)
            try await run.tmux.sendKeys("Enter")
            try await waitForServer(run, "the member gone") { try await memberOnServer() == nil }
        }
    }

    @Test("Create a token from two permission groups; its secret is shown once and is the server's")
    func createATokenAndSeeItsSecretOnce() async throws {
        try await withConsole { run in
            let groups = try await run.client.tokenPermissionGroups(.user).fetchAll().filter {
                $0.isSelectable != false
            }
            try #require(groups.count >= 2)
            let name = "e2e-created-token"
            try await run.tmux.waitForText("3 Tokens")
            try await run.tmux.sendKeys("3")
            try await waitForPane(run, .tokens, also: "◀ signed in")
            try await run.tmux.sendKeys("n")
            try await run.tmux.waitForText("Create token", "Permissions:")
            try await run.tmux.type(name)
            try await run.tmux.sendKeys("Tab", "Space", "Down", "Space", "Enter")
            try await confirm("Create token '\(name)'", run)
            let modal = try await run.tmux.waitForScreen("the new token's secret") { screen in
                screen.contains("New secret of '\(name)'") && secretOnScreen(screen) != nil
            }
            let secret = try #require(secretOnScreen(modal.text))
            let tokens = try await run.client.tokens(.user, query: .init(includeExpired: true, perPage: 50)).fetchAll()
            let created = try #require(tokens.first { $0.name == name }, "the token on the server")
            #expect(try await run.client(token: secret).verifyToken().id == created.id)
            let picked = Set(created.policies?.flatMap { $0.permissionGroups.map(\.id) } ?? [])
            #expect(picked == Set(groups.prefix(2).compactMap(\.id)))

            try await run.tmux.sendKeys("Escape")
            let closed = try await run.tmux.waitForScreen("the modal closed") { !$0.contains("New secret of") }
            #expect(!closed.text.contains(secret), "the secret must be wiped from the screen")
        }
    }

    @Test("Read the account audit log and open an entry")
    func readTheAccountAuditLog() async throws {
        try await withConsole { run in
            let acme = try await enterAcme(run)
            let logs = try await run.client.accountAuditLogs(
                accountID: acme.id, .init(since: "2000-01-01", before: "2100-01-01", direction: .descending, limit: 50)
            ).page(.after(nil)).items
            let newest = try #require(logs.first, "the demo account has audit entries")
            let id = try #require(newest.id)
            try await palette("audit", run)
            try await run.tmux.waitForText("Audit log · Acme Corp", "When", "Actor", "Action", "Resource", "Result")
            // The detail pane of the selected (newest) entry shows its id.
            try await run.tmux.waitForText("ID: \(id.prefix(20))")
            try await run.tmux.sendKeys("j")
            if logs.count > 1, let second = logs[1].id {
                try await run.tmux.waitForText("ID: \(second.prefix(20))")
            }
        }
    }

    @Test("Edit the user's telephone")
    func editTheTelephone() async throws {
        try await withConsole { run in
            let before = try await run.client.user()
            try await palette("user", run)
            try await run.tmux.waitForText("Your profile", "Email:")
            try await run.tmux.sendKeys("e")
            try await run.tmux.waitForText("Edit your profile")
            try await run.tmux.sendKeys("Down", "Down")
            let erase = Array(repeating: "BSpace", count: (before.telephone ?? "").count)
            if !erase.isEmpty { try await run.tmux.sendKeys(contentsOf: erase) }
            try await run.tmux.type("+1 555 0199")
            try await run.tmux.sendKeys("Enter")
            try await confirm("Save your profile", run)
            try await waitForServer(run, "the new telephone") { try await run.client.user().telephone == "+1 555 0199" }
            try await run.tmux.waitForText("+1 555 0199")
        }
    }
}
