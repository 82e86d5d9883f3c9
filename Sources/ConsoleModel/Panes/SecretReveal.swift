import APICore

/// A freshly rolled secret, shown once: never cached, never logged, wiped when dismissed.
public struct SecretReveal: Sendable {
    public let tokenID: String
    public let tokenName: String
    /// The only copy of the new secret.
    public let secret: Secret
    /// Whether orgtui itself was signed in with the rolled token and now uses the new secret.
    public let replacedOwnCredential: Bool
    /// Whether the secret is of a token just created (rather than rolled).
    public var created = false
}

/// A guided rotation under way: the new key is created (its secret shown once), the old one is deleted only after
/// the user confirms they stored the new secret. Stopping between the steps leaves both keys valid.
public struct KeyRotationState: Sendable {
    /// Where the rotation stands.
    public enum Step: Sendable, Hashable {
        /// Creating the new key.
        case creating
        /// The new key exists; its secret is shown; waiting for the user to confirm before deleting the old key.
        case created
        /// Deleting the old key.
        case deletingOld
        /// Both steps done: the old key is gone.
        case finished
        /// Deleting the old key failed: both keys are valid; the text says why.
        case deleteFailed(String)
        /// Creating the new key failed: nothing changed.
        case createFailed(String)
    }

    /// The key being replaced.
    public let old: Token
    public var step: Step
    /// The new key, once created.
    public var new: Token?
    /// The only copy of the new secret, until the modal closes.
    public var secret: Secret?
    /// Whether orgtui signs in with the old key (it moves to the new one before the old one is deleted).
    public var isOwnCredential: Bool
}
