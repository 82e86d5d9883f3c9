import APICore
import ConsoleModel
import Foundation
import KeycardAPI
import Testing

/// The Keycard-only writes of the console (SSO, invitation tokens, guided rotation), against the demo server.
enum KeycardWrites {
    static let all: [WriteCase] = [
        WriteCase(actionID: "sso.enable", provider: .keycard, method: "POST", path: "/organizations/*/sso-connection") {
            demo in
            let organization = ScopeNode(
                kind: .organization, id: demo.server.keycard.bigOrganizationID, name: "Acme Robotics")
            await demo.session.sso.load(organization).value
            #expect(demo.session.sso.state == .off)
            return .init(
                write: { await demo.session.sso.enable(issuer: "https://idp.example", clientID: "client").value },
                reread: "/organizations/\(organization.id)/sso-connection")
        },
        WriteCase(
            actionID: "sso.disable", provider: .keycard, method: "DELETE", path: "/organizations/*/sso-connection"
        ) { demo in
            let organization = ScopeNode(kind: .organization, id: demo.server.keycard.ssoOrganizationID, name: "SSO")
            await demo.session.sso.load(organization).value
            return .init(
                write: { await demo.session.sso.disable().value },
                reread: "/organizations/\(organization.id)/sso-connection")
        },
        WriteCase(
            actionID: "invitations.acceptToken", provider: .keycard, method: "POST", path: "/invitations/*/accept"
        ) { demo in
            let store = demo.server.keycard
            let invitation = try #require(await store.invitations(organizationID: store.invitingOrganizationID).first)
            let token = try #require(await store.invitationToken(id: invitation.id))
            return .init(
                write: {
                    await demo.session.invitations.accept(token: Secret(token), organizationName: "Wayne Enterprises")
                        .value
                },
                reread: "/invitations/\(token)")
        },
        WriteCase(
            actionID: "tokens.rotate", provider: .keycard, method: "POST",
            path: "/organizations/*/service-accounts/*/credentials"
        ) { demo in
            let old = try await serviceAccountKey(demo)
            return .init(
                write: { await demo.session.tokens.startRotation(id: old.id).value },
                reread: "/service-accounts/\(demo.server.keycard.loginServiceAccountID)/credentials")
        },
        WriteCase(
            actionID: "tokens.finishRotation", provider: .keycard, method: "DELETE",
            path: "/organizations/*/service-accounts/*/credentials/*"
        ) { demo in
            let old = try await serviceAccountKey(demo)
            let tokens = demo.session.tokens
            // Step 1 done (with the read-only flag off just for it), the modal waits for step 2.
            let readOnly = demo.session.readOnly
            demo.session.setReadOnly(false)
            await tokens.startRotation(id: old.id).value
            demo.session.setReadOnly(readOnly)
            try #require(tokens.rotation?.step == .created)
            return .init(write: { await tokens.finishRotation().value }, reread: "/credentials/\(old.id)")
        },
    ]

    /// The demo login service account's key, with the Tokens pane in its scope.
    @MainActor
    static func serviceAccountKey(_ demo: DemoSession) async throws -> Token {
        let store = demo.server.keycard
        let session = demo.session
        session.enter(
            ScopeNode(kind: .organization, id: store.bigOrganizationID, name: "Acme Robotics"), from: .accounts)
        session.enter(
            ScopeNode(kind: .serviceAccount, id: store.loginServiceAccountID, name: "orgtui-demo"), from: .tokens)
        try #require(
            await demo.waiter.until {
                session.tokens.scope.leaf?.id == store.loginServiceAccountID
                    && session.tokens.snapshot.loadState == .loaded
            })
        return try #require(session.tokens.snapshot.rows.first)
    }
}
