/// The account's business profile (`GET /accounts/{id}/profile`) and its edit: the PUT requires all five fields,
/// so an edit reads the profile, changes the edited fields and writes it whole.
import APICore

extension CloudflareDirectory: AccountProfileEditing {
    public var accountProfileEditing: (any AccountProfileEditing)? { self }

    /// The fields in display order: their wire keys are the ids the form and the edit use.
    static let profileFields: [(id: String, label: String)] = [
        ("business_name", "Business name"), ("business_email", "Business email"), ("business_phone", "Business phone"),
        ("business_address", "Business address"), ("external_metadata", "External metadata"),
    ]

    public func accountProfile(_ account: Account) async throws -> [EditableField] {
        Self.editable(try await client.accountProfile(accountID: try Self.id(account.id, of: "account")))
    }

    public func editAccountProfile(_ account: Account, _ changes: [String: FieldChange]) async throws -> [EditableField]
    {
        let id = try Self.id(account.id, of: "account")
        let known = Set(Self.profileFields.map(\.id))
        if let unknown = changes.keys.sorted().first(where: { !known.contains($0) }) {
            throw APIError(kind: .refused, detail: "The field \(unknown) cannot be edited: nothing was sent")
        }
        guard !changes.isEmpty else { throw APIError(kind: .refused, detail: "Nothing changed: nothing was sent") }
        // A failed read throws here: no PUT is ever built from a profile that could not be read.
        let current = Self.values(of: try await client.accountProfile(accountID: id))
        var values: [String: String] = [:]
        for field in Self.profileFields {
            switch changes[field.id] {
            case .set(let text): values[field.id] = text
            case .clear: values[field.id] = ""
            case nil:
                // A field the server did not return and the user did not type: sending "" would erase it.
                guard let value = current[field.id] else {
                    throw APIError(
                        kind: .refused,
                        detail: "The profile was read without its \(field.label.lowercased()): nothing was sent")
                }
                values[field.id] = value
            }
        }
        let update = Cloudflare.AccountProfileUpdate(
            businessAddress: values["business_address"] ?? "", businessEmail: values["business_email"] ?? "",
            businessName: values["business_name"] ?? "", businessPhone: values["business_phone"] ?? "",
            externalMetadata: values["external_metadata"] ?? "")
        try await client.updateAccountProfile(accountID: id, update)
        return Self.editable(update.profile)
    }

    static func editable(_ profile: Cloudflare.AccountProfile) -> [EditableField] {
        let values = values(of: profile)
        return profileFields.map { EditableField(id: $0.id, label: $0.label, value: values[$0.id]) }
    }

    /// The fields the server returned, by wire key (a missing one is absent, not "").
    static func values(of profile: Cloudflare.AccountProfile) -> [String: String] {
        let pairs: [(String, String?)] = [
            ("business_name", profile.businessName), ("business_email", profile.businessEmail),
            ("business_phone", profile.businessPhone), ("business_address", profile.businessAddress),
            ("external_metadata", profile.externalMetadata),
        ]
        return Dictionary(uniqueKeysWithValues: pairs.compactMap { key, value in value.map { (key, $0) } })
    }
}
