/// Secrets of OpenAI keys and their redacted forms. Secrets are not seeded: knowing the seed must not grant access.
enum OpenAIKeySecrets {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
    /// Prefixes shown in full in a redacted value.
    private static let prefixes = ["sk-admin-", "sk-svcacct-", "sk-proj-", "sk-"]

    /// A new admin key secret, `sk-admin-…`.
    static func adminKey() -> String { "sk-admin-" + random(count: 64) }

    /// A new project key secret owned by a person, `sk-proj-…`.
    static func projectKey() -> String { "sk-proj-" + random(count: 64) }

    /// A new service account key secret, `sk-svcacct-…`.
    static func serviceAccountKey() -> String { "sk-svcacct-" + random(count: 64) }

    /// The key's known prefix plus two characters, `…`, and its last four characters (`sk-admin-ab…wxyz`), so
    /// a client can recognise its own key without the list revealing it. Short secrets show less.
    static func redacted(_ secret: String) -> String {
        let prefix = prefixes.first { secret.hasPrefix($0) && secret.count >= $0.count + 10 } ?? ""
        let rest = secret.dropFirst(prefix.count)
        guard rest.count >= 10 else {
            // Too short to show 6 characters without giving most of it away.
            return prefix + "…" + String(rest.suffix(rest.count / 4))
        }
        return prefix + String(rest.prefix(2)) + "…" + String(rest.suffix(4))
    }

    private static func random(count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<count).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
    }
}
