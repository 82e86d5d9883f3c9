import APICore
import ConsoleModel
import ConsoleTesting
import ConsoleUI
import KeycardAPI
import Testing
import TUIKit

/// The console over the fake Keycard API: organization › service account › credentials, members, invitations and
/// the guided credential rotation, with the requests each one sends asserted on the fake transport.
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
}
