import APICore
import ConsoleModel
import ConsoleTesting
import ConsoleUI
import Testing
import TUIKit

/// The console over the fake OpenAI Admin API: scopes, member writes, invites and the guided rotation, with the
/// requests each one sends asserted on the fake transport.
@MainActor
@Suite("OpenAI in the console: keys in, requests out")
struct OpenAIRuntimeTests {
    @Test func enterOnAProjectScopesMembersAndTokens() async throws {
        let harness = try OpenAIHarness()
        #expect(await harness.start())
        #expect(await harness.enterProject(row: 1))
        #expect(harness.runtime.state.pane == .members)
        #expect(harness.text.contains("Project Alpha › Members"))
        #expect(harness.session.scope.node(.project)?.id == "proj_alpha")
        #expect(harness.session.members.snapshot.rows.map(\.id) == (0..<5).map(FakeOpenAIAPI.userID))
        #expect(harness.session.tokens.scope.node(.project)?.id == "proj_alpha")
        // The project's keys, then (the next page, loaded as the selection reaches it) its service accounts.
        harness.press(.character("3"), .character("G"))
        #expect(await harness.waiter.until {
            harness.session.tokens.snapshot.rows.map(\.id) == ["key_proj_alpha_web", "key_proj_alpha_bot", "svc_proj_alpha_bot"]
        })
        #expect(harness.text.contains("Project Alpha › Tokens"))
        #expect(harness.api.count(.get, "/projects/proj_alpha/users") == 1)
        #expect(harness.api.count(.get, "/projects/proj_alpha/service_accounts") == 1)
    }

    @Test func escapeStepsBackToTheOrganizationKeepingTheSelection() async throws {
        let harness = try OpenAIHarness()
        #expect(await harness.start())
        harness.press(.character("2"), .character("j"), .character("j"), .character("j"))
        #expect(harness.session.members.snapshot.selectedRow?.id == "user-003")
        #expect(await harness.enterProject(row: 2))
        #expect(harness.session.scope.node(.project)?.id == "proj_beta")
        harness.press(.escape)
        #expect(harness.session.scope.isTop)
        #expect(harness.runtime.state.pane == .accounts)
        #expect(harness.session.accounts.snapshot.selectedRow?.id == "proj_beta")
        #expect(await harness.waiter.until { harness.session.members.snapshot.selectedRow?.id == "user-003" })
        #expect(!harness.text.contains("Project Beta › "))
        // At the top level Esc has nowhere to go.
        harness.press(.escape)
        #expect(harness.session.scope.isTop)
    }

    @Test func eChangesTheOrganizationRoleWithOneRequest() async throws {
        let harness = try OpenAIHarness()
        #expect(await harness.start())
        harness.press(.character("2"), .character("j"), .character("e"))
        #expect(await harness.waiter.until { if case .roles = harness.runtime.state.overlay { true } else { false } })
        harness.press(.character("k"), .enter)
        #expect(harness.text.contains("Change the roles of user1@example.test"))
        await harness.think()
        harness.press(.character("y"))
        #expect(await harness.waiter.until { harness.api.role(ofUser: "user-001") == "owner" })
        #expect(await harness.waiter.until { harness.session.members.snapshot.selectedRow?.roles.map(\.id) == ["owner"] })
        #expect(harness.api.count(.post, "/users/user-001") == 1)
        #expect(harness.api.lastBody(.post, "/users/user-001") == ["role": "owner"])
    }

    @Test func dRemovesAProjectMemberOnlyWithTheEmailTyped() async throws {
        let harness = try OpenAIHarness()
        #expect(await harness.start())
        #expect(await harness.enterProject(row: 1))
        harness.press(.character("j"), .character("D"))
        guard case .confirm(let dialog) = harness.runtime.state.overlay else {
            Issue.record("no remove dialog")
            return
        }
        #expect(dialog.typedNameRequired == "user1@example.test")
        await harness.think()
        harness.press(.enter)
        #expect(harness.api.count(.delete, "/projects/proj_alpha/users/user-001") == 0)
        harness.type("user1@example.test")
        harness.press(.enter)
        #expect(await harness.waiter.until { harness.api.role(ofUser: "user-001", in: "proj_alpha") == nil })
        #expect(await harness.waiter.until { !harness.session.members.snapshot.rows.contains { $0.id == "user-001" } })
        #expect(harness.api.count(.delete, "/projects/proj_alpha/users/user-001") == 1)
        #expect(harness.api.count(.delete, "/users/user-001") == 0, "removing from a project keeps the organization user")
    }

    @Test func nInvitesAndXRevokes() async throws {
        let harness = try OpenAIHarness()
        #expect(await harness.start())
        harness.press(.character("4"), .character("n"))
        #expect(await harness.waiter.until { if case .invite = harness.runtime.state.overlay { true } else { false } })
        harness.type("new.person@example.test")
        harness.press(.tab, .character("j"), .enter)
        #expect(harness.text.contains("Invite new.person@example.test"))
        await harness.think()
        harness.press(.character("y"))
        #expect(await harness.waiter.until { harness.session.invitations.snapshot.rows.contains { $0.id == "invite-new1" } })
        #expect(harness.api.count(.post, "/invites") == 1)
        #expect(harness.api.lastBody(.post, "/invites") == ["email": "new.person@example.test", "role": "reader"])

        let sent = harness.session.invitations.list
        sent.select(id: "invite-new1")
        harness.press(.character("x"))
        #expect(harness.text.contains("Revoke the invitation of new.person@example.test"))
        await harness.think()
        harness.press(.character("y"))
        #expect(await harness.waiter.until { !harness.api.inviteIDs.contains("invite-new1") })
        #expect(await harness.waiter.until { !harness.session.invitations.snapshot.rows.contains { $0.id == "invite-new1" } })
        #expect(harness.api.count(.delete, "/invites/invite-new1") == 1)
    }

    @Test func xOnAnAcceptedInviteSendsNothing() async throws {
        let harness = try OpenAIHarness()
        #expect(await harness.start())
        harness.press(.character("4"))
        harness.session.invitations.list.select(id: "invite-accepted")
        harness.press(.character("x"))
        #expect(harness.runtime.state.overlay == nil)
        #expect(harness.text.contains("only a pending one can be revoked"))
        #expect(harness.api.count(.delete, "/invites/invite-accepted") == 0)
    }

    /// 3, the key at `row`, R, Rotate, confirm: step 1 (create) runs.
    private func startRotation(_ harness: OpenAIHarness, row: Int) async -> Bool {
        harness.press(.character("3"), .character("g"))
        for _ in 0..<row { harness.press(.character("j")) }
        harness.press(.character("R"), .enter)
        await harness.think()
        harness.press(.character("y"))
        // Step 1 ends with its notice, after the new key is listed.
        return await harness.waiter.until {
            harness.session.tokens.rotation?.step == .created
                && harness.waiter.lastNotice?.text.hasPrefix("Created") == true
        }
    }

    @Test func guidedRotationCreatesShowsTheSecretThenDeletesTheOldKeyOnce() async throws {
        let harness = try OpenAIHarness()
        #expect(await harness.start())
        #expect(await startRotation(harness, row: 1))
        let secret = try #require(harness.api.secret(ofKey: "key_new1"))
        #expect(harness.text.contains(secret))
        #expect(harness.api.count(.post, "/admin_api_keys") == 1)
        #expect(harness.api.lastBody(.post, "/admin_api_keys") == ["name": "ci deploy"])
        #expect(harness.api.count(.delete, "/admin_api_keys/key_ci") == 0, "nothing is deleted before y")
        await harness.think()
        harness.press(.character("y"))
        #expect(await harness.waiter.until {
            harness.session.tokens.rotation?.step == .finished && harness.waiter.lastNotice?.text.hasPrefix("Rotated") == true
        })
        #expect(harness.api.count(.post, "/admin_api_keys") == 1)
        #expect(harness.api.count(.delete, "/admin_api_keys/key_ci") == 1)
        #expect(harness.api.adminKeyIDs == ["key_own", "key_old", "key_new1"])
        #expect(!harness.session.tokens.snapshot.rows.contains { $0.id == "key_ci" })
        harness.press(.escape)
        #expect(harness.runtime.state.overlay == nil)
        #expect(!harness.text.contains(secret))
        #expect(harness.session.tokens.rotation == nil)
    }

    @Test func escapeBetweenTheStepsLeavesBothKeysAndSaysSo() async throws {
        let harness = try OpenAIHarness()
        #expect(await harness.start())
        #expect(await startRotation(harness, row: 1))
        harness.press(.escape)
        #expect(harness.runtime.state.overlay == nil)
        #expect(await harness.waiter.until {
            harness.runtime.state.flash?.text.contains("both 'ci deploy' and 'ci deploy' are valid") == true
        })
        #expect(harness.text.contains("Rotation stopped"))
        #expect(harness.api.count(.delete, "/admin_api_keys/key_ci") == 0)
        #expect(harness.api.adminKeyIDs == ["key_own", "key_ci", "key_old", "key_new1"])
        let rows = harness.session.tokens.snapshot.rows.map(\.id)
        #expect(rows.contains("key_ci") && rows.contains("key_new1"))
    }

    @Test func aFailingDeleteLeavesBothKeysListed() async throws {
        let harness = try OpenAIHarness()
        #expect(await harness.start())
        harness.api.fail(.delete, "/admin_api_keys/key_ci", status: 403, message: "Insufficient permissions")
        #expect(await startRotation(harness, row: 1))
        await harness.think()
        harness.press(.character("y"))
        #expect(await harness.waiter.until {
            if case .deleteFailed = harness.session.tokens.rotation?.step { true } else { false }
        })
        #expect(harness.api.count(.delete, "/admin_api_keys/key_ci") == 1)
        #expect(harness.text.contains("Both keys are valid and both are listed"))
        let rows = harness.session.tokens.snapshot.rows.map(\.id)
        #expect(rows.contains("key_ci") && rows.contains("key_new1"))
        #expect(harness.api.adminKeyIDs.contains("key_ci"))
    }

    @Test func rotatingTheSignedInKeySwitchesToTheNewKeyBeforeTheDelete() async throws {
        let harness = try OpenAIHarness()
        #expect(await harness.start())
        #expect(harness.session.tokens.signedInTokenID == "key_own")
        #expect(await startRotation(harness, row: 0))
        #expect(harness.text.contains("orgtui signs in with the old key"))
        await harness.think()
        harness.press(.character("y"))
        #expect(await harness.waiter.until { harness.session.tokens.rotation?.step == .finished })
        let newSecret = try #require(harness.api.secret(ofKey: "key_new1"))
        #expect(harness.api.authorizations(.post, "/admin_api_keys") == ["Bearer \(harness.api.ownSecret)"])
        #expect(harness.api.authorizations(.delete, "/admin_api_keys/key_own") == ["Bearer \(newSecret)"])
        #expect(harness.api.adminKeyIDs == ["key_ci", "key_old", "key_new1"])
        // Later requests sign with the new key too.
        harness.press(.escape)
        let reads = harness.api.count(.get, "/admin_api_keys")
        harness.press(.character("r"))
        #expect(await harness.waiter.until {
            harness.api.count(.get, "/admin_api_keys") > reads && harness.session.tokens.snapshot.loadState == .loaded
        })
        #expect(harness.api.authorizations(.get, "/admin_api_keys").last == "Bearer \(newSecret)")
    }
}
