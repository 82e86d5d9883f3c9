import APICore
import ConsoleTesting
import Foundation
import KeycardAPI
import Testing

@Suite("Keycard directory: scopes, mapping and capabilities")
struct KeycardDirectoryTests {
    private let organization = ScopeNode(kind: .organization, id: "o1", name: "Acme")
    private let account = ScopeNode(kind: .serviceAccount, id: "s1", name: "ci")

    @Test func theCapabilitiesAreWhatKeycardCanDo() throws {
        let directory = KeycardDirectory(client: try makeKeycardClient(FakeTransport()))
        #expect(directory.provider == .keycard)
        #expect(
            directory.capabilities == [
                .rotateKeys, .deleteTokens, .inviteMembers, .revokeInvitations, .changeMemberRoles, .removeMembers,
                .acceptInvitationTokens, .manageSSO, .createTokens, .editTokens, .administerAccounts, .toggleMembers,
                .listIdentities, .exchangeTokens,
            ])
        #expect(!directory.capabilities.contains(.deleteAccounts), "Keycard cannot delete an organization")
        #expect(directory.memberInviting?.allowsSeveralRoles == false)
    }

    @Test func panesOutsideAnOrganizationAskForOne() throws {
        let directory = KeycardDirectory(client: try makeKeycardClient(FakeTransport()))
        for listing in [
            directory.members(in: .top, status: nil).needsScopeText,
            directory.tokens(in: .top).needsScopeText, directory.sentInvitations(in: .top).needsScopeText,
        ] {
            #expect(listing?.hasPrefix("Select an organization (1, then Enter)") == true)
        }
        #expect(
            directory.members(in: .top, status: nil).needsScopeText
                == "Select an organization (1, then Enter) to see its members")
        #expect(directory.accounts(in: Scope([organization]), nameFilter: nil).pagedList != nil, "still organizations")
    }

    @Test func serviceAccountsHoldCredentialsAndCredentialsShowTheirClientID() async throws {
        let transport = FakeTransport()
        transport.respond(
            .get, "/organizations/o1/service-accounts",
            json: keycardList([
                #"{"id":"s1","name":"ci","description":"deploys","created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-02T00:00:00Z"}"#
            ]))
        transport.respond(
            .get, "/organizations/o1/service-accounts/s1/credentials",
            json: keycardList([
                #"{"id":"c1","client_id":"cid-1","name":"gh","created_at":"2024-01-01T00:00:00Z","last_used_at":"2024-03-01T10:00:00Z"}"#
            ]))
        let directory = KeycardDirectory(client: try makeKeycardClient(transport))
        let accounts = try await #require(directory.tokens(in: Scope([organization])).pagedList).fetchAll()
        let row = try #require(accounts.first)
        #expect(row.kind == .serviceAccount && row.holdsCredentials && row.scopeNode == account)
        let credentials = try await #require(directory.tokens(in: Scope([organization, account])).pagedList).fetchAll()
        let credential = try #require(credentials.first)
        #expect(credential.kind == .credential && !credential.holdsCredentials && credential.ownerLabel == "cid-1")
        #expect(credential.owner == Scope([organization, account]) && credential.lastUsedOn != nil)
        #expect(directory.keyRotation?.canRotate(credential) == true && directory.keyRotation?.canRotate(row) == false)
        #expect(
            directory.tokenDeletion?.canDelete(row) == true && directory.tokenDeletion?.canDelete(credential) == true)
    }

    @Test(arguments: [
        ("pending", InvitationStatus.pending, true), ("accepted", .accepted, false),
        ("expired", .expired, false), ("revoked", .revoked, false), ("bounced", .unknown("bounced"), false),
    ])
    func invitationsMapTheirStatus(wire: String, status: InvitationStatus, revocable: Bool) async throws {
        let transport = FakeTransport()
        transport.respond(
            .get, "/organizations/o1/invitations",
            json: keycardList([
                #"{"id":"i1","organization_id":"o1","email":"a@b.c","role":"org_viewer","status":"\#(wire)","created_by":"u1","created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-01T00:00:00Z","expires_at":"2024-01-08T00:00:00Z"}"#
            ]))
        let directory = KeycardDirectory(client: try makeKeycardClient(transport))
        let list = try #require(directory.sentInvitations(in: Scope([organization])).pagedList)
        let invitation = try #require(try await list.fetchAll().first)
        #expect(invitation.status == status && invitation.direction == .sent && invitation.roles == ["org_viewer"])
        #expect(invitation.accountName == "Acme" && invitation.expiresOn != nil)
        #expect(directory.invitationRevoking?.canRevoke(invitation) == revocable)
    }

    @Test func theRotatedOwnCredentialIsAdoptedEvenAfterItsRevealWasWiped() async throws {
        let transport = FakeTransport()
        transport.respond(.post, "/service-account-token", json: keycardTokenJSON("t"))
        transport.respond(
            .get, "/organizations/o1/service-accounts/s1/credentials/c1",
            json:
                #"{"id":"c1","client_id":"client-1","name":"gh","description":"deploys","created_at":"2024-01-01T00:00:00Z"}"#
        )
        transport.respond(
            .post, "/organizations/o1/service-accounts/s1/credentials",
            json:
                #"{"id":"c2","client_id":"client-2","client_secret":"new-SECRET","name":"gh","description":"deploys","created_at":"2024-05-01T00:00:00Z"}"#
        )
        let client = try makeKeycardClient(transport, credentials: keycardClientCredentials)
        let directory = KeycardDirectory(client: client)
        let old = Token(
            id: "c1", name: "gh", status: .active, kind: .credential, owner: Scope([organization, account]),
            ownerLabel: "client-1")
        let rotation = try #require(directory.keyRotation)
        #expect(await rotation.isOwnCredential(old))
        let issued = try await rotation.createReplacement(for: old)
        #expect(
            issued.token.name == "gh" && issued.token.ownerLabel == "client-2" && issued.secret.reveal() == "new-SECRET"
        )
        let create = try #require(transport.requests.last)
        #expect(create.bodyText == #"{"description":"deploys","name":"gh"}"#, "same name and description")
        issued.secret.wipe()
        rotation.adopt(issued)
        guard case .clientCredentials(let clientID, let secret) = client.credentials.credentials else {
            Issue.record("not client credentials any more")
            return
        }
        #expect(clientID == "client-2" && secret.reveal() == "new-SECRET")
        #expect(!(await rotation.isOwnCredential(old)))
    }

    @Test func anAPIKeyDirectoryOwnsNoCredentialAndAdoptsNothing() async throws {
        let directory = KeycardDirectory(client: try makeKeycardClient(FakeTransport()))
        let credential = Token(id: "c1", name: "gh", status: .active, kind: .credential, ownerLabel: "client-1")
        #expect(!(await directory.keyRotation?.isOwnCredential(credential) ?? true))
        directory.keyRotation?.adopt(IssuedKey(token: credential, secret: Secret("x")))
        #expect(directory.client.credentials.credentials.description == "API key")
    }

    @Test func invitingNeedsExactlyOneRoleAndSendsNothingOtherwise() async throws {
        let transport = FakeTransport()
        let directory = KeycardDirectory(client: try makeKeycardClient(transport))
        let inviting = try #require(directory.memberInviting)
        for roles in [[], Role.keycardOrganizationRoles] {
            await #expect {
                try await inviting.invite(email: "a@b.c", roles: roles, in: Scope([organization]))
            } throws: {
                ($0 as? APIError)?.kind == .refused
            }
        }
        #expect(transport.requests.isEmpty)
        #expect(Role.keycardOrganizationRoles.map(\.tier) == [.admin, .member, .viewer])
    }

    @Test func acceptingAnInvitationThatIsNoLongerPendingSendsNoAccept() async throws {
        let transport = FakeTransport()
        transport.respond(
            .get, "/invitations/tok",
            json:
                #"{"email":"a@b.c","organization_name":"Acme","created_by_name":"Dana","role":"org_member","status":"expired","expires_at":"2024-01-08T00:00:00Z"}"#
        )
        let accepting = try #require(
            KeycardDirectory(client: try makeKeycardClient(transport)).invitationTokenAccepting)
        #expect(try await accepting.invitation(token: Secret("tok")).status == .expired)
        await #expect { try await accepting.acceptInvitation(token: Secret("tok")) } throws: { error in
            (error as? APIError)?.userMessage == "The invitation to Acme is expired: nothing was sent"
        }
        #expect(transport.count(.post, "/invitations/tok/accept") == 0)
    }
}

extension Listing {
    /// The text of a `.needsScope`, or nil.
    var needsScopeText: String? {
        if case .needsScope(let text) = self { return text }
        return nil
    }
}
