import APICore
import Foundation

extension Member {
    /// An organization users page read by `JSONScanner` straight into one `MemberBlock` (the rows
    /// `Member.openAIPage` makes of the decoded summaries), with the page's `has_more` and `last_id`.
    ///
    /// Nil when the page is not in the expected shape (no `data`, a user without an id, a field of another type):
    /// the caller then decodes it with `JSONDecoder`, which reports why.
    static func scanningOpenAIUsersPage(_ body: Data) -> (rows: [Member], hasMore: Bool?, lastID: String?)? {
        body.withUnsafeBytes { raw -> (rows: [Member], hasMore: Bool?, lastID: String?)? in
            var scanner = JSONScanner(raw.bindMemory(to: UInt8.self))
            var builder = MemberBlockBuilder(scope: .top, capacity: 100)
            var roles = OpenAIRoleLists()
            var sawData = false
            var hasMore: Bool?
            var lastID: String?
            do {
                try scanner.object { scanner, key in
                    if key == "data" {
                        sawData = true
                        try scanner.array { try scanUser(&$0, into: &builder, roles: &roles) }
                    } else if key == "has_more" {
                        hasMore = try scanner.bool()
                    } else if key == "last_id" {
                        lastID = try scanner.string()
                    } else if key == "object" || key == "first_id" || key == "next" {
                        // Not shown, but decoded as strings by the list type: another kind is the decoder's to refuse.
                        _ = try scanner.rawString()
                    } else {
                        try scanner.skipValue()
                    }
                }
                guard scanner.isAtEnd(), sawData, JSONValidator.isValid(scanner.bytes) else { return nil }
            } catch {
                return nil
            }
            return (builder.members(), hasMore, lastID)
        }
    }

    /// Reads one `organization.user` object and adds it to the block.
    private static func scanUser(
        _ scanner: inout JSONScanner, into builder: inout MemberBlockBuilder, roles: inout OpenAIRoleLists
    ) throws {
        var id: ScannedString?
        var email: ScannedString?
        var name: ScannedString?
        var role: ScannedString?
        var accountEmail: ScannedString?
        var accountName: ScannedString?
        try scanner.object { scanner, key in
            if key == "id" {
                id = try scanner.scannedString()
            } else if key == "email" {
                email = try scanner.scannedString()
            } else if key == "name" {
                name = try scanner.scannedString()
            } else if key == "role" {
                role = try scanner.scannedString()
            } else if key == "user" {
                guard try !scanner.null() else { return }
                try scanner.object { scanner, key in
                    if key == "email" {
                        accountEmail = try scanner.scannedString()
                    } else if key == "name" {
                        accountName = try scanner.scannedString()
                    } else {
                        try scanner.skipValue()
                    }
                }
            } else {
                try scanner.skipValue()
            }
        }
        // `id` is required, as in the Codable model.
        guard let id else { throw JSONScanner.Malformed(offset: scanner.position) }
        // As `Member.openAIPage`: the user's email and name, else the nested account's.
        builder.appendText(id)
        builder.endField()
        if let text = email ?? accountEmail { builder.appendText(text) }
        builder.endField()
        let shownName = name ?? accountName
        if let shownName { builder.appendText(shownName) }
        builder.endField()
        builder.endMember(
            status: .active, roles: role.map { roles.list(named: $0.string) } ?? [], twoFactorEnabled: nil,
            hasName: shownName != nil)
    }
}

/// The one-role lists of a page, one array per role name ("owner", "reader"): every member with the role shares it.
struct OpenAIRoleLists {
    private var lists: [String: [Role]] = [:]

    mutating func list(named name: String) -> [Role] {
        if let known = lists[name] { return known }
        let list = [Role(openAIName: name)]
        lists[name] = list
        return list
    }
}
