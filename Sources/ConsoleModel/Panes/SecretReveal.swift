import APICore

/// A freshly rolled secret, shown once: never cached, never logged, wiped when dismissed.
public struct SecretReveal: Sendable {
    public let tokenID: String
    public let tokenName: String
    public let scope: TokenScope
    /// The only copy of the new secret.
    public let secret: Secret
    /// Whether orgtui itself was signed in with the rolled token and now uses the new secret.
    public let replacedOwnCredential: Bool
}
