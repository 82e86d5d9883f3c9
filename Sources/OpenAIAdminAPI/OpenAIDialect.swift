import APICore
import Foundation

/// OpenAI's half of the request path: `Authorization: Bearer <admin key>`, the optional `OpenAI-Organization`
/// header, and errors as `{"error": {message, type, param, code}}`.
struct OpenAIDialect: APIDialect {
    let adminKey: CredentialSlot<Secret>
    let organizationID: String?

    func authorization() async throws -> [(name: String, value: String)] {
        guard let key = adminKey.credentials.reveal(), !key.isEmpty else {
            throw APIError(kind: .invalidConfiguration, detail: "The OpenAI admin key is no longer available")
        }
        var headers = [("Authorization", "Bearer \(key)")]
        if let organizationID, !organizationID.isEmpty { headers.append(("OpenAI-Organization", organizationID)) }
        return headers
    }

    func errorMessages(in body: Data) -> [ProviderMessage]? {
        // Read loosely: a `code` that is a number, or a missing `type`, must not hide the message.
        guard case .object(let top)? = try? JSONDecoder().decode(JSONValue.self, from: body),
            case .object(let error)? = top["error"]
        else { return nil }
        let message = Self.text(error["message"])
        let code = Self.text(error["code"]) ?? Self.text(error["type"])
        guard message != nil || code != nil else { return [] }
        return [ProviderMessage(code: code, message: message ?? code ?? "")]
    }

    private static func text(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text): text.isEmpty ? nil : text
        case .number(let number): number.rounded() == number ? String(Int(number)) : String(number)
        default: nil
        }
    }
}
