import APICore
import ConsoleTesting
import Foundation
import Testing

/// The account's business profile and its move to another organization, driven in tmux against the demo server
/// and checked on the server's state.
@Suite(
    "End to end: account profile and move (tmux)",
    .enabled(if: EndToEndEnvironment.isEnabled, "tmux is not installed; ORGTUI_REQUIRE_E2E=1 makes this a failure"))
struct AccountTenancyEndToEndTests {
    static let dialogKeyGuard = EndToEndTests.dialogKeyGuard

    private func palette(_ command: String, _ run: ConsoleRun) async throws {
        try await run.tmux.sendKeys(":")
        try await run.tmux.waitForText("Command palette")
        try await run.tmux.type(command)
        try await run.tmux.sendKeys("Enter")
    }

    private func confirm(_ marker: String, _ run: ConsoleRun) async throws {
        let dialog = try await run.tmux.waitForText(marker, "y confirm")
        try await run.tmux.sendKeys("y", notBefore: dialog.seenAt + Self.dialogKeyGuard)
    }

    @Test("Edit Acme Corp's business phone, then move it from Acme Europe to Acme Holdings")
    func editTheBusinessPhoneAndMoveTheAccount() async throws {
        try await withConsole { run in
            let accounts = try await run.client.accounts().fetchAll()
            let acme = try #require(accounts.first { $0.name == "Acme Corp" }, "the demo data has Acme Corp")
            #expect(acme.managedBy?.parentOrgName == "Acme Europe")
            let before = try await run.client.accountProfile(accountID: acme.id)
            let screen = try await run.tmux.waitForText("Acme Corp")
            try await run.select(row: try #require(ConsoleRun.rowIndex(of: "Acme Corp", in: screen.text)))

            // The profile: the form over the details, the phone replaced, one confirmation listing old → new.
            try await palette("account profile", run)
            try await run.tmux.waitForText("Edit the profile of account Acme Corp", "Business phone:")
            try await run.tmux.sendKeys("Down", "Down")
            let erase = Array(repeating: "BSpace", count: (before.businessPhone ?? "").count)
            if !erase.isEmpty { try await run.tmux.sendKeys(contentsOf: erase) }
            let phone = "+44 20 7946 0018"
            try await run.tmux.type(phone)
            try await run.tmux.sendKeys("Enter")
            try await confirm("Business phone: '\(before.businessPhone ?? "")' → '\(phone)'", run)
            try await waitForServer(run, "the new business phone") {
                try await run.client.accountProfile(accountID: acme.id).businessPhone == phone
            }
            let after = try await run.client.accountProfile(accountID: acme.id)
            #expect(after.businessName == before.businessName && after.businessEmail == before.businessEmail)
            #expect(
                after.businessAddress == before.businessAddress && after.externalMetadata == before.externalMetadata)
            try await run.tmux.waitForText("Business phone:", phone)

            // The move: the picker marks where it is, the confirmation names both organizations.
            try await run.tmux.sendKeys("m")
            try await run.tmux.waitForText("Move it into:", "Acme Holdings › Acme Europe  (current)")
            // The cursor starts on the first organization it is not in: Acme Holdings.
            try await run.tmux.sendKeys("Enter")
            try await confirm("Move account Acme Corp from Acme Europe to Acme Holdings.", run)
            try await waitForServer(run, "Acme Corp managed by Acme Holdings") {
                try await run.client.account(id: acme.id).managedBy?.parentOrgName == "Acme Holdings"
            }
            let listed = try await run.client.accounts().fetchAll().first { $0.id == acme.id }
            #expect(listed?.managedBy?.parentOrgName == "Acme Holdings")
            // The details are read again: the path is now the root alone.
            try await run.tmux.waitForScreen("the details after the move") { screen in
                screen.contains("Moved account Acme Corp to Acme Holdings")
                    && screen.components(separatedBy: "\n").contains {
                        $0.contains(/Organization:\s+Acme Holdings\s*$/)
                    }
            }
        }
    }
}
