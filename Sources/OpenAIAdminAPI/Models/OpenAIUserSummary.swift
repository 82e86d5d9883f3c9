import APICore
import Foundation

extension OpenAIAdmin {
    /// An organization user as the member list shows it: id, email, name, role (and the nested account's email
    /// and name as fallbacks); the other fields of `OrganizationUser` are skipped.
    public struct UserSummary: Codable, Sendable, Hashable {
        public var id: String
        public var email: String?
        public var name: String?
        public var role: OpenEnum<OrganizationRole>?
        public var user: Account?

        /// The nested `user` object's fields the list needs.
        public struct Account: Codable, Sendable, Hashable {
            public var email: String?
            public var name: String?

            public init(email: String?, name: String?) {
                self.email = email
                self.name = name
            }

            enum CodingKeys: String, CodingKey { case email, name }
        }

        public init(id: String, email: String?, name: String?, role: OpenEnum<OrganizationRole>?, user: Account?) {
            self.id = id
            self.email = email
            self.name = name
            self.role = role
            self.user = user
        }

        enum CodingKeys: String, CodingKey { case id, email, name, role, user }
    }
}

extension Member {
    /// The members a page of organization user summaries describes, in one block; users with the same role share
    /// one role list.
    static func openAIPage(_ users: [OpenAIAdmin.UserSummary]) -> [Member] {
        var builder = MemberBlockBuilder(scope: .top, capacity: users.count)
        var roles = OpenAIRoleLists()
        for user in users {
            builder.append(
                id: user.id, email: user.email ?? user.user?.email ?? "", name: user.name ?? user.user?.name,
                status: .active, roles: user.role.map { roles.list(named: $0.rawValue) } ?? [], twoFactorEnabled: nil)
        }
        return builder.members()
    }
}
