/// `{"success": false, "errors": [...], "messages": [], "result": null}`.
struct ErrorEnvelope: Encodable {
    let errors: [WireError]

    enum CodingKeys: String, CodingKey { case success, errors, messages, result }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(false, forKey: .success)
        try container.encode(errors, forKey: .errors)
        try container.encode([WireError](), forKey: .messages)
        try container.encodeNil(forKey: .result)
    }
}

/// A delete answer with the id both in `result` and at the top level, where the SDK reads it for the two
/// legacy paths (`/user/organizations/{id}` and `/user/subscriptions/{id}`).
struct TopLevelIDEnvelope: Encodable {
    /// "id" or "subscription_id".
    let key: String
    let id: String

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(true, forKey: Key("success"))
        try container.encode([WireError](), forKey: Key("errors"))
        try container.encode([WireError](), forKey: Key("messages"))
        try container.encode([key: id], forKey: Key("result"))
        try container.encode(id, forKey: Key(key))
    }
}
