import Foundation

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
                        try scanner.array { items.append(try Cloudflare.MemberSummary(scanning: &$0)) }
                        result = items
                    } else if key == "result_info" {
                        guard try !scanner.null() else { return }
                        info = try Cloudflare.ResultInfo(scanning: &scanner)
                    } else {
                        try scanner.skipValue()
                    }
                }
                guard scanner.isAtEnd(), success != false else { return nil }
            } catch {
                return nil
            }
            return Self(success: true, result: result, resultInfo: info)
        }
    }
}

extension Cloudflare.MemberSummary {
    init(scanning scanner: inout JSONScanner) throws {
        var id: String?
        var email: String?
        var status: OpenEnum<Cloudflare.MemberStatus>?
        var user: Cloudflare.MemberUser?
        var roles: [Cloudflare.RoleSummary]?
        try scanner.object { scanner, key in
            if key == "id" {
                id = try scanner.string()
            } else if key == "email" {
                email = try scanner.string()
            } else if key == "status" {
                status = try scanner.string().map(OpenEnum.init(rawValue:))
            } else if key == "user" {
                user = try scanner.null() ? nil : try Cloudflare.MemberUser(scanning: &scanner)
            } else if key == "roles" {
                guard try !scanner.null() else {
                    roles = nil
                    return
                }
                var list: [Cloudflare.RoleSummary] = []
                try scanner.array { list.append(try Cloudflare.RoleSummary(scanning: &$0)) }
                roles = list
            } else {
                try scanner.skipValue()
            }
        }
        self.init(id: id, email: email, status: status, user: user, roles: roles)
    }
}

extension Cloudflare.MemberUser {
    init(scanning scanner: inout JSONScanner) throws {
        var email: String?
        var id: String?
        var firstName: String?
        var lastName: String?
        var twoFactor: Bool?
        try scanner.object { scanner, key in
            if key == "email" {
                email = try scanner.string()
            } else if key == "id" {
                id = try scanner.string()
            } else if key == "first_name" {
                firstName = try scanner.string()
            } else if key == "last_name" {
                lastName = try scanner.string()
            } else if key == "two_factor_authentication_enabled" {
                twoFactor = try scanner.bool()
            } else {
                try scanner.skipValue()
            }
        }
        // `email` is required, as in the Codable model.
        guard let email else { throw JSONScanner.Malformed(offset: 0) }
        self.init(email: email, id: id, firstName: firstName, lastName: lastName, twoFactorAuthenticationEnabled: twoFactor)
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
