import APICore
import Synchronization

/// A copy of the secret of a replacement for the credential a directory signs in with, held from its creation
/// until `adopt` switches to it, so the switch works even after the reveal modal wiped its own copy.
final class KeycardReplacementSecrets: Sendable {
    private let secrets = Mutex<[String: Secret]>([:])

    /// Keeps a copy of `secret` for the credential with `clientID`.
    func hold(_ secret: Secret, clientID: String) {
        guard let value = secret.reveal() else { return }
        secrets.withLock { $0[clientID] = Secret(value) }
    }

    /// Hands the held copy over and forgets it.
    func take(clientID: String) -> Secret? {
        secrets.withLock { $0.removeValue(forKey: clientID) }
    }
}
