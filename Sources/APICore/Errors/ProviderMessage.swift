/// One error or message item a provider put in its response body.
public struct ProviderMessage: Sendable, Hashable, CustomStringConvertible {
    /// The provider's code, as text (Cloudflare sends integers, OpenAI strings).
    public var code: String?
    public var message: String

    public init(code: String?, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { code.map { "\($0): \(message)" } ?? message }
}
