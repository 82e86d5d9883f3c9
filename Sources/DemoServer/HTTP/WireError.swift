/// One item of an error envelope's `errors`, with Cloudflare's optional `error_chain`.
struct WireError: Encodable, Sendable, Hashable {
    var code: Int
    var message: String
    var errorChain: [WireError]?

    init(code: Int, message: String, errorChain: [WireError]? = nil) {
        self.code = code
        self.message = message
        self.errorChain = errorChain
    }

    enum CodingKeys: String, CodingKey {
        case code, message
        case errorChain = "error_chain"
    }
}
