import APICore
import ConsoleTesting
import Foundation
import OpenAIAdminAPI

/// The admin key the OpenAI tests sign in with.
let openAIKeyInUse = "sk-admin-abcdefghijklmnop-wxyz"

/// Builds an OpenAI client over a fake transport, optionally behind the retry policy.
func makeOpenAIClient(
    _ transport: FakeTransport, key: String = openAIKeyInUse, organizationID: String? = nil,
    retrying sleeper: RecordingSleeper? = nil
) throws -> OpenAIClient {
    let configuration = try OpenAIConfiguration(
        baseURL: "https://api.example.test/v1", adminKey: Secret(key), organizationID: organizationID)
    let wrapped: any Transport =
        if let sleeper {
            RetryingTransport(base: transport, sleep: sleeper.sleep, unitRandom: { 1 })
        } else {
            transport
        }
    return OpenAIClient(configuration: configuration, transport: wrapped)
}

/// A directory over a fake transport with a fixed clock (2024-03-26, between the fixtures' timestamps).
func makeOpenAIDirectory(_ transport: FakeTransport, organizationID: String? = nil) throws -> OpenAIDirectory {
    OpenAIDirectory(
        client: try makeOpenAIClient(transport, organizationID: organizationID),
        now: { Date(timeIntervalSince1970: 1_711_440_000) })
}

/// An OpenAI list body; `nil` fields are left out.
func openAIList(_ items: [String], hasMore: Bool?, lastID: String? = nil, next: String? = nil) -> String {
    var fields = [#""object":"list""#, #""data":[\#(items.joined(separator: ","))]"#]
    if let hasMore { fields.append(#""has_more":\#(hasMore)"#) }
    if let lastID { fields.append(#""last_id":"\#(lastID)""#) }
    if let next { fields.append(#""next":"\#(next)""#) }
    return "{" + fields.joined(separator: ",") + "}"
}

/// An OpenAI error body.
func openAIError(message: String, type: String, code: String? = nil) -> String {
    let code = code.map { #""\#($0)""# } ?? "null"
    return #"{"error":{"message":"\#(message)","type":"\#(type)","param":null,"code":\#(code)}}"#
}

/// The JSON of an organization user.
func openAIUserJSON(_ id: String, role: String = "reader") -> String {
    #"{"object":"organization.user","id":"\#(id)","name":"User \#(id)","email":"\#(id)@example.test","role":"\#(role)","added_at":1711471533}"#
}

/// The JSON of an admin key.
func adminKeyJSON(_ id: String, redacted: String = "sk-admin...0000", expiresAt: Int? = nil) -> String {
    let expiry = expiresAt.map { #","expires_at":\#($0)"# } ?? ""
    return
        #"{"object":"organization.admin_api_key","id":"\#(id)","name":"Key \#(id)","redacted_value":"\#(redacted)","created_at":1711471533,"last_used_at":1711471534\#(expiry),"owner":{"type":"user","object":"organization.user","id":"user_1","name":"Ana","created_at":1711471533,"role":"owner"}}"#
}

/// The JSON of a role of the catalogue.
func openAIRoleJSON(_ id: String) -> String {
    #"{"object":"role","id":"\#(id)","name":"Role \#(id)","permissions":["api.organization.read"],"predefined_role":true,"resource_type":"api.organization"}"#
}

/// The JSON of a project.
func openAIProjectJSON(_ id: String, status: String = "active") -> String {
    #"{"object":"organization.project","id":"\#(id)","name":"Project \#(id)","created_at":1711471533,"status":"\#(status)"}"#
}

/// A 200 response with a JSON body.
func openAIOK(_ json: String, headers: [String: String] = [:]) -> FakeTransport.Outcome {
    .response(HTTPResponse(status: 200, headers: headers, body: Data(json.utf8)))
}

/// The query items of a recorded request, in order.
func queryItems(_ request: HTTPRequest) -> [String] {
    (URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems ?? []).map {
        "\($0.name)=\($0.value ?? "")"
    }
}

/// The body of a recorded request, as text.
func bodyText(_ request: HTTPRequest?) -> String? {
    request?.body.map { String(decoding: $0, as: UTF8.self) }
}
