/// OpenAI-style ids (`user-…`, `proj_…`, `key_…`) drawn from a seeded generator, so runs are reproducible.
enum OpenAIIdentifiers {
    private static let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

    /// `prefix` followed by `length` letters and digits.
    static func make(_ prefix: String, length: Int = 24, using rng: inout SplitMix64) -> String {
        prefix + String((0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
    }
}
