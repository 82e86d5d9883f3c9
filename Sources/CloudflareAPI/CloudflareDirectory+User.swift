/// The user's profile (`GET /user`) and its edit (`PATCH /user`; a cleared field is sent as `null`).
import APICore

extension CloudflareDirectory: UserProfileEditing {
    public var userProfileEditing: (any UserProfileEditing)? { self }

    public func userDetails() async throws -> UserDetails {
        Self.details(of: try await client.user())
    }

    public func editUser(_ changes: [String: FieldChange]) async throws -> UserDetails {
        var edit = Cloudflare.UserEdit()
        for (field, change) in changes {
            let value: Cloudflare.FieldEdit =
                switch change {
                case .set(let text): .set(text)
                case .clear: .clear
                }
            switch field {
            case "first_name": edit.firstName = value
            case "last_name": edit.lastName = value
            case "telephone": edit.telephone = value
            case "country": edit.country = value
            case "zipcode": edit.zipcode = value
            default: throw APIError(kind: .refused, detail: "The field \(field) cannot be edited: nothing was sent")
            }
        }
        guard !edit.isEmpty else { throw APIError(kind: .refused, detail: "Nothing changed: nothing was sent") }
        return Self.details(of: try await client.editUser(edit))
    }

    static func details(of user: Cloudflare.User) -> UserDetails {
        func yesNo(_ value: Bool?) -> String? { value.map { $0 ? "yes" : "no" } }
        var fields = Self.fields([
            ("ID", user.id), ("Email", user.email), ("First name", user.firstName), ("Last name", user.lastName),
            ("Telephone", user.telephone), ("Country", user.country), ("Zipcode", user.zipcode),
            ("Two-factor", user.twoFactorAuthenticationEnabled.map { $0 ? "on" : "off" }),
            ("Two-factor locked", yesNo(user.twoFactorAuthenticationLocked)), ("Suspended", yesNo(user.suspended)),
            ("Betas", user.betas?.joined(separator: ", ")), ("Pro zones", yesNo(user.hasProZones)),
            ("Business zones", yesNo(user.hasBusinessZones)), ("Enterprise zones", yesNo(user.hasEnterpriseZones)),
        ])
        fields += (user.organizations ?? []).map { organization in
            RecordField(
                "Organization",
                [organization.name ?? organization.id ?? "", organization.status.map { "(\($0))" }]
                    .compactMap { $0 }.joined(separator: " "))
        }
        let editable = [
            EditableField(id: "first_name", label: "First name", value: user.firstName),
            EditableField(id: "last_name", label: "Last name", value: user.lastName),
            EditableField(id: "telephone", label: "Telephone", value: user.telephone),
            EditableField(id: "country", label: "Country", value: user.country),
            EditableField(id: "zipcode", label: "Zipcode", value: user.zipcode),
        ]
        return UserDetails(profile: UserProfile(cloudflare: user), fields: fields, editable: editable)
    }
}
