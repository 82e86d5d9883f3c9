import APICore
import CloudflareAPI
import ConsoleTesting
import Foundation

/// Builds a client over a fake transport, optionally behind the retry policy.
func makeClient(
    _ transport: FakeTransport, credentials: CloudflareCredentials = .apiToken(Secret("tok-SECRET-123")),
    retrying sleeper: RecordingSleeper? = nil
) throws -> CloudflareClient {
    let configuration = try CloudflareConfiguration(
        baseURL: "https://api.example.test/client/v4", credentials: credentials)
    let wrapped: any Transport =
        if let sleeper {
            RetryingTransport(base: transport, sleep: sleeper.sleep, unitRandom: { 1 })
        } else {
            transport
        }
    return CloudflareClient(configuration: configuration, transport: wrapped)
}

/// A v4 list envelope with page-number `result_info`.
func listEnvelope(_ items: [String], page: Int, perPage: Int, totalCount: Int) -> String {
    let totalPages = (totalCount + perPage - 1) / perPage
    return """
        {"success":true,"errors":[],"messages":[],"result":[\(items.joined(separator: ","))],
         "result_info":{"page":\(page),"per_page":\(perPage),"count":\(items.count),"total_count":\(totalCount),"total_pages":\(totalPages)}}
        """
}

/// A v4 success envelope around a raw JSON result.
func envelope(_ result: String) -> String {
    #"{"success":true,"errors":[],"messages":[],"result":\#(result)}"#
}

/// A v4 error envelope.
func errorEnvelope(code: Int, message: String) -> String {
    #"{"success":false,"errors":[{"code":\#(code),"message":"\#(message)"}],"messages":[],"result":null}"#
}

/// The JSON of a minimal account.
func accountJSON(_ index: Int) -> String {
    #"{"id":"acc\#(index)","name":"Account \#(index)","type":"standard"}"#
}
