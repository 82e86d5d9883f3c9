/// Random secrets for tokens and keys. These are not seeded: knowing the seed must not grant access.
enum SecretGenerator {
    private static let tokenAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
    private static let hexAlphabet = Array("0123456789abcdef")

    /// A 40-character API token secret.
    static func tokenSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<40).map { _ in tokenAlphabet[Int(generator.next() % UInt64(tokenAlphabet.count))] })
    }

    /// A 37-character global API key.
    static func globalKey() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<37).map { _ in hexAlphabet[Int(generator.next() % 16)] })
    }
}
