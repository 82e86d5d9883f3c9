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

extension OpenAIAdmin.ListPage where Item == OpenAIAdmin.UserSummary {
    /// A users page read by `JSONScanner`; nil when it is not in the expected shape (then `JSONDecoder` decodes).
    static func scanningUserSummaries(_ body: Data) -> Self? {
        body.withUnsafeBytes { raw -> Self? in
            var scanner = JSONScanner(raw.bindMemory(to: UInt8.self))
            var page = Self(object: nil, data: [], hasMore: nil)
            var sawData = false
            do {
                try scanner.object { scanner, key in
                    if key == "data" {
                        sawData = true
                        page.data.reserveCapacity(100)
                        try scanner.array { page.data.append(try OpenAIAdmin.UserSummary(scanning: &$0)) }
                    } else if key == "object" {
                        page.object = try scanner.string()
                    } else if key == "first_id" {
                        page.firstID = try scanner.string()
                    } else if key == "last_id" {
                        page.lastID = try scanner.string()
                    } else if key == "has_more" {
                        page.hasMore = try scanner.bool()
                    } else if key == "next" {
                        page.next = try scanner.string()
                    } else {
                        try scanner.skipValue()
                    }
                }
                guard scanner.isAtEnd(), sawData else { return nil }
            } catch {
                return nil
            }
            return page
        }
    }
}

extension OpenAIAdmin.UserSummary {
    init(scanning scanner: inout JSONScanner) throws {
        var id: String?
        var email: String?
        var name: String?
        var role: OpenEnum<OpenAIAdmin.OrganizationRole>?
        var user: Account?
        try scanner.object { scanner, key in
            if key == "id" {
                id = try scanner.string()
            } else if key == "email" {
                email = try scanner.string()
            } else if key == "name" {
                name = try scanner.string()
            } else if key == "role" {
                role = try scanner.string().map(OpenEnum.init(rawValue:))
            } else if key == "user" {
                guard try !scanner.null() else {
                    user = nil
                    return
                }
                var account = Account(email: nil, name: nil)
                try scanner.object { scanner, key in
                    if key == "email" {
                        account.email = try scanner.string()
                    } else if key == "name" {
                        account.name = try scanner.string()
                    } else {
                        try scanner.skipValue()
                    }
                }
                user = account
            } else {
                try scanner.skipValue()
            }
        }
        guard let id else { throw JSONScanner.Malformed(offset: 0) }
        self.init(id: id, email: email, name: name, role: role, user: user)
    }
}

extension Member {
    /// The members a page of organization user summaries describes, in one block; users with the same role share
    /// one role list.
    static func openAIPage(_ users: [OpenAIAdmin.UserSummary]) -> [Member] {
        var builder = MemberBlockBuilder(scope: .top, capacity: users.count)
        var roleLists: [String: [Role]] = [:]
        for user in users {
            var roles: [Role] = []
            if let role = user.role?.rawValue {
                roles = roleLists[role] ?? [Role(openAIName: role)]
                roleLists[role] = roles
            }
            builder.append(
                id: user.id, email: user.email ?? user.user?.email ?? "", name: user.name ?? user.user?.name,
                status: .active, roles: roles, twoFactorEnabled: nil)
        }
        return builder.members()
    }

    /// The member an organization user summary describes (at the top level).
    init(openAI user: OpenAIAdmin.UserSummary) {
        self.init(
            id: user.id, email: user.email ?? user.user?.email ?? "", name: user.name ?? user.user?.name,
            status: .active, roles: user.role.map { [Role(openAIName: $0.rawValue)] } ?? [], scope: .top)
    }
}
