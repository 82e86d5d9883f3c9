/// How a Keycard client signs its requests.
import APICore

public enum KeycardCredentials: Sendable, CustomStringConvertible {
    /// A static API key, sent as `Authorization: Bearer`.
    case apiKey(Secret)
    /// A service-account credential, exchanged for a short-lived access token at the OAuth2 token endpoint.
    case clientCredentials(clientID: String, clientSecret: Secret)

    /// Reads `KEYCARD_API_CLIENT_ID` + `KEYCARD_API_CLIENT_SECRET`, else `KEYCARD_API_API_KEY`; nil when neither is set.
    ///
    /// Client credentials win over an API key, as in the official SDK (its OAuth2 token replaces the key's header).
    public static func fromEnvironment(_ environment: [String: String]) -> KeycardCredentials? {
        if let clientID = environment["KEYCARD_API_CLIENT_ID"], !clientID.isEmpty,
            let secret = environment["KEYCARD_API_CLIENT_SECRET"], !secret.isEmpty
        {
            return .clientCredentials(clientID: clientID, clientSecret: Secret(secret))
        }
        if let key = environment["KEYCARD_API_API_KEY"], !key.isEmpty {
            return .apiKey(Secret(key))
        }
        return nil
    }

    /// The client id, when these are client credentials.
    public var clientID: String? {
        if case .clientCredentials(let clientID, _) = self { return clientID }
        return nil
    }

    public var description: String {
        switch self {
        case .apiKey: "API key"
        case .clientCredentials(let clientID, _): "client credentials of \(clientID)"
        }
    }
}
