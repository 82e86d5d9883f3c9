import APICore

/// Enabling SSO (issuer URL, client id, client secret) or changing a connection's settings (those, the endpoints
/// and the scopes). The client secret is typed masked: only its length reaches the screen, and it is wiped when the
/// form closes or is sent.
public struct SSOForm: Sendable, Hashable {
    /// One line of the form.
    public enum Field: Sendable, Hashable, CaseIterable {
        case issuer, clientID, clientSecret, authorizationEndpoint, tokenEndpoint, userinfoEndpoint, scopes

        /// The label shown before the value.
        public var label: String {
            switch self {
            case .issuer: "Issuer URL"
            case .clientID: "Client id"
            case .clientSecret: "Client secret"
            case .authorizationEndpoint: "Authorization"
            case .tokenEndpoint: "Token endpoint"
            case .userinfoEndpoint: "Userinfo"
            case .scopes: "Scopes"
            }
        }
    }

    /// The connection being changed; nil while enabling.
    public let original: SSOConnection?
    public let fields: [Field]
    public var focus = 0
    public private(set) var texts: [Field: String] = [:]
    /// The client secret typed so far (nil: none; the stored one stays).
    public private(set) var secret: Secret?

    /// The form that enables SSO.
    public init() {
        original = nil
        fields = [.issuer, .clientID, .clientSecret]
    }

    /// The form that changes `connection`, filled with its settings.
    public init(editing connection: SSOConnection) {
        original = connection
        fields = Field.allCases
        texts = [
            .issuer: connection.issuer, .clientID: connection.clientID ?? "",
            .authorizationEndpoint: connection.authorizationEndpoint ?? "",
            .tokenEndpoint: connection.tokenEndpoint ?? "", .userinfoEndpoint: connection.userinfoEndpoint ?? "",
            .scopes: connection.scopes.joined(separator: " "),
        ]
    }

    /// The field with the focus.
    public var focused: Field { fields[min(focus, fields.count - 1)] }

    public func text(_ field: Field) -> String { texts[field] ?? "" }

    /// How the secret shows: a dot per character, or what is stored.
    public var maskedSecret: String {
        if let count = secret?.count, count > 0 { return String(repeating: "•", count: count) }
        return original?.clientSecretIsSet == true ? "(set; type to replace)" : ""
    }

    /// Types a character into the focused field.
    public mutating func append(_ character: Character) {
        guard focused == .clientSecret else { return texts[focused, default: ""].append(character) }
        let typed = (secret?.reveal() ?? "") + String(character)
        secret?.wipe()
        secret = Secret(typed)
    }

    /// Deletes the last character of the focused field.
    public mutating func deleteBackward() {
        guard focused == .clientSecret else {
            texts[focused] = String(text(focused).dropLast())
            return
        }
        let shorter = String((secret?.reveal() ?? "").dropLast())
        secret?.wipe()
        secret = shorter.isEmpty ? nil : Secret(shorter)
    }

    /// Wipes the typed secret (on cancel, and once the settings carry their own copy).
    public func wipe() { secret?.wipe() }

    /// Whether enabling can be sent: an https issuer and a client id.
    public var isComplete: Bool {
        let issuer = text(.issuer)
        return issuer.hasPrefix("https://") && issuer.count > 8 && !text(.clientID).isEmpty
    }

    /// What changed, as settings (nil parts stay as they are), with the lines the confirmation shows.
    public func changes() -> (settings: SSOSettings, lines: [String]) {
        var settings = SSOSettings()
        var lines: [String] = []
        func changed(_ field: Field, _ current: String?) -> String? {
            let typed = text(field).trimmingCharacters(in: .whitespaces)
            guard typed != (current ?? "") else { return nil }
            lines.append("\(field.label.lowercased()): \(typed.isEmpty ? "none" : "'\(typed)'")")
            return typed
        }
        settings.issuer = changed(.issuer, original?.issuer)
        settings.clientID = changed(.clientID, original?.clientID)
        if let secret, secret.count > 0 {
            settings.clientSecret = Secret(secret.reveal() ?? "")
            lines.append("client secret: replaced (\(secret.count) characters, never shown)")
        }
        guard let original else { return (settings, lines) }
        settings.authorizationEndpoint = changed(.authorizationEndpoint, original.authorizationEndpoint)
        settings.tokenEndpoint = changed(.tokenEndpoint, original.tokenEndpoint)
        settings.userinfoEndpoint = changed(.userinfoEndpoint, original.userinfoEndpoint)
        let scopes = text(.scopes).split { $0 == " " || $0 == "," }.map(String.init)
        if scopes != original.scopes {
            settings.scopes = scopes
            lines.append("scopes: \(scopes.isEmpty ? "none" : scopes.joined(separator: " "))")
        }
        return (settings, lines)
    }

    public static func == (lhs: SSOForm, rhs: SSOForm) -> Bool {
        lhs.original == rhs.original && lhs.fields == rhs.fields && lhs.focus == rhs.focus && lhs.texts == rhs.texts
            && lhs.secret?.count == rhs.secret?.count
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(original)
        hasher.combine(focus)
        hasher.combine(texts)
        hasher.combine(secret?.count)
    }
}
