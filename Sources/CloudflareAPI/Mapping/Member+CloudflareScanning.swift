import APICore
import Foundation
import Synchronization

extension Member {
    /// A Cloudflare member list page read by `JSONScanner` straight into one `MemberBlock`: each member's id, email
    /// and name are copied from the page's bytes into the block's buffer (no string per field, no wire value in
    /// between), each role list is read once per page, and everything else is skipped.
    ///
    /// Nil when the page is not a plain successful list (`success: false`, a shape the scanner does not expect, a
    /// field of another type): the caller then decodes it with `JSONDecoder`, which reports why. The rows are the
    /// ones `Member(cloudflare:scope:roles:)` makes of the decoded summaries.
    static func scanningCloudflarePage(_ body: Data, scope: Scope, roles table: RoleTable, lists: RoleListMemo)
        -> (rows: [Member], info: Cloudflare.ResultInfo?)?
    {
        body.withUnsafeBytes { raw -> (rows: [Member], info: Cloudflare.ResultInfo?)? in
            var scanner = JSONScanner(raw.bindMemory(to: UInt8.self))
            var success: Bool?
            var members: [Member] = []
            var info: Cloudflare.ResultInfo?
            do {
                try scanner.object { scanner, key in
                    if key == "success" {
                        success = try scanner.bool()
                    } else if key == "result" {
                        guard try !scanner.null() else { return }
                        var page = CloudflarePageScan(scope: scope, roles: table, lists: lists)
                        try scanner.array { try page.member(&$0) }
                        members = page.builder.members()
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
            return (members, info)
        }
    }
}

/// One page's scan: the block being built and the role lists met so far.
private struct CloudflarePageScan {
    var builder: MemberBlockBuilder
    private var lists: [RoleListMemo.Entry]
    private let memo: RoleListMemo
    private let table: RoleTable

    init(scope: Scope, roles table: RoleTable, lists memo: RoleListMemo) {
        builder = MemberBlockBuilder(scope: scope, capacity: 50)
        lists = memo.entries
        self.memo = memo
        self.table = table
    }

    /// Reads one member object and adds it to the block.
    mutating func member(_ scanner: inout JSONScanner) throws {
        var id: ScannedString?
        var topLevelEmail: ScannedString?
        var status: ScannedString?
        var user: ScannedUser?
        var roles: [Role] = []
        try scanner.object { scanner, key in
            if key == "id" {
                id = try scanner.scannedString()
            } else if key == "email" {
                topLevelEmail = try scanner.scannedString()
            } else if key == "status" {
                status = try scanner.scannedString()
            } else if key == "user" {
                user = try scanner.null() ? nil : try ScannedUser(&scanner)
            } else if key == "roles" {
                roles = try scanner.null() ? [] : try roleList(&scanner)
            } else {
                try scanner.skipValue()
            }
        }
        // As `Member(cloudflare:)`: the member's id, else its user's; the user's email, else the member's.
        if let text = id ?? user?.id { builder.appendText(text) }
        builder.endField()
        if let text = user.map({ $0.email }) ?? topLevelEmail { builder.appendText(text) }
        builder.endField()
        var hasName = false
        if let first = user?.firstName, !first.isEmpty {
            builder.appendText(first)
            hasName = true
        }
        if let last = user?.lastName, !last.isEmpty {
            if hasName { builder.appendText(" ") }
            builder.appendText(last)
            hasName = true
        }
        builder.endField()
        builder.endMember(
            status: Self.status(status), roles: roles, twoFactorEnabled: user?.twoFactor, hasName: hasName)
    }

    /// The role list that comes next: one met before (on any page of the list) is recognised by its bytes with
    /// one `memcmp`, so its permission maps are never read; a new one is read once and remembered.
    private mutating func roleList(_ scanner: inout JSONScanner) throws -> [Role] {
        for entry in lists where entry.bytes.withUnsafeBufferPointer({ scanner.consume(exactly: $0) }) {
            return entry.roles
        }
        let (wire, bytes) = try scanner.reading { scanner in
            var list: [Cloudflare.RoleSummary] = []
            try scanner.array { list.append(try Cloudflare.RoleSummary(scanning: &$0)) }
            return list
        }
        let entry = RoleListMemo.Entry(bytes: Array(bytes), roles: table.roles(wire))
        if lists.count < RoleListMemo.capacity {
            lists.append(entry)
            memo.remember(entry)
        }
        return entry.roles
    }

    private static func status(_ text: ScannedString?) -> MemberStatus {
        guard let text else { return .unknown("") }
        switch text {
        case .bytes(let bytes):
            if bytes.elementsEqual("accepted".utf8) { return .active }
            if bytes.elementsEqual("pending".utf8) { return .pending }
            if bytes.elementsEqual("rejected".utf8) { return .rejected }
            return .unknown(String(decoding: bytes, as: UTF8.self))
        case .decoded(let raw):
            switch raw {
            case "accepted": return .active
            case "pending": return .pending
            case "rejected": return .rejected
            default: return .unknown(raw)
            }
        }
    }
}

/// The fields of a member's `user` object that a row shows, in place.
struct ScannedUser {
    var email: ScannedString
    var id: ScannedString?
    var firstName: ScannedString?
    var lastName: ScannedString?
    var twoFactor: Bool?

    init(_ scanner: inout JSONScanner) throws {
        var email: ScannedString?
        var id: ScannedString?
        var firstName: ScannedString?
        var lastName: ScannedString?
        var twoFactor: Bool?
        try scanner.object { scanner, key in
            if key == "email" {
                email = try scanner.scannedString()
            } else if key == "id" {
                id = try scanner.scannedString()
            } else if key == "first_name" {
                firstName = try scanner.scannedString()
            } else if key == "last_name" {
                lastName = try scanner.scannedString()
            } else if key == "two_factor_authentication_enabled" {
                twoFactor = try scanner.bool()
            } else {
                try scanner.skipValue()
            }
        }
        // `email` is required, as in the Codable model.
        guard let email else { throw JSONScanner.Malformed(offset: scanner.position) }
        self.email = email
        self.id = id
        self.firstName = firstName
        self.lastName = lastName
        self.twoFactor = twoFactor
    }
}

/// The role lists of one member list already read, by their exact bytes, for every page of the list: a big
/// account's members hold a handful of roles in a few dozen combinations, and a role's permission map is most of
/// a page's bytes.
final class RoleListMemo: Sendable {
    struct Entry: Sendable {
        let bytes: [UInt8]
        let roles: [Role]
    }

    /// Lists past this many are read each time they come (an account with unbounded combinations stops sharing).
    static let capacity = 64
    private let known = Mutex<[Entry]>([])

    var entries: [Entry] { known.withLock { $0 } }

    func remember(_ entry: Entry) {
        known.withLock { known in
            guard known.count < Self.capacity, !known.contains(where: { $0.bytes == entry.bytes }) else { return }
            known.append(entry)
        }
    }
}
