extension SplitMix64 {
    private static let nanoidAlphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz")

    /// A 26-character lowercase nanoid (URL- and DNS-safe), like Keycard's ids.
    mutating func nanoid() -> String {
        String((0..<26).map { _ in Self.nanoidAlphabet[Int(next() % UInt64(Self.nanoidAlphabet.count))] })
    }
}

/// Random secrets of the Keycard fake (client secrets, access tokens, invitation tokens). Not seeded: knowing the
/// seed must not grant access.
enum KeycardSecrets {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    /// `prefix` + `count` random URL-safe characters.
    static func make(_ prefix: String, count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return prefix + String((0..<count).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
    }

    /// A credential's client secret.
    static func clientSecret() -> String { make("kcs_", count: 44) }
    /// An access token from the token endpoint.
    static func accessToken() -> String { make("kca_", count: 40) }
    /// The token of an invitation email.
    static func invitationToken() -> String { make("", count: 43) }
}
