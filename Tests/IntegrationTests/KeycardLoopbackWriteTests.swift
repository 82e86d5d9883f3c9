import APICore
import DemoServer
import Foundation
import KeycardAPI
import Testing

@Suite("Keycard client against the demo server over loopback HTTP: writes, faults and retries")
struct KeycardLoopbackWriteTests {
    @Test func invitationsAreCreatedAndRevokedButStayListed() async throws {
        try await withKeycardLoopback { (h: KeycardLoopbackHarness) async throws in
            let store = h.server.keycard
            let scope = Scope([ScopeNode(kind: .organization, id: store.bigOrganizationID, name: "Acme Robotics")])
            let inviting = try #require(h.directory.memberInviting)
            let roles = try await inviting.invitableRoles(in: scope)
            let viewer = try #require(roles.first { $0.id == "org_viewer" })
            let invitation = try await inviting.invite(email: "new.person@example.com", roles: [viewer], in: scope)
            #expect(invitation.status == .pending && invitation.roles == ["org_viewer"])
            await #expect { try await inviting.invite(email: "x@example.com", roles: roles, in: scope) } throws: {
                ($0 as? APIError)?.kind == .refused
            }
            try await #require(h.directory.invitationRevoking).revokeInvitation(invitation)
            let stored = await store.invitations(organizationID: store.bigOrganizationID).first {
                $0.id == invitation.id
            }
            #expect(stored?.status == .known(.revoked))
            let deletes = await h.requests("DELETE", pathSuffix: "/invitations/\(invitation.id)")
            #expect(deletes.map(\.status) == [204])
        }
    }

    @Test func aCredentialIsRotatedTheGuidedWayAndTheDirectorySwitchesToIt() async throws {
        try await withKeycardLoopback(login: .clientCredentials) { (h: KeycardLoopbackHarness) async throws in
            let store = h.server.keycard
            let organization = ScopeNode(kind: .organization, id: store.bigOrganizationID, name: "Acme Robotics")
            let account = ScopeNode(kind: .serviceAccount, id: store.loginServiceAccountID, name: "orgtui-demo")
            let rows = try await #require(h.directory.tokens(in: Scope([organization, account])).pagedList).fetchAll()
            let own = try #require(rows.first)
            let rotation = try #require(h.directory.keyRotation)
            #expect(await rotation.isOwnCredential(own))
            let issued = try await rotation.createReplacement(for: own)
            #expect(issued.token.name == own.name && issued.token.ownerLabel != own.ownerLabel)
            #expect(issued.secret.reveal() == (await store.clientSecret(ofCredentialID: issued.token.id)))
            issued.secret.wipe()  // the reveal modal closed: the directory kept its own copy for the switch
            rotation.adopt(issued)
            try await #require(h.directory.tokenDeletion).deleteToken(own)
            await h.server.keycard.revokeAccessTokens()
            let after = try await #require(h.directory.tokens(in: Scope([organization, account])).pagedList).fetchAll()
            #expect(after.map(\.id) == [issued.token.id], "the directory signs in with the replacement")
            #expect(h.client.credentials.credentials.clientID == issued.token.ownerLabel)
        }
    }

    @Test func serviceAccountsAndCredentialsAreWritable() async throws {
        try await withKeycardLoopback { (h: KeycardLoopbackHarness) async throws in
            let organization = h.server.keycard.bigOrganizationID
            let account = try await h.client.createServiceAccount(organizationID: organization, .init(name: "loopback"))
            let renamed = try await h.client.updateServiceAccount(
                organizationID: organization, id: account.id, .init(description: "made over loopback"))
            #expect(renamed.name == "loopback" && renamed.description == "made over loopback")
            let created = try await h.client.createCredential(
                organizationID: organization, serviceAccountID: account.id, .init(name: "key"))
            #expect(
                created.secret.reveal() == (await h.server.keycard.clientSecret(ofCredentialID: created.credential.id)))
            let updated = try await h.client.updateCredential(
                organizationID: organization, serviceAccountID: account.id, id: created.credential.id,
                .init(name: "key2"))
            #expect(updated.name == "key2")
            try await h.client.deleteCredential(
                organizationID: organization, serviceAccountID: account.id, id: updated.id)
            try await h.client.deleteServiceAccount(organizationID: organization, id: account.id)
            #expect(
                !(await h.server.keycard.serviceAccounts(organizationID: organization)).contains { $0.id == account.id }
            )
            let organizationCreated = try await h.client.createOrganization(name: "Loopback Labs")
            #expect(organizationCreated.label == "loopback-labs")
            #expect(
                try await h.client.updateOrganization(id: organizationCreated.id, name: "Loopback Labs 2").name
                    == "Loopback Labs 2")
        }
    }

    @Test func membersChangeRoleAndLeaveThroughTheUsersEndpoint() async throws {
        try await withKeycardLoopback(configure: { $0.keycardUsers = 10 }) { (h: KeycardLoopbackHarness) async throws in
            let store = h.server.keycard
            let scope = Scope([ScopeNode(kind: .organization, id: store.bigOrganizationID, name: "Acme Robotics")])
            let members = try await #require(h.directory.members(in: scope, status: nil).pagedList).fetchAll()
            let target = try #require(members.last)
            let editing = try #require(h.directory.memberRoleEditing)
            let admin = try #require(try await editing.assignableRoles(for: target).first { $0.id == "org_admin" })
            let promoted = try await editing.setRoles(of: target, to: [admin])
            #expect(promoted.roles.map(\.id) == ["org_admin"] && promoted.roles.first?.tier == .admin)
            #expect(try await editing.member(target).roles.map(\.id) == ["org_admin"])
            try await #require(h.directory.memberRemoval).removeMember(target)
            #expect(!(await store.users(organizationID: store.bigOrganizationID)).contains { $0.id == target.id })
        }
    }

    @Test func anInvitationIsAcceptedByTheTokenFromItsEmail() async throws {
        try await withKeycardLoopback { (h: KeycardLoopbackHarness) async throws in
            let store = h.server.keycard
            let invitation = try #require(await store.invitations(organizationID: store.invitingOrganizationID).first)
            let token = Secret(try #require(await store.invitationToken(id: invitation.id)))
            let accepting = try #require(h.directory.invitationTokenAccepting)
            let preview = try await accepting.invitation(token: token)
            #expect(preview.organizationName == "Wayne Enterprises" && preview.status == .pending)
            let accepted = try await accepting.acceptInvitation(token: token)
            #expect(accepted.organizationID == store.invitingOrganizationID)
            #expect(accepted.invitation == preview)
            #expect((await store.userOrganizationIDs()).contains(store.invitingOrganizationID))
            await #expect { try await accepting.acceptInvitation(token: token) } throws: { error in
                (error as? APIError)?.kind == .refused
            }
            #expect(await h.requests("POST", pathSuffix: "/accept").count == 1, "the second accept sent nothing")
            let reads = await h.server.requestLog.entries().filter {
                $0.path.hasPrefix("/invitations/") && $0.method == "GET"
            }
            #expect(reads.count == 3)
            let raw = try #require(token.reveal())
            #expect(h.log.all.allSatisfy { !$0.contains(raw) }, "the token never reaches the log")
        }
    }

    @Test func ssoIsEnabledChangedAndDisabled() async throws {
        try await withKeycardLoopback { (h: KeycardLoopbackHarness) async throws in
            let organization = h.server.keycard.bigOrganizationID
            let sso = try #require(h.directory.ssoManaging)
            #expect(try await sso.ssoConnection(organizationID: organization) == nil)
            let enabled = try await sso.enableSSO(
                organizationID: organization,
                settings: SSOSettings(issuer: "https://idp.example", clientID: "client", clientSecret: Secret("s3cret"))
            )
            #expect(enabled.clientSecretIsSet && enabled.issuer == "https://idp.example")
            await #expect {
                try await sso.enableSSO(
                    organizationID: organization, settings: SSOSettings(issuer: "https://x", clientID: "y"))
            } throws: { ($0 as? APIError)?.status == 409 }
            let updated = try await sso.updateSSO(
                organizationID: organization, settings: SSOSettings(issuer: "https://idp2.example"))
            #expect(updated.issuer == "https://idp2.example" && updated.clientID == "client")
            try await sso.disableSSO(organizationID: organization)
            try await sso.disableSSO(organizationID: organization)  // already off: still done
            #expect(await h.server.keycard.ssoConnection(organizationID: organization) == nil)
        }
    }

    @Test func writesAreNeverRetried() async throws {
        try await withKeycardLoopback { (h: KeycardLoopbackHarness) async throws in
            let organization = h.server.keycard.bigOrganizationID
            let account = h.server.keycard.loginServiceAccountID
            h.server.faults.inject(
                .status(503), method: "POST", path: "/organizations/*/service-accounts/*/credentials")
            await #expect {
                try await h.client.createCredential(
                    organizationID: organization, serviceAccountID: account, .init(name: "x"))
            } throws: { ($0 as? APIError)?.status == 503 }
            #expect(await h.requests("POST", pathSuffix: "/credentials").count == 1)

            h.server.faults.inject(.reset(afterHandling: true), method: "POST", path: "/organizations/*/invitations")
            await #expect {
                try await h.client.createInvitation(
                    organizationID: organization, .init(email: "a@b.example", role: OpenEnum(.member)))
            } throws: { ($0 as? APIError)?.kind == .outcomeUnknown }
            #expect(await h.requests("POST", pathSuffix: "/invitations").count == 1)
            #expect(
                (await h.server.keycard.invitations(organizationID: organization)).contains {
                    $0.email == "a@b.example"
                })
            #expect(h.sleeper.recorded.isEmpty)
        }
    }

    @Test func aRateLimitedReadWaitsForRetryAfterAndSucceeds() async throws {
        try await withKeycardLoopback { (h: KeycardLoopbackHarness) async throws in
            h.server.faults.inject(.status(429, retryAfter: 2), method: "GET", path: "/organizations")
            #expect(try await h.client.organizations().items.isEmpty == false)
            #expect(h.sleeper.recorded == [.seconds(2)])
            #expect(await h.requests("GET", pathSuffix: "/organizations").map(\.status) == [429, 200])
        }
    }

    @Test func injectedFaultsUseTheKeycardErrorShape() async throws {
        try await withKeycardLoopback { (h: KeycardLoopbackHarness) async throws in
            h.server.faults.inject(.status(403), method: "GET", path: "/organizations/*")
            await #expect { try await h.client.organization(id: h.server.keycard.bigOrganizationID) } throws: { error in
                let error = try #require(error as? APIError)
                return error.status == 403
                    && error.providerMessages == [ProviderMessage(code: "forbidden", message: "Forbidden")]
            }
        }
    }

    @Test(arguments: [FaultKind.malformedJSON, .truncatedJSON])
    func aBrokenBodyIsAMalformedAnswer(fault: FaultKind) async throws {
        try await withKeycardLoopback { (h: KeycardLoopbackHarness) async throws in
            h.server.faults.inject(fault, method: "GET", path: "/organizations")
            await #expect { try await h.client.organizations() } throws: { error in
                let kind = (error as? APIError)?.kind
                return kind == .malformedResponse || kind == .timedOut
            }
            #expect(try await h.client.organizations().items.isEmpty == false)
        }
    }

    @Test func secretsNeverReachTheLog() async throws {
        try await withKeycardLoopback(login: .clientCredentials) { (h: KeycardLoopbackHarness) async throws in
            let organization = h.server.keycard.bigOrganizationID
            let created = try await h.client.createCredential(
                organizationID: organization, serviceAccountID: h.server.keycard.loginServiceAccountID, .init(name: "k")
            )
            let secret = try #require(created.secret.reveal())
            h.server.faults.inject(.status(500), method: "GET", path: "/organizations", times: 3)
            await #expect(throws: APIError.self) { try await h.client.organizations() }
            let lines = h.log.all
            #expect(lines.count >= 5)
            for forbidden in [secret, h.server.keycard.loginClientSecret, "Bearer", "Basic"] {
                #expect(lines.allSatisfy { !$0.contains(forbidden) }, "\(forbidden.prefix(6))… is not logged")
            }
        }
    }
}
