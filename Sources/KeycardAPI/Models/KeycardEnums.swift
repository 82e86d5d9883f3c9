import APICore

extension Keycard {
    /// `role` of an organization member or invitation.
    public enum OrganizationRole: String, Sendable, Hashable, CaseIterable {
        case admin = "org_admin"
        case member = "org_member"
        case viewer = "org_viewer"
    }

    /// `status` of an organization membership.
    public enum MembershipStatus: String, Sendable, Hashable, CaseIterable { case active, disabled }

    /// `status` of an invitation.
    public enum InvitationStatus: String, Sendable, Hashable, CaseIterable { case pending, accepted, expired, revoked }

    /// `scope` of a role (older servers only).
    public enum RoleScope: String, Sendable, Hashable, CaseIterable { case organization, zone }

    /// `type` of an organization identity (older servers only): a member or a pending invitation.
    public enum IdentityType: String, Sendable, Hashable, CaseIterable { case user, invitation }

    /// `status` of an organization identity (older servers only): a membership or an invitation status.
    public enum IdentityStatus: String, Sendable, Hashable, CaseIterable {
        case active, disabled, pending, accepted, expired, revoked
    }

    /// What a read may `expand`, sent as a repeated `expand=` parameter (as SDK 0.18.0 does).
    public enum Expand: String, Sendable, Hashable, CaseIterable {
        /// Adds the caller's `permissions` to each item and to the list.
        case permissions
        /// Fills `pagination.total_count` (the identities list only).
        case totalCount = "total_count"
    }

    /// The caller's permissions on a resource: resource type → permission → granted.
    public typealias Permissions = [String: [String: Bool]]
}
