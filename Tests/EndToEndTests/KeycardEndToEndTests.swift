import APICore
import ConsoleTesting
import Foundation
import KeycardAPI
import Testing

/// `orgtui --provider keycard`, built, driven in tmux against a standalone demo server; the server's state and
/// request log say what happened. Waits poll the screen (or the server) with a deadline; the only timed wait is
/// the dialogs' documented 150 ms key guard, measured from when the dialog was seen.
@Suite(
    "End to end, Keycard (tmux)",
    .enabled(if: EndToEndEnvironment.isEnabled, "tmux is not installed; ORGTUI_REQUIRE_E2E=1 makes this a failure"))
struct KeycardEndToEndTests {
    static let keyGuard = EndToEndTests.dialogKeyGuard
    static let organization = "Acme Robotics"
    static let serviceAccount = "ci-deploy"

    @Test("Enter on an organization, then on a service account, lists its credentials; Esc steps back twice")
    func browseOrganizationsAndServiceAccounts() async throws {
        try await withKeycardConsole { run in
            let acme = try await run.organization(named: Self.organization)
            let accounts = try await run.client.serviceAccountPages(organizationID: acme.id, limit: 100).fetchAll()
            let account = try #require(accounts.first { $0.name == Self.serviceAccount })
            let credentials = try await run.client.credentialPages(
                organizationID: acme.id, serviceAccountID: account.id, limit: 100
            ).fetchAll()
            let credential = try #require(credentials.first?.name)
            try await enterOrganization(run, Self.organization)
            try await enterServiceAccount(run, Self.serviceAccount, showing: credential)
            #expect(
                try await run.count("GET", "/organizations/\(acme.id)/service-accounts/\(account.id)/credentials") >= 1)
            try await run.tmux.sendKeys("Escape")
            try await run.tmux.waitForScreen("back at the organization's service accounts") { screen in
                screen.contains("\(Self.organization) › ") && !screen.contains("\(Self.serviceAccount) › ")
                    && ConsoleRun.rowIndex(of: Self.serviceAccount, in: screen) != nil
            }
            try await run.tmux.sendKeys("Escape")
            try await run.tmux.waitForScreen("back at the organizations") { screen in
                !screen.contains("\(Self.organization) › ") && ConsoleRun.line(screen, 0).contains("Accounts")
            }
            // The organization is still the selected row: Enter goes back into it.
            try await run.tmux.sendKeys("Enter")
            try await run.tmux.waitForText("\(Self.organization) › Members")
        }
    }

    @Test("n invites an email into the organization, x revokes it (it stays listed as revoked)")
    func inviteAndRevoke() async throws {
        try await withKeycardConsole { run in
            let acme = try await run.organization(named: Self.organization)
            let email = "e2e.invitee@example.test"
            try await enterOrganization(run, Self.organization)
            try await run.tmux.sendKeys("4")
            try await run.tmux.waitForText("\(Self.organization) › Invitations")
            try await run.tmux.sendKeys("n")
            try await run.tmux.waitForText("Invite member", "Email:")
            try await run.tmux.type(email)
            try await run.tmux.sendKeys("Tab", "Enter")
            let dialog = try await run.tmux.waitForText("Invite \(email)")
            try await run.tmux.sendKeys("y", notBefore: dialog.seenAt + Self.keyGuard)
            let invitation = try await TmuxSession.poll(timeout: .seconds(15)) {
                try await run.client.invitationPages(organizationID: acme.id, limit: 100).fetchAll().first {
                    $0.email == email
                }
            }
            let created = try #require(invitation, "the invitation reached the server")
            #expect(created.status.rawValue == "pending")
            try await run.tmux.waitForScreen("the invitation of \(email) listed") {
                ConsoleRun.rowIndex(of: email, in: $0) != nil
            }
            try await run.tmux.sendKeys("/")
            try await run.tmux.type(email)
            try await run.tmux.sendKeys("Enter")
            try await run.tmux.waitForScreen("only the invitation of \(email) listed") { screen in
                let rows = ConsoleRun.tableRows(screen).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                return rows.count == 1 && rows[0].contains(email)
            }
            try await run.tmux.sendKeys("g", "x")
            let revoke = try await run.tmux.waitForText("Revoke the invitation of \(email)")
            try await run.tmux.sendKeys("y", notBefore: revoke.seenAt + Self.keyGuard)
            let revoked = try await TmuxSession.poll(timeout: .seconds(15)) {
                try await run.client.invitationPages(organizationID: acme.id, limit: 100).fetchAll()
                    .first { $0.id == created.id && $0.status.rawValue == "revoked" }
            }
            #expect(revoked != nil)
            #expect(try await run.count("POST", "/organizations/\(acme.id)/invitations") == 1)
            #expect(try await run.count("DELETE", "/organizations/\(acme.id)/invitations/\(created.id)") == 1)
        }
    }

    @Test("Guided rotation of a credential: a new one is created once, the old one deleted once")
    func guidedCredentialRotation() async throws {
        try await withKeycardConsole { run in
            let acme = try await run.organization(named: Self.organization)
            let accounts = try await run.client.serviceAccountPages(organizationID: acme.id, limit: 100).fetchAll()
            let account = try #require(accounts.first { $0.name == Self.serviceAccount })
            let before = try await run.client.credentialPages(
                organizationID: acme.id, serviceAccountID: account.id, limit: 100
            ).fetchAll()
            let old = try #require(before.first)
            let credentialsPath = "/organizations/\(acme.id)/service-accounts/\(account.id)/credentials"
            try await enterOrganization(run, Self.organization)
            let list = try await enterServiceAccount(run, Self.serviceAccount, showing: old.name)
            let row = try #require(
                ConsoleRun.rowIndex(of: old.clientID, in: list.text) ?? ConsoleRun.rowIndex(of: old.name, in: list.text)
            )
            try await select(run, row: row)
            try await run.tmux.sendKeys("R")
            try await run.tmux.waitForText("Rotate (create a new key")
            try await run.tmux.sendKeys("Enter")
            let dialog = try await run.tmux.waitForText("Create new key")
            try await run.tmux.sendKeys("y", notBefore: dialog.seenAt + Self.keyGuard)
            let modal = try await run.tmux.waitForText("shown once, never stored")
            #expect(try await run.count("POST", credentialsPath) == 1)
            #expect(try await run.count("DELETE", "\(credentialsPath)/\(old.id)") == 0, "nothing is deleted before y")
            try await run.tmux.sendKeys("y", notBefore: modal.seenAt + Self.keyGuard)
            try await run.tmux.waitForText("Step 2:", "deleted")

            #expect(try await run.count("POST", credentialsPath) == 1)
            #expect(try await run.count("DELETE", "\(credentialsPath)/\(old.id)") == 1)
            let after = try await run.client.credentialPages(
                organizationID: acme.id, serviceAccountID: account.id, limit: 100
            ).fetchAll()
            #expect(!after.contains { $0.id == old.id })
            let added = after.filter { credential in !before.contains { $0.id == credential.id } }
            #expect(added.map(\.name) == [old.name], "one new credential, named like the old one")
            try await run.tmux.sendKeys("Escape")
            try await run.tmux.waitForScreen("the modal closed") {
                !$0.contains("shown once") && !$0.contains("Step 2")
            }
        }
    }

    @Test(":sso, x, n sends nothing; x, y disables SSO on the server with one DELETE")
    func disableSSOCancelledThenConfirmed() async throws {
        try await withKeycardConsole { run in
            let organizations = try await run.client.organizationPages(limit: 100).fetchAll()
            let globex = try #require(organizations.first { $0.ssoEnabled }, "an organization with SSO on")
            let issuer = try #require(try await run.client.ssoConnection(organizationID: globex.id)?.identifier)
            let path = "/organizations/\(globex.id)/sso-connection"
            try await enterOrganization(run, globex.name)
            try await openSSO(run, expecting: issuer)
            try await run.tmux.sendKeys("x")
            let first = try await run.tmux.waitForText("Disable single sign-on for \(globex.name)")
            try await run.tmux.sendKeys("n", notBefore: first.seenAt + Self.keyGuard)
            try await run.tmux.waitForScreen("the confirmation closed") { !$0.contains("Disable single sign-on for") }
            #expect(try await run.count("DELETE", path) == 0)
            #expect(try await run.client.ssoConnection(organizationID: globex.id) != nil, "SSO is still on")

            // Cancelling returns to the SSO modal.
            try await run.tmux.waitForText(issuer, "x disable")
            try await run.tmux.sendKeys("x")
            let second = try await run.tmux.waitForText("Disable single sign-on for \(globex.name)")
            try await run.tmux.sendKeys("y", notBefore: second.seenAt + Self.keyGuard)
            let off = try await TmuxSession.poll(timeout: .seconds(15)) {
                try await run.client.ssoConnection(organizationID: globex.id) == nil ? true : nil
            }
            #expect(off == true)
            #expect(try await run.count("DELETE", path) == 1)
            try await run.tmux.waitForText("SSO is off")
        }
    }
}

/// Selects the organization named `name` on the Accounts pane and enters it.
private func enterOrganization(_ run: KeycardConsoleRun, _ name: String) async throws {
    try await run.tmux.sendKeys("1")
    let accounts = try await run.tmux.waitForText(name)
    let row = try #require(ConsoleRun.rowIndex(of: name, in: accounts.text))
    try await select(run, row: row)
    try await run.tmux.sendKeys("Enter")
    try await run.tmux.waitForText("\(name) › Members")
}

/// On Tokens, selects the service account named `name` and enters it, until `credential` is listed.
@discardableResult
private func enterServiceAccount(_ run: KeycardConsoleRun, _ name: String, showing credential: String) async throws
    -> TmuxSession.Screen
{
    try await run.tmux.sendKeys("3")
    let list = try await run.tmux.waitForText(name)
    let row = try #require(ConsoleRun.rowIndex(of: name, in: list.text))
    try await select(run, row: row)
    try await run.tmux.sendKeys("Enter")
    return try await run.tmux.waitForText("\(name) › ", credential)
}

/// `:sso` on the organization in scope, until the modal shows the connection's issuer.
private func openSSO(_ run: KeycardConsoleRun, expecting issuer: String) async throws {
    try await run.tmux.sendKeys(":")
    try await run.tmux.type("sso")
    try await run.tmux.sendKeys("Enter")
    try await run.tmux.waitForText(issuer)
}

/// Moves the selection of the current pane to table row `index` (top, then `j` × index).
private func select(_ run: KeycardConsoleRun, row index: Int) async throws {
    try await run.tmux.sendKeys("g")
    if index > 0 { try await run.tmux.sendKeys(contentsOf: Array(repeating: "j", count: index)) }
}
