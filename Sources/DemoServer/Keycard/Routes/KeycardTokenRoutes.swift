import APICore
import Foundation
import Hummingbird
import KeycardAPI

/// The OAuth2 token endpoint (`POST /service-account-token`) and the invitee's side of an invitation
/// (`GET /invitations/{token}` without credentials, `POST /invitations/{token}/accept` as the user).
struct KeycardTokenRoutes {
    let store: KeycardStore

    func register(on router: Router<DemoRequestContext>) {
        router.post("service-account-token") { request, _ in
            var request = request
            let authorization = request.headers[.authorization]
            let form = QueryItems(String(decoding: try await RequestBodyDecoder.bytes(of: &request), as: UTF8.self))
            guard form["grant_type"] == "client_credentials" else {
                throw KeycardAPIError(
                    status: 400, code: "unsupported_grant_type", message: "grant_type must be client_credentials")
            }
            guard let (clientID, secret) = Self.clientCredentials(authorization: authorization, form: form) else {
                throw KeycardAPIError(
                    status: 401, code: "invalid_client",
                    message:
                        "Send the client id and secret with Basic auth (or client_id and client_secret in the form)")
            }
            return try KeycardReply.json(try await store.issueAccessToken(clientID: clientID, clientSecret: secret))
        }
        router.get("invitations/:token") { _, context in
            try KeycardReply.json(
                try await store.invitationPreview(token: KeycardRoutes.parameter("token", in: context)))
        }
        router.post("invitations/:token/accept") { request, context in
            let caller = try await KeycardRoutes.caller(request, store)
            return try KeycardReply.json(
                try await store.acceptInvitation(token: KeycardRoutes.parameter("token", in: context), caller: caller))
        }
    }

    /// The client id and secret from `Authorization: Basic …`, else from the form body.
    static func clientCredentials(authorization: String?, form: QueryItems) -> (String, String)? {
        if let authorization {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "basic",
                let data = Data(base64Encoded: String(parts[1]).trimmingCharacters(in: .whitespaces)),
                let pair = String(data: data, encoding: .utf8), let colon = pair.firstIndex(of: ":")
            else { return nil }
            return (String(pair[..<colon]), String(pair[pair.index(after: colon)...]))
        }
        guard let clientID = form["client_id"], let secret = form["client_secret"] else { return nil }
        return (clientID, secret)
    }
}
