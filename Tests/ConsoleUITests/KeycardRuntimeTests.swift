import APICore
import ConsoleModel
import ConsoleTesting
import ConsoleUI
import Testing
import TUIKit

/// The console over the fake Keycard API: organization › service account › credentials, invitations, the guided
/// credential rotation, SSO and `:accept TOKEN`, with the requests each one sends asserted on the fake transport.
@MainActor
@Suite("Keycard in the console: keys in, requests out")
struct KeycardRuntimeTests {
    static let acme = "/organizations/org-acme"
    static let ciCredentials = "\(acme)/service-accounts/sa-ci/credentials"

    @Test func drillIntoOrganizationThenServiceAccountAndEscapeBackTwiceKeepingSelections() async throws {
        let harness = try KeycardHarness()
        #expect(await harness.start())
        #expect(harness.session.accounts.snapshot.rows.map(\.id) == FakeKeycardAPI.organizationIDs)
        #expect(await harness.enterOrganization(row: 0))
        #expect(harness.runtime.state.pane == .members)
        #expect(harness.text.contains("Acme Robotics › Members"))
        #expect(harness.session.members.snapshot.rows.first?.id == FakeKeycardAPI.userID("acme", 0))
        harness.press(.character("j"), .character("j"))
        #expect(harness.session.members.snapshot.selectedRow?.id == FakeKeycardAPI.userID("acme", 2))
        harness.press(.character("3"))
        #expect(harness.session.tokens.snapshot.rows.map(\.id) == ["sa-ci", "sa-tf", "sa-backup"])
        #expect(await harness.enterServiceAccount(row: 1))
        #expect(harness.session.scope.node(.serviceAccount)?.id == "sa-tf")
        #expect(harness.session.tokens.snapshot.rows.map(\.id) == ["cred-tf"])
        #expect(harness.runtime.state.pane == .tokens)
        #expect(harness.api.count(.get, "\(Self.acme)/service-accounts/sa-tf/credentials") == 1)

        harness.press(.escape)
        #expect(harness.session.scope.node(.serviceAccount) == nil)
        #expect(harness.session.scope.node(.organization)?.id == "org-acme")
        #expect(harness.runtime.state.pane == .tokens)
        #expect(await harness.waiter.until { harness.session.tokens.snapshot.selectedRow?.id == "sa-tf" })
        #expect(await harness.waiter.until { harness.session.members.snapshot.selectedRow?.id == FakeKeycardAPI.userID("acme", 2) })

        harness.press(.escape)
        #expect(harness.session.scope.isTop)
        #expect(harness.runtime.state.pane == .accounts)
        #expect(harness.session.accounts.snapshot.selectedRow?.id == "org-acme")
        #expect(!harness.text.contains("Acme Robotics › "))
        harness.press(.escape)
        #expect(harness.session.scope.isTop)
    }

    @Test func membersPageThroughAllUsersOfTheOrganization() async throws {
        let harness = try KeycardHarness()
        #expect(await harness.start())
        #expect(await harness.enterOrganization(row: 0))
        #expect(harness.session.members.snapshot.rows.count == 50)
        // G selects the last loaded row, which loads the next page (cursor: the last item's id).
        for expected in [100, 120] {
            harness.press(.character("G"))
            #expect(await harness.waiter.until { harness.session.members.snapshot.rows.count == expected })
        }
        #expect(harness.session.members.snapshot.rows.last?.id == FakeKeycardAPI.userID("acme", 119))
        #expect(harness.api.count(.get, "\(Self.acme)/users") == 3)
    }

    @Test func aServerWithoutTheUsersEndpointSaysSoInMembersAndInvitesWithTheKnownRoles() async throws {
        let harness = try KeycardHarness(legacyEndpoints: false)
        #expect(await harness.start())
        #expect(await harness.enterOrganization(row: 0))
        #expect(harness.session.members.snapshot.rows.isEmpty)
        #expect(harness.session.members.snapshot.placeholder?.contains("does not list organization members") == true)
        #expect(harness.text.contains("does not list organization members"))
        #expect(!harness.text.contains("Could not"))
        // Invitations still work: the roles picker falls back to the three roles every server knows.
        harness.press(.character("4"), .character("n"))
        #expect(await harness.waiter.until { if case .invite = harness.runtime.state.overlay { true } else { false } })
        guard case .invite(let form) = harness.runtime.state.overlay else { return }
        #expect(form.picker.roles.map(\.id) == ["org_admin", "org_member", "org_viewer"])
        #expect(harness.api.count(.get, "\(Self.acme)/roles") == 1)
    }

    @Test func nInvitesAndXRevokesWithTheBodiesTheAPIWants() async throws {
        let harness = try KeycardHarness()
        #expect(await harness.start())
        #expect(await harness.enterOrganization(row: 0))
        harness.press(.character("4"))
        #expect(harness.session.invitations.snapshot.rows.map(\.id) == ["inv-pending", "inv-accepted", "inv-expired", "inv-revoked"])
        harness.press(.character("n"))
        #expect(await harness.waiter.until { if case .invite = harness.runtime.state.overlay { true } else { false } })
        harness.type("new.person@example.test")
        harness.press(.tab, .enter)
        #expect(harness.text.contains("Invite new.person@example.test"))
        #expect(harness.api.count(.post, "\(Self.acme)/invitations") == 0, "nothing is sent before y")
        await harness.think()
        harness.press(.character("y"))
        #expect(await harness.waiter.until { harness.session.invitations.snapshot.rows.contains { $0.id == "inv-new1" } })
        #expect(harness.api.count(.post, "\(Self.acme)/invitations") == 1)
        // Both fields are required; the form's single-choice default is the least privileged role.
        #expect(harness.api.lastBody(.post, "\(Self.acme)/invitations") == ["email": "new.person@example.test", "role": "org_viewer"])

        harness.session.invitations.list.select(id: "inv-new1")
        harness.press(.character("x"))
        #expect(harness.text.contains("Revoke the invitation of new.person@example.test"))
        await harness.think()
        harness.press(.character("y"))
        #expect(await harness.waiter.until { harness.api.invitationStatuses(organization: "org-acme")["inv-new1"] == "revoked" })
        #expect(await harness.waiter.until {
            harness.session.invitations.snapshot.rows.first { $0.id == "inv-new1" }?.status == .revoked
        })
        #expect(harness.api.count(.delete, "\(Self.acme)/invitations/inv-new1") == 1)
        #expect(harness.api.lastRawBody(.delete, "\(Self.acme)/invitations/inv-new1")?.isEmpty ?? true, "DELETE has no body")
    }

    @Test func xOnARevokedInvitationSendsNothing() async throws {
        let harness = try KeycardHarness()
        #expect(await harness.start())
        #expect(await harness.enterOrganization(row: 0))
        harness.press(.character("4"))
        harness.session.invitations.list.select(id: "inv-revoked")
        harness.press(.character("x"))
        #expect(harness.runtime.state.overlay == nil)
        #expect(harness.text.contains("only a pending one can be revoked"))
        #expect(harness.api.writeCount == 0)
    }

    /// Into Acme › ci-deploy, R on the first credential, Rotate, confirm: step 1 (create) runs.
    private func startRotation(_ harness: KeycardHarness) async -> Bool {
        guard await harness.enterOrganization(row: 0), await harness.enterServiceAccount(row: 0) else { return false }
        harness.press(.character("g"), .character("R"), .enter)
        await harness.think()
        harness.press(.character("y"))
        return await harness.waiter.until {
            harness.session.tokens.rotation?.step == .created
                && harness.waiter.lastNotice?.text.hasPrefix("Created") == true
        }
    }

    @Test func guidedRotationCreatesACredentialShowsItsSecretThenDeletesTheOldOneOnce() async throws {
        let harness = try KeycardHarness()
        #expect(await harness.start())
        #expect(await startRotation(harness))
        let secret = try #require(harness.api.secret(ofCredential: "cred-new1"))
        #expect(harness.text.contains(secret))
        #expect(harness.api.count(.post, Self.ciCredentials) == 1)
        #expect(harness.api.lastBody(.post, Self.ciCredentials) == ["name": "github-actions"])
        #expect(harness.api.lastBodyKeys(.post, Self.ciCredentials) == ["name"], "no description: omitted, not null")
        #expect(harness.api.count(.delete, "\(Self.ciCredentials)/cred-gh") == 0, "nothing is deleted before y")
        await harness.think()
        harness.press(.character("y"))
        #expect(await harness.waiter.until {
            harness.session.tokens.rotation?.step == .finished && harness.waiter.lastNotice?.text.hasPrefix("Rotated") == true
        })
        #expect(harness.api.count(.post, Self.ciCredentials) == 1)
        #expect(harness.api.count(.delete, "\(Self.ciCredentials)/cred-gh") == 1)
        #expect(harness.api.credentialIDs(organization: "org-acme", serviceAccount: "sa-ci") == ["cred-gh-old", "cred-new1"])
        #expect(await harness.waiter.until { !harness.session.tokens.snapshot.rows.contains { $0.id == "cred-gh" } })
        harness.press(.escape)
        #expect(harness.runtime.state.overlay == nil)
        #expect(!harness.text.contains(secret))
        #expect(harness.session.tokens.rotation == nil)
    }

    @Test func escapeBetweenTheStepsLeavesBothCredentials() async throws {
        let harness = try KeycardHarness()
        #expect(await harness.start())
        #expect(await startRotation(harness))
        harness.press(.escape)
        #expect(harness.runtime.state.overlay == nil)
        #expect(await harness.waiter.until {
            harness.runtime.state.flash?.text.contains("both 'github-actions' and 'github-actions' are valid") == true
        })
        #expect(harness.api.count(.post, Self.ciCredentials) == 1)
        #expect(harness.api.count(.delete, "\(Self.ciCredentials)/cred-gh") == 0)
        #expect(harness.api.credentialIDs(organization: "org-acme", serviceAccount: "sa-ci") == ["cred-gh", "cred-gh-old", "cred-new1"])
        let rows = harness.session.tokens.snapshot.rows.map(\.id)
        #expect(rows.contains("cred-gh") && rows.contains("cred-new1"))
    }

    @Test func aFailingDeleteLeavesBothCredentialsListed() async throws {
        let harness = try KeycardHarness()
        #expect(await harness.start())
        harness.api.fail(.delete, "\(Self.ciCredentials)/cred-gh", status: 403, message: "Insufficient permissions")
        #expect(await startRotation(harness))
        await harness.think()
        harness.press(.character("y"))
        #expect(await harness.waiter.until {
            if case .deleteFailed = harness.session.tokens.rotation?.step { true } else { false }
        })
        #expect(harness.api.count(.delete, "\(Self.ciCredentials)/cred-gh") == 1)
        #expect(harness.text.contains("Insufficient permissions"))
        let rows = harness.session.tokens.snapshot.rows.map(\.id)
        #expect(rows.contains("cred-gh") && rows.contains("cred-new1"))
    }

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
        await harness.think()
        harness.press(.character("y"))
        #expect(await harness.waiter.until { harness.waiter.lastNotice?.text == "Joined Initech" })
        #expect(harness.api.count(.post, "/invitations/tok-initech/accept") == 1)
        #expect(harness.api.authorizations(.post, "/invitations/tok-initech/accept") == ["Bearer \(harness.api.apiKey)"])
        #expect(harness.api.authorizations(.get, "/invitations/tok-initech").allSatisfy { $0.isEmpty })
        #expect(harness.api.lastRawBody(.post, "/invitations/tok-initech/accept")?.isEmpty ?? true, "accept has no body")
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
