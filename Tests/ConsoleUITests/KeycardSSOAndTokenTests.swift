import APICore
import ConsoleModel
import ConsoleTesting
import ConsoleUI
import KeycardAPI
import TUIKit
import Testing

/// The Keycard-only features in the console: an organization's SSO connection (`:sso`) and accepting an emailed
/// invitation token (`:accept TOKEN`), with the requests each one sends asserted on the DemoServer.
@MainActor
@Suite("Keycard SSO and invitation tokens: keys in, requests out")
struct KeycardSSOAndTokenTests {
    /// `:sso` on the organization in scope.
    private func openSSO(_ harness: KeycardHarness) async -> Bool {
        harness.press(.character(":"))
        harness.type("sso")
        harness.press(.enter)
        return await harness.waiter.until {
            harness.session.sso.state != .loading && harness.session.sso.state != .idle
        }
    }

    @Test func ssoDisableCancelledSendsNothingThenConfirmedSendsOneDelete() async throws {
        let harness = try await KeycardHarness()
        #expect(await harness.start())
        let globex = harness.store.ssoOrganizationID
        let members = await harness.store.users(organizationID: globex).count
        #expect(await harness.enterOrganization(row: 1))
        let sso = "/organizations/\(globex)/sso-connection"
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
        #expect(dialog.lines.joined(separator: " ").contains("all \(members) members of Globex Research"))
        #expect(dialog.lines.joined(separator: " ").contains("https://globex.okta.example/oauth2/default"))
        await harness.think()
        harness.press(.character("n"))
        #expect(await harness.count("DELETE", sso) == 0)
        #expect(await harness.store.ssoConnection(organizationID: globex) != nil)
        #expect(await harness.demo.writeCount() == 0)

        #expect(harness.runtime.state.overlay == .sso, "cancelling returns to the SSO modal")
        harness.press(.character("x"))
        await harness.think()
        harness.press(.character("y"))
        #expect(await harness.waiter.until { harness.session.sso.state == .off })
        #expect(await harness.count("DELETE", sso) == 1)
        #expect(await harness.store.ssoConnection(organizationID: globex) == nil)
        #expect(await harness.demo.writeCount() == 1)
    }

    @Test func ssoDisableWithoutAMemberCountNamesEveryMember() async throws {
        // A server without the users endpoint lists no members: the dialog must not claim "all 0 members".
        let harness = try await KeycardHarness(legacyEndpoints: false)
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
        let harness = try await KeycardHarness()
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
        let path = "/organizations/\(harness.store.bigOrganizationID)/sso-connection"
        #expect(await harness.count("POST", path) == 1)
        #expect(
            harness.demo.lastBody(.post, pathSuffix: path) == [
                "identifier": "https://acme.okta.example", "client_id": "0oaacme",
            ])
        #expect(
            harness.demo.lastBodyKeys(.post, pathSuffix: path) == ["client_id", "identifier"],
            "no secret and no protocols: omitted")
    }

    @Test func acceptTokenReadsUnauthenticatedThenAcceptsOnce() async throws {
        let harness = try await KeycardHarness()
        #expect(await harness.start())
        let token = try await pendingToken(harness)
        harness.press(.character(":"))
        harness.type("accept \(token)")
        harness.press(.enter)
        #expect(await harness.waiter.until { if case .confirm = harness.runtime.state.overlay { true } else { false } })
        #expect(harness.text.contains("Accept the invitation to Wayne Enterprises for"))
        #expect(harness.text.contains(harness.store.userEmail))
        #expect(
            harness.demo.authorizations(.get, pathSuffix: "/invitations/\(token)") == [""], "read without credentials")
        #expect(await harness.count("POST", "/invitations/\(token)/accept") == 0, "nothing is accepted before y")
        let organizationReads = await harness.count("GET", "/organizations")
        await harness.think()
        harness.press(.character("y"))
        #expect(await harness.waiter.until { harness.waiter.lastNotice?.text == "Joined Wayne Enterprises" })
        // The organizations are re-read: the one joined is listed from now on.
        #expect(await harness.waiter.eventually { await harness.count("GET", "/organizations") > organizationReads })
        #expect(
            await harness.waiter.until {
                harness.session.accounts.snapshot.rows.contains { $0.id == harness.store.invitingOrganizationID }
            })
        #expect(await harness.count("POST", "/invitations/\(token)/accept") == 1)
        #expect(
            harness.demo.authorizations(.post, pathSuffix: "/invitations/\(token)/accept")
                == ["Bearer \(harness.store.apiKey)"])
        #expect(harness.demo.authorizations(.get, pathSuffix: "/invitations/\(token)").allSatisfy { $0.isEmpty })
        #expect(
            harness.demo.lastRawBody(.post, pathSuffix: "/invitations/\(token)/accept")?.isEmpty ?? true,
            "accept has no body")
    }

    @Test func acceptTokenInReadOnlyModeSendsNothingAtAll() async throws {
        let harness = try await KeycardHarness(readOnly: true)
        #expect(await harness.start())
        let token = try await pendingToken(harness)
        harness.press(.character(":"))
        harness.type("accept \(token)")
        harness.press(.enter)
        #expect(harness.runtime.state.flash?.text.hasPrefix("Read-only mode") == true)
        #expect(harness.runtime.state.overlay == nil)
        #expect(await harness.count("GET", "/invitations/\(token)") == 0)
        #expect(await harness.count("POST", "/invitations/\(token)/accept") == 0)
    }

    @Test func acceptingAUsedUpTokenSendsNoAccept() async throws {
        let harness = try await KeycardHarness()
        #expect(await harness.start())
        let invitations = await harness.store.invitations(organizationID: harness.store.bigOrganizationID)
        let expired = try #require(invitations.first { $0.status.rawValue == "expired" }?.id)
        let token = try #require(await harness.store.invitationToken(id: expired))
        harness.press(.character(":"))
        harness.type("accept \(token)")
        harness.press(.enter)
        #expect(await harness.waiter.until { harness.runtime.state.flash?.text.contains("expired") == true })
        #expect(harness.runtime.state.overlay == nil)
        #expect(await harness.count("POST", "/invitations/\(token)/accept") == 0)
    }
}

/// The emailed token of the pending invitation the demo user received (to Wayne Enterprises).
@MainActor
func pendingToken(_ harness: KeycardHarness) async throws -> String {
    let store = harness.store
    let invitations = await store.invitations(organizationID: store.invitingOrganizationID)
    let pending = try #require(invitations.first { $0.status.rawValue == "pending" }?.id)
    return try #require(await store.invitationToken(id: pending))
}
