import APICore

/// The details of one account (`:account`): its fields, its business profile and the organizations holding it.
///
/// Each part is read on its own, so a refused one (most callers are not tenant administrators) is a line of the
/// view saying what the API said, never an error that hides the rest.
public struct AccountView: Sendable, Hashable {
    /// A part read on its own: what was read, or the API's refusal as it is.
    public enum Part<Value: Sendable & Hashable>: Sendable, Hashable {
        case loaded(Value)
        case refused(String)

        /// The value, when it was read.
        public var value: Value? {
            if case .loaded(let value) = self { return value }
            return nil
        }
    }

    public var account: Account
    /// The account's own fields (settings, who manages it).
    public var details: [RecordField] = []
    /// The business profile; nil when the provider has none (or before it was read).
    public var profile: Part<[EditableField]>?
    /// The organizations containing the account, root first; nil when the provider has none.
    public var organizations: Part<[TenantOrganization]>?

    public init(account: Account) {
        self.account = account
    }

    /// The organization holding the account directly, when the path was read and is not empty.
    public var containingOrganization: TenantOrganization? { organizations?.value?.last }

    /// The lines of the view: the details, then "Organization: Root › … › Leaf", then the profile's fields.
    public var fields: [RecordField] {
        var fields = details
        switch organizations {
        case .loaded(let path) where path.isEmpty:
            fields.append(RecordField("Organization", "none: the account is in no organization"))
        case .loaded(let path): fields.append(RecordField("Organization", path.map(\.name).joined(separator: " › ")))
        case .refused(let message): fields.append(RecordField("Organization", message))
        case nil: break
        }
        switch profile {
        case .loaded(let profile):
            fields += profile.map { RecordField($0.label, $0.value.flatMap { $0.isEmpty ? nil : $0 } ?? "—") }
        case .refused(let message): fields.append(RecordField("Profile", message))
        case nil: break
        }
        return fields
    }

    /// Reads one part from `source`; a failure becomes its refusal line (the API's message). Nil without a source.
    static func read<Source: Sendable, Value>(
        _ source: Source?, _ read: @Sendable (Source) async throws -> Value
    ) async -> Part<Value>? {
        guard let source else { return nil }
        do {
            return .loaded(try await read(source))
        } catch {
            return .refused(PagedListModel<Account>.message(for: error))
        }
    }
}
