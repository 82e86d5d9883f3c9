import APICore
import Foundation  // memcmp

extension Cloudflare.Envelope where Result == [Cloudflare.MemberSummary] {
    /// A member list page read by `JSONScanner`: the summaries' fields and `result_info`, every other byte
    /// skipped. Nil when the page is not a plain successful list (`success: false`, a shape the scanner does not
    /// expect, a field of another type): the caller then decodes it with `JSONDecoder`, which reports why.
    static func scanningMemberSummaries(_ body: Data) -> Self? {
        body.withUnsafeBytes { raw -> Self? in
            var scanner = JSONScanner(raw.bindMemory(to: UInt8.self))
            var success: Bool?
            var result: [Cloudflare.MemberSummary]?
            var info: Cloudflare.ResultInfo?
            do {
                try scanner.object { scanner, key in
                    if key == "success" {
                        success = try scanner.bool()
                    } else if key == "result" {
                        guard try !scanner.null() else { return }
                        var items: [Cloudflare.MemberSummary] = []
                        items.reserveCapacity(50)
                        var roles = RoleListScanCache()
                        try scanner.array { items.append(try Cloudflare.MemberSummary(scanning: &$0, roles: &roles)) }
                        result = items
                    } else if key == "result_info" {
                        guard try !scanner.null() else { return }
                        info = try Cloudflare.ResultInfo(scanning: &scanner)
                    } else if key == "errors" || key == "messages" {
                        // Empty on a successful list; anything else is the decoder's to read (and to judge).
                        try scanner.skipNullOrEmptyArray()
                    } else {
                        try scanner.skipValue()
                    }
                }
                guard scanner.isAtEnd(), success != false, JSONValidator.isValid(scanner.bytes) else { return nil }
            } catch {
                return nil
            }
            return Self(success: true, result: result, resultInfo: info)
        }
    }
}

extension Cloudflare.MemberSummary {
    init(scanning scanner: inout JSONScanner, roles cache: inout RoleListScanCache) throws {
        var id: String?
        // Read only when the member has no user object (whose email is the one shown).
        var topLevelEmail: UnsafeBufferPointer<UInt8>?
        var status: OpenEnum<Cloudflare.MemberStatus>?
        var user: UnsafeBufferPointer<UInt8>?
        var roles: [Cloudflare.RoleSummary]?
        try scanner.object { scanner, key in
            if key == "id" {
                id = try scanner.string()
            } else if key == "email" {
                topLevelEmail = try scanner.rawString()
            } else if key == "status" {
                status = try scanner.string().map(OpenEnum.init(rawValue:))
            } else if key == "user" {
                user = try scanner.rawValue()
            } else if key == "roles" {
                roles = try scanner.null() ? nil : try cache.roles(&scanner)
            } else {
                try scanner.skipValue()
            }
        }
        var memberUser: Cloudflare.MemberUser?
        if let user {
            var nested = JSONScanner(user)
            // The user's id is only the member's id when the member has none.
            memberUser = try nested.null() ? nil : try Cloudflare.MemberUser(scanning: &nested, readingID: id == nil)
        }
        var email: String?
        if memberUser == nil, let topLevelEmail {
            var nested = JSONScanner(topLevelEmail)
            email = try nested.string()
        }
        self.init(id: id, email: email, status: status, user: memberUser, roles: roles)
    }
}

/// The role lists and roles of one page already read, by their exact bytes: a big account's members hold a
/// handful of roles in a few dozen combinations, so each role is read once per page and every other copy of it
/// is one `memcmp` (its permission map, most of a page's bytes, is then never scanned); members with the same list
/// share one array.
struct RoleListScanCache {
    private var lists: [(bytes: UnsafeBufferPointer<UInt8>, roles: [Cloudflare.RoleSummary])] = []
    private var roles: [(bytes: UnsafeBufferPointer<UInt8>, role: Cloudflare.RoleSummary)] = []

    /// The role list that comes next in `scanner`.
    mutating func roles(_ scanner: inout JSONScanner) throws -> [Cloudflare.RoleSummary] {
        for entry in lists where scanner.consume(exactly: entry.bytes) { return entry.roles }
        let (list, bytes) = try scanner.reading { scanner in
            var list: [Cloudflare.RoleSummary] = []
            try scanner.array { list.append(try role(&$0)) }
            return list
        }
        if lists.count < 64 { lists.append((bytes, list)) }
        return list
    }

    private mutating func role(_ scanner: inout JSONScanner) throws -> Cloudflare.RoleSummary {
        for entry in roles where scanner.consume(exactly: entry.bytes) { return entry.role }
        let (role, bytes) = try scanner.reading { try Cloudflare.RoleSummary(scanning: &$0) }
        if roles.count < 64 { roles.append((bytes, role)) }
        return role
    }
}

extension Cloudflare.MemberUser {
    init(scanning scanner: inout JSONScanner, readingID: Bool = true) throws {
        let user = try ScannedUser(&scanner)
        self.init(
            email: user.email.string, id: readingID ? user.id?.string : nil, firstName: user.firstName?.string,
            lastName: user.lastName?.string, twoFactorAuthenticationEnabled: user.twoFactor)
    }
}

extension Cloudflare.RoleSummary {
    init(scanning scanner: inout JSONScanner) throws {
        var id: String?
        var name: String?
        var description: String?
        try scanner.object { scanner, key in
            if key == "id" {
                id = try scanner.string()
            } else if key == "name" {
                name = try scanner.string()
            } else if key == "description" {
                description = try scanner.string()
            } else {
                // `permissions`: the bulk of a role, never needed by a list.
                try scanner.skipValue()
            }
        }
        guard let id else { throw JSONScanner.Malformed(offset: 0) }
        self.init(id: id, name: name, description: description)
    }
}

extension Cloudflare.ResultInfo {
    init(scanning scanner: inout JSONScanner) throws {
        var info = Cloudflare.ResultInfo()
        try scanner.object { scanner, key in
            if key == "page" {
                info.page = try scanner.int()
            } else if key == "per_page" {
                info.perPage = try scanner.int()
            } else if key == "count" {
                info.count = try scanner.int()
            } else if key == "total_count" {
                info.totalCount = try scanner.int()
            } else if key == "total_pages" {
                info.totalPages = try scanner.int()
            } else if key == "cursors" {
                guard try !scanner.null() else { return }
                var after: String?
                try scanner.object { scanner, key in
                    if key == "after" { after = try scanner.string() } else { try scanner.skipValue() }
                }
                info.cursors = Cursors(after: after)
            } else {
                try scanner.skipValue()
            }
        }
        self = info
    }
}
