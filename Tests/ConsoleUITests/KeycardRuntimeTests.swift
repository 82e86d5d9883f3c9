import APICore
import ConsoleModel
import ConsoleTesting
import ConsoleUI
import KeycardAPI
import TUIKit
import Testing

/// The console over the DemoServer's Keycard API: organization › service account › credentials, members and
/// invitations, with the requests each one sends asserted on the server's log and on what the client sent.
@MainActor
@Suite("Keycard in the console: keys in, requests out")
struct KeycardRuntimeTests {
    @Test func drillIntoOrganizationThenServiceAccountAndEscapeBackTwiceKeepingSelections() async throws {
        let harness = try await KeycardHarness()
        #expect(await harness.start())
        let seed = await KeycardSeed(harness.store)
        let users = await harness.store.users(organizationID: seed.acme).map(\.id)
        #expect(harness.session.accounts.snapshot.rows.map(\.id) == (await harness.store.userOrganizationIDs()))
        #expect(await harness.enterOrganization(row: 0))
        #expect(harness.runtime.state.pane == .members)
        #expect(harness.text.contains("Acme Robotics › Members"))
        #expect(harness.session.members.snapshot.rows.first?.id == users[0])
        harness.press(.character("j"), .character("j"))
        #expect(harness.session.members.snapshot.selectedRow?.id == users[2])
        harness.press(.character("3"))
        #expect(harness.session.tokens.snapshot.rows.map(\.id) == seed.serviceAccounts)
        let terraform = seed.serviceAccounts[2]
        #expect(await harness.enterServiceAccount(row: 2))
        #expect(harness.session.scope.node(.serviceAccount)?.id == terraform)
        let credentials = await harness.store.credentials(organizationID: seed.acme, serviceAccountID: terraform)
        #expect(credentials.map(\.name) == ["tf-cloud"])
        #expect(harness.session.tokens.snapshot.rows.map(\.id) == credentials.map(\.id))
        #expect(harness.runtime.state.pane == .tokens)
        #expect(await harness.count("GET", seed.credentialsPath(2)) == 1)

        harness.press(.escape)
        #expect(harness.session.scope.node(.serviceAccount) == nil)
        #expect(harness.session.scope.node(.organization)?.id == seed.acme)
        #expect(harness.runtime.state.pane == .tokens)
        #expect(await harness.waiter.until { harness.session.tokens.snapshot.selectedRow?.id == terraform })
        #expect(await harness.waiter.until { harness.session.members.snapshot.selectedRow?.id == users[2] })

        harness.press(.escape)
        #expect(harness.session.scope.isTop)
        #expect(harness.runtime.state.pane == .accounts)
        #expect(harness.session.accounts.snapshot.selectedRow?.id == seed.acme)
        #expect(!harness.text.contains("Acme Robotics › "))
        harness.press(.escape)
        #expect(harness.session.scope.isTop)
    }

    @Test func membersPageThroughAllUsersOfTheOrganization() async throws {
        let harness = try await KeycardHarness()
        #expect(await harness.start())
        let seed = await KeycardSeed(harness.store)
        let users = await harness.store.users(organizationID: seed.acme).map(\.id)
        #expect(users.count == 121, "120 users and the demo user")
        #expect(await harness.enterOrganization(row: 0))
        #expect(harness.session.members.snapshot.rows.count == 50)
        // G selects the last loaded row, which loads the next page (cursor: the last item's id).
        for expected in [100, 121] {
            harness.press(.character("G"))
            #expect(await harness.waiter.until { harness.session.members.snapshot.rows.count == expected })
        }
        #expect(harness.session.members.snapshot.rows.map(\.id) == users)
        #expect(await harness.count("GET", "\(seed.acmePath)/users") == 3)
    }

    @Test func aServerWithoutTheUsersEndpointSaysSoInMembersAndInvitesWithTheKnownRoles() async throws {
        let harness = try await KeycardHarness(legacyEndpoints: false)
        #expect(await harness.start())
        let seed = await KeycardSeed(harness.store)
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
        #expect(await harness.count("GET", "\(seed.acmePath)/roles") == 1)
    }

    @Test func nInvitesAndXRevokesWithTheBodiesTheAPIWants() async throws {
        let harness = try await KeycardHarness()
        #expect(await harness.start())
        let seed = await KeycardSeed(harness.store)
        let path = "\(seed.acmePath)/invitations"
        #expect(await harness.enterOrganization(row: 0))
        harness.press(.character("4"))
        let seeded = await harness.store.invitations(organizationID: seed.acme).map(\.id)
        #expect(harness.session.invitations.snapshot.rows.map(\.id) == seeded)
        harness.press(.character("n"))
        #expect(await harness.waiter.until { if case .invite = harness.runtime.state.overlay { true } else { false } })
        harness.type("new.person@example.test")
        harness.press(.tab, .enter)
        #expect(harness.text.contains("Invite new.person@example.test"))
        #expect(await harness.count("POST", path) == 0, "nothing is sent before y")
        await harness.think()
        harness.press(.character("y"))
        #expect(
            await harness.waiter.until {
                harness.session.invitations.snapshot.rows.contains { $0.inviteeEmail == "new.person@example.test" }
            })
        let invitations = await harness.store.invitations(organizationID: seed.acme)
        let new = try #require(invitations.first { $0.email == "new.person@example.test" }?.id)
        #expect(await harness.count("POST", path) == 1)
        // Both fields are required; the form's single-choice default is the least privileged role.
        #expect(
            harness.demo.lastBody(.post, pathSuffix: path) == [
                "email": "new.person@example.test", "role": "org_viewer",
            ])

        harness.session.invitations.list.select(id: new)
        harness.press(.character("x"))
        #expect(harness.text.contains("Revoke the invitation of new.person@example.test"))
        await harness.think()
        harness.press(.character("y"))
        #expect(
            await harness.waiter.eventually {
                await harness.store.invitations(organizationID: seed.acme).first { $0.id == new }?.status.rawValue
                    == "revoked"
            })
        #expect(
            await harness.waiter.until {
                harness.session.invitations.snapshot.rows.first { $0.id == new }?.status == .revoked
            })
        #expect(await harness.count("DELETE", "\(path)/\(new)") == 1)
        #expect(harness.demo.lastRawBody(.delete, pathSuffix: "\(path)/\(new)")?.isEmpty ?? true, "DELETE has no body")
    }

    @Test func xOnARevokedInvitationSendsNothing() async throws {
        let harness = try await KeycardHarness()
        #expect(await harness.start())
        let seed = await KeycardSeed(harness.store)
        let invitations = await harness.store.invitations(organizationID: seed.acme)
        let revoked = try #require(invitations.first { $0.status.rawValue == "revoked" }?.id)
        #expect(await harness.enterOrganization(row: 0))
        harness.press(.character("4"))
        harness.session.invitations.list.select(id: revoked)
        harness.press(.character("x"))
        #expect(harness.runtime.state.overlay == nil)
        #expect(harness.text.contains("only a pending one can be revoked"))
        #expect(await harness.demo.writeCount() == 0)
    }
}
