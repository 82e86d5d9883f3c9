import Hummingbird

/// Reads the JSON bodies of `/v1` requests, answering bad ones with the OpenAI error shape.
enum OpenAIBodyDecoder {
    /// Decodes a required JSON body (an empty body reads as `{}`); unknown fields are ignored.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        var request = request
        do {
            return try await RequestBodyDecoder.decode(T.self, from: &request)
        } catch {
            throw OpenAIAPIError(converting: error, method: request.method.rawValue, path: request.uri.path)
        }
    }
}
