import APICore
import ConsoleModel
import ConsoleTesting
import ConsoleUI
import KeycardAPI
import TUIKit
import Testing

/// Keycard administration from the console, one key to one request: rename an organization (`e`), disable a
/// member (`t`), create a service account and a credential (`n`), the identities view and the token exchange.
@MainActor
@Suite("Keycard administration: keys in, requests out")
struct KeycardAdministrationTests {
    @Test func eOnAnOrganizationRenamesItWithOnePatchAndNoTwoFactorField() async throws {
        let harness = try await KeycardHarness()
        #expect(await harness.start())
        let acme = harness.store.bigOrganizationID
        harness.press(.character("1"), .character("g"), .character("e"))
        guard case .accountForm(let form) = harness.runtime.state.overlay else {
            Issue.record("no form")
            return
        }
        #expect(!form.hasTwoFactor)
        #expect(!harness.text.contains("two-factor"))
        for _ in 0..<form.name.count { harness.press(.backspace) }
        harness.type("Acme Robotics GmbH")
        harness.press(.enter)
        await harness.think()
        harness.press(.character("y"))
        #expect(
            await harness.waiter.until {
                harness.session.accounts.snapshot.rows.contains { $0.name == "Acme Robotics GmbH" }
            })
        #expect(await harness.count("PATCH", "/organizations/\(acme)") == 1)
        #expect(await harness.store.allOrganizations().first { $0.id == acme }?.name == "Acme Robotics GmbH")
        // No organization delete in Keycard: D is no key here.
        harness.press(.character("D"))
        #expect(harness.runtime.state.overlay == nil)
    }

    @Test func tOnAMemberDisablesItAfterTheConfirmation() async throws {
        let harness = try await KeycardHarness()
        #expect(await harness.start())
        #expect(await harness.enterOrganization(row: 0))
        let acme = harness.store.bigOrganizationID
        harness.press(.character("2"), .character("g"), .character("j"), .character("j"), .character("j"))
        let member = try #require(harness.session.members.snapshot.selectedRow)
        #expect(member.status == .active)
        #expect(harness.text.contains("t disable"))
        harness.press(.character("t"))
        guard case .confirm(let dialog) = harness.runtime.state.overlay else {
            Issue.record("no confirmation")
            return
        }
        #expect(dialog.lines.joined(separator: " ").contains(member.email))
        await harness.think()
        harness.press(.character("y"))
        #expect(await harness.waiter.until { harness.session.members.snapshot.selectedRow?.status == .disabled })
        #expect(await harness.count("PATCH", "/organizations/\(acme)/users/\(member.id)") == 1)
        #expect(
            await harness.store.users(organizationID: acme).first { $0.id == member.id }?.status == .known(.disabled))
    }

    @Test func nCreatesAServiceAccountThenACredentialWhoseSecretIsShownOnce() async throws {
        let harness = try await KeycardHarness()
        #expect(await harness.start())
        #expect(await harness.enterOrganization(row: 0))
        let acme = harness.store.bigOrganizationID
        let before = await harness.store.serviceAccounts(organizationID: acme).count
        harness.press(.character("3"), .character("n"))
        guard case .tokenForm(let form) = harness.runtime.state.overlay else {
            Issue.record("no form")
            return
        }
        #expect(form.fields == [.name, .description])
        harness.type("release-bot")
        harness.press(.tab)
        harness.type("ships builds")
        harness.press(.enter)
        await harness.think()
        harness.press(.character("y"))
        #expect(
            await harness.waiter.until { harness.session.tokens.snapshot.rows.contains { $0.name == "release-bot" } })
        let accounts = await harness.store.serviceAccounts(organizationID: acme)
        #expect(accounts.count == before + 1)
        let bot = try #require(accounts.first { $0.name == "release-bot" })
        #expect(bot.description == "ships builds")
        #expect(harness.runtime.state.overlay == nil, "a service account holds no secret to show")

        let row = try #require(harness.session.tokens.snapshot.rows.firstIndex { $0.id == bot.id })
        harness.press(.character("g"))
        for _ in 0..<row { harness.press(.character("j")) }
        harness.press(.enter)
        #expect(
            await harness.waiter.until {
                harness.session.scope.node(.serviceAccount)?.id == bot.id
                    && harness.session.tokens.snapshot.loadState == .loaded
            })
        harness.press(.character("n"))
        harness.type("ci")
        harness.press(.enter)
        await harness.think()
        harness.press(.character("y"))
        #expect(await harness.waiter.until { harness.runtime.state.overlay == .secret })
        #expect(harness.text.contains("shown once"))
        #expect(await harness.store.credentials(organizationID: acme, serviceAccountID: bot.id).count == 1)
        harness.press(.escape)
        #expect(harness.session.tokens.reveal == nil)
    }

    @Test func identitiesListsMembersAndInvitationsFromTheIdentitiesEndpoint() async throws {
        let harness = try await KeycardHarness()
        #expect(await harness.start())
        #expect(await harness.enterOrganization(row: 0))
        harness.press(.character(":"))
        harness.type("identities")
        harness.press(.enter)
        #expect(await harness.waiter.until { harness.session.records.list.snapshot.loadState == .loaded })
        #expect(harness.text.contains("Identities · Acme Robotics"))
        let rows = harness.session.records.list.snapshot.rows
        #expect(rows.count >= 50)
        #expect(rows.contains { $0.cells.first == "user" && $0.cells.dropFirst().first?.contains("@") == true })
        #expect(rows.allSatisfy { ["user", "invitation"].contains($0.cells.first ?? "") })
        #expect(await harness.count("GET", "/organizations/\(harness.store.bigOrganizationID)/identities") >= 1)
    }

    @Test func exchangeIssuesAnAccessTokenShownOnceAfterTheConfirmation() async throws {
        let harness = try await KeycardHarness()
        #expect(await harness.start())
        #expect(await harness.enterOrganization(row: 0))
        harness.press(.character(":"))
        harness.type("exchange")
        harness.press(.enter)
        guard case .confirm = harness.runtime.state.overlay else {
            Issue.record("no confirmation")
            return
        }
        await harness.think()
        harness.press(.character("y"))
        #expect(await harness.waiter.until { harness.runtime.state.overlay == .secret })
        #expect(await harness.count("POST", "/organizations/\(harness.store.bigOrganizationID)/token") == 1)
        harness.press(.escape)
        #expect(harness.session.tokens.reveal == nil)
    }
}

extension KeycardAdministrationTests {
    @Test func eInTheSSOModalChangesTheSettingsWithTheSecretMaskedAndSentOnce() async throws {
        let harness = try await KeycardHarness()
        #expect(await harness.start())
        let globex = harness.store.ssoOrganizationID
        #expect(await harness.enterOrganization(row: 1))
        harness.press(.character(":"))
        harness.type("sso")
        harness.press(.enter)
        #expect(await harness.waiter.until { if case .on = harness.session.sso.state { true } else { false } })
        harness.press(.character("e"))
        guard case .ssoForm(let form) = harness.runtime.state.overlay else {
            Issue.record("no form")
            return
        }
        #expect(form.fields.count == 7)
        harness.press(.tab, .tab)
        harness.type("n3w-s3cret")
        #expect(harness.text.contains("••••••••••"))
        #expect(!harness.text.contains("n3w-s3cret"))
        harness.press(.tab, .tab)
        for _ in 0..<60 { harness.press(.backspace) }
        harness.type("https://globex.okta.example/v2/token")
        harness.press(.enter)
        guard case .confirm(let dialog) = harness.runtime.state.overlay else {
            Issue.record("no confirmation")
            return
        }
        let lines = dialog.lines.joined(separator: " ")
        #expect(lines.contains("token endpoint: 'https://globex.okta.example/v2/token'"))
        #expect(lines.contains("client secret: replaced (10 characters, never shown)"))
        #expect(!lines.contains("n3w-s3cret"))
        await harness.think()
        harness.press(.character("y"))
        #expect(
            await harness.waiter.until {
                if case .on(let connection) = harness.session.sso.state {
                    connection.tokenEndpoint == "https://globex.okta.example/v2/token"
                } else {
                    false
                }
            })
        #expect(await harness.count("PATCH", "/organizations/\(globex)/sso-connection") == 1)
        let stored = await harness.store.ssoConnection(organizationID: globex)
        #expect(stored?.protocols?.oauth2?.authorizationEndpoint != nil, "the untouched endpoint is kept")
    }
}
