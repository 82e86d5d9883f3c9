import Foundation

// libFuzzer target: what orgtui makes of answers that are not the API's (a proxy's page, a truncated body) and of
// the headers a retry reads. Built by `scripts/fuzz.sh`.
@testable import APICore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let body = Data(UnsafeBufferPointer(start: data, count: size))
    let said = ProviderMessage.unknownBody(body).message
    let text = String(decoding: body, as: UTF8.self)
    if text.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("<"), said.contains("<") {
        fatalError("markup reached the message: \(said)")
    }
    if said.count > 320 { fatalError("a message of \(said.count) characters") }
    let error = APIError(kind: .http(status: 403), providerMessages: [ProviderMessage(code: nil, message: said)])
    if error.userMessage.isEmpty { fatalError("an empty message") }
    if let wait = RetryPolicy.retryAfter(text), wait < .zero { fatalError("a negative Retry-After from \(text)") }
    _ = Timestamp.parse(text)
    return 0
}
