import APICore

extension OpenAIAdmin {
    /// An organization-level role (`owner` or `reader`): org users, invites, admin key owners.
    public enum OrganizationRole: String, Sendable, Hashable, CaseIterable { case owner, reader }
    /// A project-level role of a person (`owner` or `member`).
    public enum ProjectRole: String, Sendable, Hashable, CaseIterable { case owner, member }
    /// The role of a project service account.
    public enum ServiceAccountRole: String, Sendable, Hashable, CaseIterable { case owner, member, none }
    /// `status` of an organization invite.
    public enum InviteStatus: String, Sendable, Hashable, CaseIterable { case accepted, expired, pending }
    /// `status` of a project.
    public enum ProjectStatus: String, Sendable, Hashable, CaseIterable { case active, archived }
    /// Whether a project key's owner still has access to the project.
    public enum OwnerProjectAccess: String, Sendable, Hashable, CaseIterable { case active, inactive }
    /// Who owns a key: a person or a service account.
    public enum KeyOwnerType: String, Sendable, Hashable, CaseIterable {
        case user
        case serviceAccount = "service_account"
    }
    /// Where a project's data is stored and processed.
    public enum Residency: String, Sendable, Hashable, CaseIterable {
        case global = "GLOBAL"
        case usStorageProcessing = "US_STORAGE_PROCESSING"
        case euStorageProcessing = "EU_STORAGE_PROCESSING"
        case jpStorage = "JP_STORAGE"
        case jpStorageProcessing = "JP_STORAGE_PROCESSING"
        case krStorage = "KR_STORAGE"
        case caStorage = "CA_STORAGE"
        case sgStorage = "SG_STORAGE"
        case inStorage = "IN_STORAGE"
        case inStorageProcessing = "IN_STORAGE_PROCESSING"
        case auStorage = "AU_STORAGE"
        case auStorageProcessing = "AU_STORAGE_PROCESSING"
        case gbStorage = "GB_STORAGE"
        case aeStorage = "AE_STORAGE"
        case aeStorageProcessing = "AE_STORAGE_PROCESSING"
    }
}

extension OpenAIAdmin {
    /// Sort order of the lists that take `order`.
    public enum ListOrder: String, Sendable, Hashable, CaseIterable {
        case ascending = "asc"
        case descending = "desc"
    }
}
