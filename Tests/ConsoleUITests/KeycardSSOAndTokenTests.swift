import APICore
import ConsoleModel
import ConsoleTesting
import ConsoleUI
import KeycardAPI
import Testing
import TUIKit

/// The Keycard-only features in the console: an organization's SSO connection (`:sso`) and accepting an emailed
/// invitation token (`:accept TOKEN`), with the requests each one sends asserted on the fake transport.
@MainActor
@Suite("Keycard SSO and invitation tokens: keys in, requests out")
struct KeycardSSOAndTokenTests {
    /// `:sso` on the organization in scope.
    private func openSSO(_ harness: KeycardHarness) async -> Bool {
        harness.press(.character(":"))
        harness.type("sso")
        harness.press(.enter)
        return await harness.waiter.until { harness.session.sso.state != .loading && harness.session.sso.state != .idle }
    }

    @Test func ssoDisableCancelledSendsNothingThenConfirmedSendsOneDelete() async throws {
        let harness = try KeycardHarness()
        #expect(await harness.start())
        #expect(await harness.enterOrganization(row: 1))
        let sso = "/organizations/org-globex/sso-connection"
        #expect(await openSSO(harness))
        guard case .on = harness.session.sso.state else {
            Issue.record("SSO is not on: \(harness.session.sso.state)")
            return
        }
        harness.press(.character("x"))
        guard case .confirm(let dialog) = harness.runtime.state.overlay else {
            Issue.record("no confirmation")
            return
        }
        #expect(dialog.lines.joined(separator: " ").contains("all 6 members of Globex Research"))
        #expect(dialog.lines.joined(separator: " ").contains("https://globex.okta.example/oauth2/default"))
        await harness.think()
        harness.press(.character("n"))
        #expect(harness.api.count(.delete, sso) == 0)
        #expect(harness.api.ssoIsOn(organization: "org-globex"))
        #expect(harness.api.writeCount == 0)

        #expect(harness.runtime.state.overlay == .sso, "cancelling returns to the SSO modal")
        harness.press(.character("x"))
        await harness.think()
        harness.press(.character("y"))
        #expect(await harness.waiter.until { harness.session.sso.state == .off })
        #expect(harness.api.count(.delete, sso) == 1)
        #expect(!harness.api.ssoIsOn(organization: "org-globex"))
        #expect(harness.api.writeCount == 1)
    }

    @Test func ssoDisableWithoutAMemberCountNamesEveryMember() async throws {
        // A server without the users endpoint lists no members: the dialog must not claim "all 0 members".
        let harness = try KeycardHarness(legacyEndpoints: false)
        #expect(await harness.start())
        #expect(await harness.enterOrganization(row: 1))
        #expect(await openSSO(harness))
        harness.press(.character("x"))
        guard case .confirm(let dialog) = harness.runtime.state.overlay else {
            Issue.record("no confirmation")
            return
        }
        let text = dialog.lines.joined(separator: " ")
        #expect(text.contains("every member of Globex Research"), "\(text)")
        #expect(!text.contains("all 0 members"))
    }

    @Test func ssoEnableSendsTheIssuerAndClientID() async throws {
        let harness = try KeycardHarness()
        #expect(await harness.start())
        #expect(await harness.enterOrganization(row: 0))
        #expect(await openSSO(harness))
        #expect(harness.session.sso.state == .off)
        harness.press(.character("e"))
        harness.type("https://acme.okta.example")
        harness.press(.tab)
        harness.type("0oaacme")
        harness.press(.enter)
        guard case .confirm = harness.runtime.state.overlay else {
            Issue.record("no confirmation")
            return
        }
        await harness.think()
        harness.press(.character("y"))
        #expect(await harness.waiter.until { if case .on = harness.session.sso.state { true } else { false } })
        let path = "/organizations/org-acme/sso-connection"
        #expect(harness.api.count(.post, path) == 1)
        #expect(harness.api.lastBody(.post, path) == ["identifier": "https://acme.okta.example", "client_id": "0oaacme"])
        #expect(harness.api.lastBodyKeys(.post, path) == ["client_id", "identifier"], "no secret and no protocols: omitted")
    }

    @Test func acceptTokenReadsUnauthenticatedThenAcceptsOnce() async throws {
        let harness = try KeycardHarness()
        #expect(await harness.start())
        harness.press(.character(":"))
        harness.type("accept tok-initech")
        harness.press(.enter)
        #expect(await harness.waiter.until { if case .confirm = harness.runtime.state.overlay { true } else { false } })
        #expect(harness.text.contains("Accept the invitation to Initech for me@example.test"))
        #expect(harness.api.authorizations(.get, "/invitations/tok-initech") == [""], "read without credentials")
        #expect(harness.api.count(.post, "/invitations/tok-initech/accept") == 0, "nothing is accepted before y")
        let organizationReads = harness.api.count(.get, "/organizations")
        await harness.think()
        harness.press(.character("y"))
        #expect(await harness.waiter.until { harness.waiter.lastNotice?.text == "Joined Initech" })
        // The organizations are re-read: the one joined is listed from now on.
        #expect(await harness.waiter.until { harness.api.count(.get, "/organizations") > organizationReads })
        #expect(harness.api.count(.post, "/invitations/tok-initech/accept") == 1)
        #expect(harness.api.authorizations(.post, "/invitations/tok-initech/accept") == ["Bearer \(harness.api.apiKey)"])
        #expect(harness.api.authorizations(.get, "/invitations/tok-initech").allSatisfy { $0.isEmpty })
        #expect(harness.api.lastRawBody(.post, "/invitations/tok-initech/accept")?.isEmpty ?? true, "accept has no body")
    }

    @Test func acceptTokenInReadOnlyModeSendsNothingAtAll() async throws {
        let harness = try KeycardHarness(readOnly: true)
        #expect(await harness.start())
        harness.press(.character(":"))
        harness.type("accept tok-initech")
        harness.press(.enter)
        #expect(harness.runtime.state.flash?.text.hasPrefix("Read-only mode") == true)
        #expect(harness.runtime.state.overlay == nil)
        #expect(harness.api.count(.get, "/invitations/tok-initech") == 0)
        #expect(harness.api.count(.post, "/invitations/tok-initech/accept") == 0)
    }

    @Test func acceptingAUsedUpTokenSendsNoAccept() async throws {
        let harness = try KeycardHarness()
        #expect(await harness.start())
        harness.press(.character(":"))
        harness.type("accept tok-expired")
        harness.press(.enter)
        #expect(await harness.waiter.until { harness.runtime.state.flash?.text.contains("expired") == true })
        #expect(harness.runtime.state.overlay == nil)
        #expect(harness.api.count(.post, "/invitations/tok-expired/accept") == 0)
    }
}
